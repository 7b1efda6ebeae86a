import { chartName, HELM_TYPES, KARPENTER_NODEPOOL, karpenterCapacityTypes } from "../lib/karpenter.js";
import { at, isTrue, num, str } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

const NTH = "aws-node-termination-handler";

/** SPOT-02: AWS Spot interruptions are handled by exactly one mechanism. */
export const spot02InterruptionOnce = stackRule({
  name: "spot-02-interruption-handled-once",
  description:
    "Spot interruptions are handled exactly once: managed node groups natively, Karpenter through its interruption queue, self-managed groups through NTH in queue mode; never NTH beside Karpenter or on managed-node-group-only clusters.",
  guard: {
    checklistId: "SPOT-02",
    priority: "P0",
    sources: [
      "aws-node-termination-handler README",
      "EKS BP autoscaling/karpenter.adoc, cost_opt_compute.adoc",
      "EKS managed node group docs",
    ],
    exceptions: "none",
  },
  defaults: {},
  check: (resources, _config, report) => {
    const helm = resources.filter((r) => HELM_TYPES.has(r.type));
    const nth = [
      ...helm.filter((r) => chartName(r.props) === NTH),
      ...resources.filter(
        (r) => r.type === "kubernetes:apps/v1:DaemonSet" && str(at(r.props, "metadata", "name")) === NTH,
      ),
    ];
    const karpenter = helm.filter((r) => chartName(r.props) === "karpenter");
    const karpenterQueue = karpenter.some(
      (r) =>
        !!str(at(r.props, "values", "settings", "interruptionQueue")) ||
        !!str(at(r.props, "values", "settings", "aws", "interruptionQueueName")),
    );
    const karpenterSpot = resources.some(
      (r) => r.type === KARPENTER_NODEPOOL && karpenterCapacityTypes(r.props).includes("spot"),
    );
    const asgs = resources.filter((r) => r.type === "aws:autoscaling/group:Group");
    const spotAsg = asgs.some((r) => {
      const pct = num(
        at(r.props, "mixedInstancesPolicy", "instancesDistribution", "onDemandPercentageAboveBaseCapacity"),
      );
      return at(r.props, "mixedInstancesPolicy") !== undefined && pct !== 100;
    });
    const nthQueue = nth.some((r) => isTrue(at(r.props, "values", "enableSqsTerminationDraining")));
    const first = nth[0];
    if (first && karpenterQueue) {
      report(
        `${label(first)} runs beside Karpenter interruption handling: each Spot notice is handled twice. Remove NTH.`,
        first.urn,
      );
    }
    if (first && asgs.length === 0) {
      report(
        `${label(first)} runs on a cluster without self-managed node groups: managed node groups and Karpenter handle Spot notices themselves. Remove NTH.`,
        first.urn,
      );
    }
    if (karpenterSpot && !karpenterQueue) {
      const k = karpenter[0];
      report(
        `Karpenter provisions Spot nodes but ${k ? label(k) : "no Karpenter release"} sets no settings.interruptionQueue: Spot notices go unhandled.`,
        k?.urn,
      );
    }
    if (spotAsg && !nthQueue) {
      report(
        "self-managed Auto Scaling groups use Spot without aws-node-termination-handler in queue mode (enableSqsTerminationDraining): notices go unhandled.",
      );
    }
  },
});
