import type { PolicyResource } from "@pulumi/policy";
import { eksHasGpu, eksIsSpot, gkeHasGpu, gkeIsSpot } from "../lib/cloudPools.js";
import { KARPENTER_NODEPOOL, karpenterCapacityTypes, karpenterHasGpu } from "../lib/karpenter.js";
import { at, isTrue, list, rec, str } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

const COMPUTE_CLASS = "kubernetes:cloud.google.com/v1:ComputeClass";

function groupBy(
  resources: PolicyResource[],
  key: (r: PolicyResource) => string,
): Map<string, PolicyResource[]> {
  const out = new Map<string, PolicyResource[]>();
  for (const r of resources) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** SPOT-01: every Spot GPU pool has on-demand (or reserved) fallback capacity. */
export const spot01Fallback = stackRule({
  name: "spot-01-spot-fallback",
  description:
    "Every Spot GPU pool has on-demand or reserved fallback: an on-demand GPU pool beside it (GKE, EKS), a ComputeClass with a non-Spot priority, or Karpenter capacity that includes on-demand.",
  guard: {
    checklistId: "SPOT-01",
    priority: "P0",
    sources: [
      "GKE custom ComputeClass docs (fallback priorities)",
      "EKS BP autoscaling/karpenter.adoc",
      "EKS managed node group docs",
    ],
    exceptions: "none",
  },
  defaults: {},
  check: (resources, _config, report) => {
    const gke = resources.filter(
      (r) => r.type === "gcp:container/nodePool:NodePool" && gkeHasGpu(r.props.nodeConfig),
    );
    const classFallback = resources.some(
      (r) =>
        r.type === COMPUTE_CLASS &&
        list(at(r.props, "spec", "priorities")).some((p) => !isTrue(rec(p)?.spot)),
    );
    for (const pools of groupBy(gke, (r) => str(r.props.cluster) ?? "").values()) {
      const onDemand = pools.some((p) => !gkeIsSpot(p.props.nodeConfig));
      for (const p of pools) {
        if (gkeIsSpot(p.props.nodeConfig) && !onDemand && !classFallback) {
          report(
            `${label(p)} is a Spot GPU pool with no fallback: add an on-demand GPU node pool in the same cluster or a ComputeClass whose priorities end in a non-Spot entry.`,
            p.urn,
          );
        }
      }
    }
    for (const r of resources) {
      if (r.type !== COMPUTE_CLASS) continue;
      const priorities = list(at(r.props, "spec", "priorities"));
      if (priorities.length > 0 && priorities.every((p) => isTrue(rec(p)?.spot))) {
        report(
          `${label(r)} lists only Spot priorities: add an on-demand (or reservation) priority last.`,
          r.urn,
        );
      }
    }
    const eks = resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup" && eksHasGpu(r.props));
    for (const groups of groupBy(eks, (r) => str(r.props.clusterName) ?? "").values()) {
      const onDemand = groups.some((g) => !eksIsSpot(g.props));
      for (const g of groups) {
        if (eksIsSpot(g.props) && !onDemand) {
          report(
            `${label(g)} is a Spot GPU node group with no on-demand GPU node group beside it in the cluster: add one (capacityType ON_DEMAND).`,
            g.urn,
          );
        }
      }
    }
    const karpenter = resources.filter((r) => r.type === KARPENTER_NODEPOOL && karpenterHasGpu(r.props));
    const karpenterOnDemand = karpenter.some((r) =>
      karpenterCapacityTypes(r.props).some((c) => c !== "spot"),
    );
    for (const r of karpenter) {
      const types = karpenterCapacityTypes(r.props);
      if (types.length > 0 && types.every((c) => c === "spot") && !karpenterOnDemand) {
        report(
          `${label(r)} allows only Spot GPU capacity: add "on-demand" to karpenter.sh/capacity-type or a weighted on-demand NodePool.`,
          r.urn,
        );
      }
    }
  },
});
