import { at, isTrue, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GKE-07: NetworkPolicy is enforced (Calico network policy or Dataplane V2). */
export const gke07NetworkPolicy = resourceRule({
  name: "gke-07-network-policy",
  description: "GKE clusters enforce NetworkPolicy (networkPolicy.enabled or Dataplane V2).",
  guard: {
    checklistId: "GKE-07",
    priority: "P1",
    sources: [
      "checkov CKV_GCP_12",
      "trivy AVD-GCP-0056",
      "KICS cluster_without_network_policy_support",
      "safer-cluster",
    ],
    exceptions: "none (Autopilot runs Dataplane V2 and is accepted)",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster"],
  check: (props, _ctx, report) => {
    if (isTrue(props.enableAutopilot) || str(props.datapathProvider) === "ADVANCED_DATAPATH") return;
    if (!isTrue(at(props, "networkPolicy", "enabled"))) {
      report(
        'NetworkPolicy objects are not enforced: set datapathProvider = "ADVANCED_DATAPATH" (Dataplane V2) or networkPolicy.enabled = true.',
      );
    }
  },
});
