import { resourceName } from "../lib/match.js";
import { isFalse, isTrue, rec } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GKE-06: Shielded nodes with integrity monitoring and Secure Boot. */
export const gke06ShieldedNodes = resourceRule({
  name: "gke-06-shielded-nodes",
  description: "GKE nodes are Shielded VMs with integrity monitoring and Secure Boot.",
  guard: {
    checklistId: "GKE-06",
    priority: "P1",
    sources: [
      "CIS GKE 5.5.5-5.5.7",
      "checkov CKV_GCP_71, CKV_GCP_72, CKV_GCP_68",
      "trivy AVD-GCP-0055",
      "NVIDIA/gpu-operator#1726, #497",
    ],
    exceptions:
      "Secure Boot may be off only on pools whose GPU driver is compiled by the GPU operator (unsigned modules): list them in `secureBootExemptPools`",
  },
  config: {
    secureBootExemptPools: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Node pools (name or logical name) that load unsigned, operator-built GPU drivers.",
    },
  },
  defaults: { secureBootExemptPools: [] as string[] },
  types: ["gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool"],
  check: (props, ctx, report) => {
    if (ctx.type === "gcp:container/cluster:Cluster") {
      if (isFalse(props.enableShieldedNodes)) {
        report("Shielded GKE nodes are off: remove enableShieldedNodes = false (CIS GKE 5.5.5).");
      }
      if (isTrue(props.enableAutopilot) || isTrue(props.removeDefaultNodePool) || !rec(props.nodeConfig))
        return;
    }
    const shielded = rec(rec(props.nodeConfig)?.shieldedInstanceConfig);
    if (isFalse(shielded?.enableIntegrityMonitoring)) {
      report(
        "integrity monitoring is off: remove nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring = false (CIS GKE 5.5.6).",
      );
    }
    const pool = resourceName(props, ctx.name);
    const exempt =
      ctx.config.secureBootExemptPools.includes(pool) || ctx.config.secureBootExemptPools.includes(ctx.name);
    if (!isTrue(shielded?.enableSecureBoot) && !exempt) {
      report(
        "Secure Boot is off: set nodeConfig.shieldedInstanceConfig.enableSecureBoot = true (CIS GKE 5.5.7); " +
          "a pool that loads operator-built GPU drivers goes in the rule's `secureBootExemptPools`.",
      );
    }
  },
});
