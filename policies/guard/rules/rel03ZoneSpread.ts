import { eksHasGpu, gkeHasGpu } from "../lib/cloudPools.js";
import { resourceName } from "../lib/match.js";
import { LWS_TYPE, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, list, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const ZONE = "topology.kubernetes.io/zone";

function spreadsZones(spec: Record<string, unknown>): boolean {
  if (list(spec.topologySpreadConstraints).some((t) => str(rec(t)?.topologyKey) === ZONE)) return true;
  const anti = rec(at(spec, "affinity", "podAntiAffinity")) ?? {};
  const terms = [
    ...list(anti.requiredDuringSchedulingIgnoredDuringExecution),
    ...list(anti.preferredDuringSchedulingIgnoredDuringExecution).map((p) => rec(p)?.podAffinityTerm),
  ];
  return terms.some((t) => str(rec(t)?.topologyKey) === ZONE);
}

/** REL-03: replicas spread across zones; GPU pools span at least two zones. */
export const rel03ZoneSpread = resourceRule({
  name: "rel-03-zone-spread",
  description:
    "Replicated workloads spread across zones (topologySpreadConstraints or anti-affinity on topology.kubernetes.io/zone); GPU node pools span at least two zones.",
  guard: {
    checklistId: "REL-03",
    priority: "P1",
    sources: [
      "kube-score pod-topology-spread-constraints",
      "Polaris topologySpreadConstraint",
      "kube-linter no-anti-affinity",
      "EKS BP reliability/dataplane.adoc, aiml",
    ],
    exceptions: "single-zone pools listed in `singleZonePools` (e.g. a zonal capacity reservation)",
  },
  config: {
    singleZonePools: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "GPU node pools (name or logical name) allowed in one zone.",
    },
  },
  defaults: { singleZonePools: [] as string[] },
  types: [...WORKLOAD_TYPES, "gcp:container/nodePool:NodePool", "aws:eks/nodeGroup:NodeGroup"],
  check: (props, ctx, report) => {
    const pool = resourceName(props, ctx.name);
    const exempt = ctx.config.singleZonePools.includes(pool) || ctx.config.singleZonePools.includes(ctx.name);
    if (ctx.type === "gcp:container/nodePool:NodePool") {
      if (exempt || !gkeHasGpu(props.nodeConfig)) return;
      const zones = list(props.nodeLocations);
      const zonal = /-[a-z]$/.test(str(props.location) ?? "");
      if (zones.length === 1 || (zones.length === 0 && zonal)) {
        report(
          "this GPU pool lives in one zone: set nodeLocations to at least two zones (or list it in `singleZonePools`).",
        );
      }
      return;
    }
    if (ctx.type === "aws:eks/nodeGroup:NodeGroup") {
      if (!exempt && eksHasGpu(props) && list(props.subnetIds).length < 2) {
        report(
          "this GPU node group has one subnet (one AZ): give it subnets in at least two AZs (or list it in `singleZonePools`).",
        );
      }
      return;
    }
    if ((num(at(props, "spec", "replicas")) ?? 1) < 2) return;
    for (const t of podTemplates(ctx.type, props)) {
      if (ctx.type === LWS_TYPE && t.role === "worker") continue;
      if (!spreadsZones(t.spec)) {
        report(
          `${t.path} has no zone spread: add topologySpreadConstraints (or podAntiAffinity) on ${ZONE}.`,
        );
      }
    }
  },
});
