import { at, isTrue, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GKE-03: Workload Identity on the cluster and the GKE metadata server on every pool. */
export const gke03WorkloadIdentity = resourceRule({
  name: "gke-03-workload-identity",
  description: "GKE clusters enable Workload Identity and every node pool uses the GKE metadata server.",
  guard: {
    checklistId: "GKE-03",
    priority: "P0",
    sources: ["CIS GKE 5.2.2, 5.4.1", "checkov CKV_GCP_69", "trivy AVD-GCP-0057, AVD-GCP-0048"],
    exceptions: "none (Autopilot clusters always run Workload Identity and are accepted)",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool"],
  check: (props, ctx, report) => {
    const fix = 'set nodeConfig.workloadMetadataConfig = { mode: "GKE_METADATA" } (CIS GKE 5.4.1)';
    if (ctx.type === "gcp:container/nodePool:NodePool") {
      if (str(at(props, "nodeConfig", "workloadMetadataConfig", "mode")) !== "GKE_METADATA") {
        report(`pods can read the node's metadata and credentials: ${fix}.`);
      }
      return;
    }
    if (isTrue(props.enableAutopilot)) return;
    if (!str(at(props, "workloadIdentityConfig", "workloadPool"))) {
      report(
        'Workload Identity is off: set workloadIdentityConfig.workloadPool = "<project>.svc.id.goog" (CIS GKE 5.2.2).',
      );
    }
    const inline = rec(props.nodeConfig);
    if (inline && !isTrue(props.removeDefaultNodePool)) {
      if (str(at(inline, "workloadMetadataConfig", "mode")) !== "GKE_METADATA") {
        report(`the default node pool exposes node metadata: ${fix}, or removeDefaultNodePool = true.`);
      }
    }
  },
});
