/** Inputs of the `AWS::SageMaker::InferenceComponent` desired state. */
export interface InferenceComponentSpec {
  inferenceComponentName: string;
  endpointName: string;
  variantName: string;
  modelName: string;
  acceleratorsPerCopy: number;
  memoryMiBPerCopy: number;
  cpuCoresPerCopy: number | undefined;
  modelDataDownloadTimeoutSeconds: number;
  startupHealthCheckTimeoutSeconds: number;
  initialCopyCount: number;
  tags: Record<string, string> | undefined;
}

/** Cloud Control type name of an inference component. */
export const INFERENCE_COMPONENT_TYPE = "AWS::SageMaker::InferenceComponent";

/**
 * The CloudFormation-schema desired state of an inference component, for
 * `aws.cloudcontrol.Resource` (`@pulumi/aws` 7.48.0 has no typed resource for it; see
 * docs/components/serverless.md). Property names follow the CloudFormation resource schema
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-inferencecomponent.html).
 */
export function inferenceComponentState(spec: InferenceComponentSpec): Record<string, unknown> {
  const compute: Record<string, number> = {
    NumberOfAcceleratorDevicesRequired: spec.acceleratorsPerCopy,
    MinMemoryRequiredInMb: spec.memoryMiBPerCopy,
  };
  if (spec.cpuCoresPerCopy !== undefined) compute.NumberOfCpuCoresRequired = spec.cpuCoresPerCopy;
  const state: Record<string, unknown> = {
    InferenceComponentName: spec.inferenceComponentName,
    EndpointName: spec.endpointName,
    VariantName: spec.variantName,
    Specification: {
      ModelName: spec.modelName,
      ComputeResourceRequirements: compute,
      StartupParameters: {
        ModelDataDownloadTimeoutInSeconds: spec.modelDataDownloadTimeoutSeconds,
        ContainerStartupHealthCheckTimeoutInSeconds: spec.startupHealthCheckTimeoutSeconds,
      },
    },
    RuntimeConfig: { CopyCount: spec.initialCopyCount },
  };
  if (spec.tags && Object.keys(spec.tags).length > 0) {
    state.Tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }));
  }
  return state;
}
