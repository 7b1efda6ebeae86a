import { at, list, num, rec, str } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

/** SM-02: scale-to-zero done right, or more than one instance for HA tiers. */
export const sm02CapacityTier = stackRule({
  name: "sm-02-endpoint-capacity",
  description:
    "SageMaker variants either scale to zero with a step-scaling policy to wake them, or keep more than one instance.",
  guard: {
    checklistId: "SM-02",
    priority: "P1",
    sources: [
      "SageMaker scale-to-zero docs (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html)",
      "AWS Config sagemaker-endpoint-config-prod-instance-count",
    ],
    exceptions: "single-instance variants where `allowSingleInstance` is true (dev tiers)",
  },
  config: {
    allowSingleInstance: {
      type: "boolean",
      default: false,
      description: "Accept InitialInstanceCount = 1 (non-HA tiers).",
    },
  },
  defaults: { allowSingleInstance: false },
  check: (resources, config, report) => {
    const stepScaling = resources.some(
      (r) =>
        r.type === "aws:appautoscaling/policy:Policy" &&
        str(r.props.policyType) === "StepScaling" &&
        str(r.props.serviceNamespace) === "sagemaker",
    );
    for (const r of resources) {
      if (r.type !== "aws:sagemaker/endpointConfiguration:EndpointConfiguration") continue;
      list(r.props.productionVariants).forEach((v, i) => {
        const variant = rec(v) ?? {};
        if (rec(variant.serverlessConfig)) return;
        const min = num(at(variant, "managedInstanceScaling", "minInstanceCount"));
        if (min === 0) {
          if (!stepScaling) {
            report(
              `${label(r)} productionVariants[${i}] scales to zero but no StepScaling policy (serviceNamespace "sagemaker") wakes it: ` +
                "add an aws.appautoscaling.Policy driven by a CloudWatch alarm on NoCapacityInvocationFailures.",
              r.urn,
            );
          }
          return;
        }
        const count = num(variant.initialInstanceCount) ?? 1;
        if (count <= 1 && !config.allowSingleInstance) {
          report(
            `${label(r)} productionVariants[${i}] runs ${count} instance: set initialInstanceCount >= 2 for availability, ` +
              "scale to zero (managedInstanceScaling.minInstanceCount = 0), or set `allowSingleInstance` for non-HA tiers.",
            r.urn,
          );
        }
      });
    }
  },
});
