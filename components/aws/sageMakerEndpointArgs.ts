import type * as pulumi from "@pulumi/pulumi";
import { ArgsCheck, looksSecret } from "../serverless/argsCheck.js";

/** Subnets and security groups the model containers' network interfaces live in. */
export interface SageMakerVpcArgs {
  /** Private subnet ids (two or more Availability Zones recommended). */
  subnetIds: pulumi.Input<string>[];
  /** Security group ids for the model containers. */
  securityGroupIds: pulumi.Input<string>[];
}

/** Arguments of {@link SageMakerEndpoint}. */
export interface SageMakerEndpointArgs {
  /** Endpoint name (1-55 of `[a-zA-Z0-9-]`, leaving room for suffixes). Default: the component name. */
  endpointName?: string;
  /** Inference container image in ECR (e.g. the LMI/vLLM deep learning container), ideally by digest. */
  image: pulumi.Input<string>;
  /** `s3://bucket/prefix/` of uncompressed model weights. The role may read this prefix only. Default: weights in the image. */
  modelDataS3Uri?: string;
  /** Non-secret container environment (e.g. `OPTION_MAX_MODEL_LEN`). Credential-like names are rejected. */
  environment?: Record<string, pulumi.Input<string>>;
  /** Instance type, e.g. `ml.g6e.xlarge`. */
  instanceType: string;
  /** Most instances the endpoint may run (managed instance scaling). Required: bounds the GPU bill. */
  maxInstanceCount: number;
  /** Fewest instances. Default 0: the endpoint releases every instance when no copy runs. */
  minInstanceCount?: number;
  /** Most model copies (inference component copies) auto scaling may run. Required. */
  maxCopyCount: number;
  /** Fewest model copies. Default 0 (scale to zero; the first request after idle fails while capacity returns). */
  minCopyCount?: number;
  /** GPUs one model copy needs. */
  acceleratorsPerCopy: number;
  /** Host memory one copy needs, in MiB. */
  memoryMiBPerCopy: number;
  /** vCPUs one copy needs. Default: not reserved. */
  cpuCoresPerCopy?: number;
  /** Concurrent requests per copy the target-tracking policy aims for. Default 4. */
  targetConcurrentRequestsPerCopy?: number;
  /** Seconds to download the weights (60-3600). Default 1200. */
  modelDataDownloadTimeoutSeconds?: number;
  /** Seconds for the container to pass its health check (60-3600). Default 900. */
  startupHealthCheckTimeoutSeconds?: number;
  /** VPC for the model containers. Required unless `allowNoVpc` is set. */
  vpc?: SageMakerVpcArgs;
  /** Deploy without a VPC (SageMaker-managed networking). Default false. */
  allowNoVpc?: boolean;
  /**
   * Let the model container open network connections (e.g. to download weights itself).
   * Default false: network isolation on, SageMaker stages weights for the container.
   */
  allowContainerNetworkAccess?: boolean;
  /** KMS key ARN for the ML storage volumes. Default: a dedicated key with rotation, created here. */
  kmsKeyArn?: pulumi.Input<string>;
  /** SageMaker inference AMI version (e.g. a CUDA/driver pin). Default: SageMaker's. */
  inferenceAmiVersion?: string;
  /** Tags on every resource that takes them (use them for cost allocation). */
  tags?: Record<string, string>;
}

/** Arguments after validation, with defaults filled in. */
export interface SageMakerEndpointPlan {
  endpointName: string;
  inferenceComponentName: string;
  minInstanceCount: number;
  maxInstanceCount: number;
  minCopyCount: number;
  maxCopyCount: number;
  targetConcurrentRequestsPerCopy: number;
  modelDataDownloadTimeoutSeconds: number;
  startupHealthCheckTimeoutSeconds: number;
  modelData: { bucket: string; prefix: string } | undefined;
}

const ENDPOINT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,54}$/;

/**
 * Checks {@link SageMakerEndpointArgs} and fills in defaults. Throws an `InputError` naming the
 * field and the fix for missing bounds, a non-`ml.` instance type, a missing VPC without
 * `allowNoVpc`, an `s3://` URI that is not one, credentials in the environment.
 */
export function validateSageMakerEndpointArgs(
  name: string,
  args: SageMakerEndpointArgs,
): SageMakerEndpointPlan {
  const check: ArgsCheck = new ArgsCheck("SageMakerEndpoint", name);
  const endpointName = args.endpointName ?? name;
  if (!ENDPOINT_NAME.test(endpointName)) {
    check.fail(
      "endpointName",
      `is ${JSON.stringify(endpointName)}`,
      "use 1-55 letters, digits and single hyphens",
    );
  }
  const instanceType = check.text(
    "instanceType",
    args.instanceType,
    'give a SageMaker instance type such as "ml.g6e.xlarge"',
  );
  if (!instanceType.startsWith("ml.")) {
    check.fail(
      "instanceType",
      `is ${JSON.stringify(instanceType)}, not a SageMaker instance type`,
      `use "ml.${instanceType}"`,
    );
  }
  const maxInstanceCount = check.integer(
    "maxInstanceCount",
    args.maxInstanceCount,
    1,
    100,
    "set the most instances the endpoint may run",
  );
  const minInstanceCount = check.optionalInteger(
    "minInstanceCount",
    args.minInstanceCount,
    0,
    maxInstanceCount,
    0,
  );
  const maxCopyCount = check.integer(
    "maxCopyCount",
    args.maxCopyCount,
    1,
    1000,
    "set the most model copies auto scaling may run",
  );
  const minCopyCount = check.optionalInteger("minCopyCount", args.minCopyCount, 0, maxCopyCount, 0);
  check.integer(
    "acceleratorsPerCopy",
    args.acceleratorsPerCopy,
    1,
    8,
    "set the GPUs one model copy needs (tensor parallel degree)",
  );
  check.integer(
    "memoryMiBPerCopy",
    args.memoryMiBPerCopy,
    128,
    4_000_000,
    "set the host memory one model copy needs, in MiB",
  );
  if (!args.vpc && args.allowNoVpc !== true) {
    check.fail(
      "vpc",
      "is missing",
      "give private subnetIds and securityGroupIds, or set allowNoVpc: true on purpose",
    );
  }
  if (args.vpc && args.vpc.subnetIds.length === 0)
    check.fail("vpc.subnetIds", "is empty", "list at least one private subnet");
  for (const key of Object.keys(args.environment ?? {})) {
    if (looksSecret(key)) {
      check.fail(
        `environment.${key}`,
        "looks like a credential in a plain environment variable",
        "keep credentials out of the model (network isolation needs none); stage gated weights in S3",
      );
    }
  }
  let modelData: SageMakerEndpointPlan["modelData"];
  if (args.modelDataS3Uri !== undefined) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/.exec(args.modelDataS3Uri);
    if (!match)
      check.fail(
        "modelDataS3Uri",
        `is ${JSON.stringify(args.modelDataS3Uri)}`,
        "use s3://<bucket>/<prefix>/",
      );
    modelData = { bucket: match[1] ?? "", prefix: match[2] ?? "" };
  }
  return {
    endpointName,
    inferenceComponentName: `${endpointName}-ic`,
    minInstanceCount,
    maxInstanceCount,
    minCopyCount,
    maxCopyCount,
    targetConcurrentRequestsPerCopy: check.optionalInteger(
      "targetConcurrentRequestsPerCopy",
      args.targetConcurrentRequestsPerCopy,
      1,
      1000,
      4,
    ),
    modelDataDownloadTimeoutSeconds: check.optionalInteger(
      "modelDataDownloadTimeoutSeconds",
      args.modelDataDownloadTimeoutSeconds,
      60,
      3600,
      1200,
    ),
    startupHealthCheckTimeoutSeconds: check.optionalInteger(
      "startupHealthCheckTimeoutSeconds",
      args.startupHealthCheckTimeoutSeconds,
      60,
      3600,
      900,
    ),
    modelData,
  };
}
