import { isTrue, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** The Compute Engine default service account: `<number>-compute@developer.gserviceaccount.com`. */
export const DEFAULT_COMPUTE_SA = /-compute@developer\.gserviceaccount\.com$/;

/** GKE-04: nodes run as a dedicated service account, never the Compute Engine default one. */
export const gke04NodeServiceAccount = resourceRule({
  name: "gke-04-node-service-account",
  description: "GKE nodes run as a dedicated, minimal service account, never the Compute Engine default one.",
  guard: {
    checklistId: "GKE-04",
    priority: "P0",
    sources: [
      "CIS GKE 5.2.1",
      "checkov CKV2_GCP_1",
      "trivy AVD-GCP-0050",
      "terraform-google-kubernetes-engine sa.tf",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool"],
  check: (props, ctx, report) => {
    if (ctx.type === "gcp:container/cluster:Cluster") {
      if (isTrue(props.enableAutopilot) || isTrue(props.removeDefaultNodePool)) return;
    }
    const sa = str(rec(props.nodeConfig)?.serviceAccount);
    if (!sa || sa === "default" || DEFAULT_COMPUTE_SA.test(sa)) {
      report(
        `nodes run as ${sa ? `the default service account (${sa})` : "the Compute Engine default service account"}: ` +
          "set nodeConfig.serviceAccount to a dedicated account holding only roles/container.defaultNodeServiceAccount (CIS GKE 5.2.1).",
      );
    }
  },
});
