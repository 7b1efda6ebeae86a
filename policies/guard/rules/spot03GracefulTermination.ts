import { eksHasGpu, eksIsSpot, gkeHasGpu, gkeIsSpot } from "../lib/cloudPools.js";
import { podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, list, num, rec, str, strings } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const GKE_SPOT = ["cloud.google.com/gke-spot", "cloud.google.com/gke-preemptible"];
const AWS_SPOT: Record<string, string> = {
  "eks.amazonaws.com/capacityType": "SPOT",
  "karpenter.sh/capacity-type": "spot",
};

/** Which Spot notice a pod template schedules onto: `gke`, `aws` or none. */
function spotCloud(spec: Record<string, unknown>): "gke" | "aws" | undefined {
  const selector = rec(spec.nodeSelector) ?? {};
  const exprs = list(
    at(
      spec,
      "affinity",
      "nodeAffinity",
      "requiredDuringSchedulingIgnoredDuringExecution",
      "nodeSelectorTerms",
    ),
  )
    .flatMap((t) => list(rec(t)?.matchExpressions))
    .map((e) => rec(e) ?? {})
    .filter((e) => str(e.operator) === "In");
  const wants = (key: string, value: string) =>
    str(selector[key]) === value ||
    exprs.some((e) => str(e.key) === key && strings(e.values).includes(value));
  if (GKE_SPOT.some((k) => wants(k, "true"))) return "gke";
  if (Object.entries(AWS_SPOT).some(([k, v]) => wants(k, v))) return "aws";
  return undefined;
}

/** SPOT-03: Spot pods finish within the notice; Spot GPU pools diversify instance types and zones. */
export const spot03GracefulTermination = resourceRule({
  name: "spot-03-spot-notice-fit",
  description:
    "Pods on Spot set terminationGracePeriodSeconds within the notice (GKE 15 s by default, AWS under 120 s); Spot GPU pools use 2+ instance types (AWS) and 2+ zones.",
  guard: {
    checklistId: "SPOT-03",
    priority: "P1",
    sources: [
      "GKE Spot VMs docs (graceful shutdown)",
      "EKS BP aiml/aiml_compute.adoc",
      "EKS managed node group docs",
    ],
    exceptions:
      "`gkeGraceSeconds` up to 120 where extended Spot termination is configured (GKE >= 1.35.0-gke.1171000)",
  },
  config: {
    gkeGraceSeconds: {
      type: "integer",
      minimum: 1,
      maximum: 120,
      default: 15,
      description: "Grace GKE gives pods on Spot nodes.",
    },
    awsGraceSeconds: {
      type: "integer",
      minimum: 1,
      maximum: 119,
      default: 110,
      description: "Grace that fits the 2-minute AWS notice.",
    },
  },
  defaults: { gkeGraceSeconds: 15, awsGraceSeconds: 110 },
  types: [...WORKLOAD_TYPES, "aws:eks/nodeGroup:NodeGroup", "gcp:container/nodePool:NodePool"],
  check: (props, ctx, report) => {
    if (ctx.type === "aws:eks/nodeGroup:NodeGroup") {
      if (!eksIsSpot(props) || !eksHasGpu(props)) return;
      if (list(props.instanceTypes).length < 2) {
        report(
          "this Spot GPU node group has one instance type, so one capacity pool: list at least two in instanceTypes.",
        );
      }
      if (list(props.subnetIds).length < 2)
        report("this Spot GPU node group spans one subnet: use subnets in at least two AZs.");
      return;
    }
    if (ctx.type === "gcp:container/nodePool:NodePool") {
      if (!gkeIsSpot(props.nodeConfig) || !gkeHasGpu(props.nodeConfig)) return;
      const zones = list(props.nodeLocations);
      if (zones.length === 1 || (zones.length === 0 && /-[a-z]$/.test(str(props.location) ?? ""))) {
        report("this Spot GPU pool lives in one zone: set nodeLocations to at least two zones.");
      }
      return;
    }
    for (const t of podTemplates(ctx.type, props)) {
      const cloud = spotCloud(t.spec);
      if (!cloud) continue;
      const grace = num(t.spec.terminationGracePeriodSeconds) ?? 30;
      const max = cloud === "gke" ? ctx.config.gkeGraceSeconds : ctx.config.awsGraceSeconds;
      if (grace > max) {
        report(
          `${t.path}.terminationGracePeriodSeconds is ${grace}${t.spec.terminationGracePeriodSeconds === undefined ? " (default)" : ""} but a ${cloud === "gke" ? "GKE" : "AWS"} Spot node gives pods ${max} s: lower it (and the preStop hook) to fit.`,
        );
      }
    }
  },
});
