import { eksHasGpu, gkeHasGpu } from "../lib/cloudPools.js";
import { KARPENTER_NODEPOOL, karpenterHasGpu } from "../lib/karpenter.js";
import { at, isFalse, isTrue, list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

function hasGpuTaint(taints: unknown, effect: string): boolean {
  return list(taints).some((t) => str(rec(t)?.key) === "nvidia.com/gpu" && str(rec(t)?.effect) === effect);
}

/** NODE-01: GPU pools repair and upgrade themselves, and keep non-GPU pods off. */
export const node01GpuPoolLifecycle = resourceRule({
  name: "node-01-gpu-pool-lifecycle",
  description:
    "GPU pools auto-repair (GKE management, EKS nodeRepairConfig), GKE clusters follow a release channel with a maintenance window, and GPU nodes carry the nvidia.com/gpu NoSchedule taint.",
  guard: {
    checklistId: "NODE-01",
    priority: "P1",
    sources: [
      "checkov CKV_GCP_9, CKV_GCP_10, CKV_GCP_70",
      "EKS BP aiml/aiml_compute.adoc",
      "EKS BP karpenter taint example",
      "terraform-google-kubernetes-engine node_pool test",
    ],
    exceptions:
      "GKE pools are not required to declare the GPU taint (GKE adds it) unless `requireGkeTaint` is true",
  },
  config: {
    requireGkeTaint: {
      type: "boolean",
      default: false,
      description: "Require an explicit nvidia.com/gpu taint on GKE GPU pools.",
    },
  },
  defaults: { requireGkeTaint: false },
  types: [
    "gcp:container/cluster:Cluster",
    "gcp:container/nodePool:NodePool",
    "aws:eks/nodeGroup:NodeGroup",
    KARPENTER_NODEPOOL,
  ],
  check: (props, ctx, report) => {
    switch (ctx.type) {
      case "gcp:container/cluster:Cluster": {
        const channel = str(at(props, "releaseChannel", "channel"));
        if (!channel || channel === "UNSPECIFIED") {
          report(
            'no release channel: set releaseChannel.channel ("REGULAR" or "STABLE") so control plane and nodes get patches (CKV_GCP_70).',
          );
        }
        if (!isTrue(props.enableAutopilot) && !rec(props.maintenancePolicy)) {
          report("no maintenance window: set maintenancePolicy so GPU node upgrades happen when you choose.");
        }
        return;
      }
      case "gcp:container/nodePool:NodePool": {
        if (!gkeHasGpu(props.nodeConfig)) return;
        const m = rec(props.management) ?? {};
        if (isFalse(m.autoRepair))
          report("management.autoRepair = false leaves failed GPU nodes in place (CKV_GCP_9).");
        if (isFalse(m.autoUpgrade))
          report("management.autoUpgrade = false: nodes drift off the release channel (CKV_GCP_10).");
        if (ctx.config.requireGkeTaint && !hasGpuTaint(at(props, "nodeConfig", "taints"), "NO_SCHEDULE")) {
          report('add nodeConfig.taints { key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" }.');
        }
        return;
      }
      case "aws:eks/nodeGroup:NodeGroup": {
        if (!eksHasGpu(props)) return;
        if (!isTrue(at(props, "nodeRepairConfig", "enabled"))) {
          report(
            "nodeRepairConfig.enabled is not true: GPU failures (Xid errors) leave broken nodes in service.",
          );
        }
        if (!hasGpuTaint(props.taints, "NO_SCHEDULE")) {
          report(
            'no GPU taint: add taints { key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" } so only GPU pods land here.',
          );
        }
        return;
      }
      default: {
        if (!karpenterHasGpu(props)) return;
        if (!hasGpuTaint(at(props, "spec", "template", "spec", "taints"), "NoSchedule")) {
          report(
            'no GPU taint: add spec.template.spec.taints { key: "nvidia.com/gpu", effect: "NoSchedule" }.',
          );
        }
        const disruption = rec(at(props, "spec", "disruption")) ?? {};
        if (str(disruption.consolidationPolicy) !== "WhenEmpty" && list(disruption.budgets).length === 0) {
          report(
            'consolidation may evict serving pods: set spec.disruption.consolidationPolicy = "WhenEmpty" or disruption budgets.',
          );
        }
      }
    }
  },
});
