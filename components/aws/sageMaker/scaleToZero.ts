import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** What the scale-to-zero wiring needs to know. */
export interface ScaleToZeroTarget {
  name: string;
  inferenceComponentName: string;
  minCopyCount: number;
  maxCopyCount: number;
  targetConcurrentRequestsPerCopy: number;
  tags: Record<string, string> | undefined;
}

/** The three resources that scale an inference component between zero and its maximum. */
export interface ScaleToZeroWiring {
  target: aws.appautoscaling.Target;
  trackingPolicy: aws.appautoscaling.Policy;
  scaleOutFromZeroPolicy: aws.appautoscaling.Policy;
  noCapacityAlarm: aws.cloudwatch.MetricAlarm;
}

/** Application Auto Scaling dimension of an inference component's copy count. */
export const COPY_COUNT_DIMENSION = "sagemaker:inference-component:DesiredCopyCount";

/**
 * Scale to zero as SageMaker documents it
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html,
 * checked 2026-08): a scalable target on the copy count with minimum 0; a target-tracking policy
 * on concurrent requests per copy that scales copies in (to zero) and out; and, because target
 * tracking cannot act when no copy emits metrics, a step-scaling policy that adds one copy when
 * the `NoCapacityInvocationFailures` alarm fires (requests arriving with zero copies).
 */
export function wireScaleToZero(
  t: ScaleToZeroTarget,
  parent: pulumi.Resource,
  dependsOn: pulumi.Resource[],
): ScaleToZeroWiring {
  const resourceId = `inference-component/${t.inferenceComponentName}`;
  const target = new aws.appautoscaling.Target(
    `${t.name}-copies`,
    {
      serviceNamespace: "sagemaker",
      resourceId,
      scalableDimension: COPY_COUNT_DIMENSION,
      minCapacity: t.minCopyCount,
      maxCapacity: t.maxCopyCount,
      tags: t.tags,
    },
    { parent, dependsOn },
  );
  const scoped = {
    serviceNamespace: target.serviceNamespace,
    resourceId: target.resourceId,
    scalableDimension: target.scalableDimension,
  };
  const trackingPolicy = new aws.appautoscaling.Policy(
    `${t.name}-track-concurrency`,
    {
      ...scoped,
      policyType: "TargetTrackingScaling",
      targetTrackingScalingPolicyConfiguration: {
        targetValue: t.targetConcurrentRequestsPerCopy,
        predefinedMetricSpecification: {
          predefinedMetricType: "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution",
        },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    },
    { parent },
  );
  const scaleOutFromZeroPolicy = new aws.appautoscaling.Policy(
    `${t.name}-scale-out-from-zero`,
    {
      ...scoped,
      policyType: "StepScaling",
      stepScalingPolicyConfiguration: {
        adjustmentType: "ChangeInCapacity",
        metricAggregationType: "Maximum",
        cooldown: 60,
        stepAdjustments: [{ metricIntervalLowerBound: "0", scalingAdjustment: 1 }],
      },
    },
    { parent },
  );
  const noCapacityAlarm = new aws.cloudwatch.MetricAlarm(
    `${t.name}-no-capacity`,
    {
      alarmDescription: `Requests reached ${t.inferenceComponentName} while it had no copies: scale out from zero`,
      namespace: "AWS/SageMaker",
      metricName: "NoCapacityInvocationFailures",
      dimensions: { InferenceComponentName: t.inferenceComponentName },
      statistic: "Maximum",
      period: 30,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "missing",
      alarmActions: [scaleOutFromZeroPolicy.arn],
      tags: t.tags,
    },
    { parent },
  );
  return { target, trackingPolicy, scaleOutFromZeroPolicy, noCapacityAlarm };
}
