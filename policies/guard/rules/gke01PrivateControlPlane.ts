import { isTrue, list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const OPEN = new Set(["0.0.0.0/0", "::/0"]);

/** GKE-01: private nodes, and a private endpoint or authorized networks without 0.0.0.0/0. */
export const gke01PrivateControlPlane = resourceRule({
  name: "gke-01-private-control-plane",
  description: "GKE clusters use private nodes and a private or network-restricted control-plane endpoint.",
  guard: {
    checklistId: "GKE-01",
    priority: "P0",
    sources: [
      "CIS GKE 5.6.3-5.6.5",
      "checkov CKV_GCP_18, CKV_GCP_20, CKV_GCP_25, CKV_GCP_64",
      "trivy AVD-GCP-0053, AVD-GCP-0059, AVD-GCP-0061",
      "terraform-google-kubernetes-engine safer-cluster",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster"],
  check: (props, _ctx, report) => {
    const pcc = rec(props.privateClusterConfig);
    if (!isTrue(pcc?.enablePrivateNodes)) {
      report("nodes have public IPs: set privateClusterConfig.enablePrivateNodes = true (CIS GKE 5.6.5).");
    }
    if (isTrue(pcc?.enablePrivateEndpoint)) return;
    const man = rec(props.masterAuthorizedNetworksConfig);
    const blocks = list(man?.cidrBlocks).map((b) => str(rec(b)?.cidrBlock) ?? "");
    if (!man || blocks.length === 0) {
      report(
        "the control-plane endpoint is public and unrestricted: set privateClusterConfig.enablePrivateEndpoint = true " +
          "or masterAuthorizedNetworksConfig.cidrBlocks to your admin networks (CIS GKE 5.6.3/5.6.4).",
      );
      return;
    }
    const open = blocks.filter((b) => OPEN.has(b.trim()));
    if (open.length > 0) {
      report(
        `masterAuthorizedNetworksConfig.cidrBlocks allows ${open.join(", ")}: list only the networks that administer the cluster (CKV_GCP_18).`,
      );
    }
  },
});
