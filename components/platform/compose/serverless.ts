import { InputError } from "../../../common/inputError.js";
import { SageMakerEndpoint } from "../../aws/sageMakerEndpoint.js";
import { CloudRunGpuEndpoint } from "../../gcp/cloudRunGpuEndpoint.js";
import type { Composed, PlatformContext } from "../context.js";
import { vllmArgs } from "../context.js";

/** Cloud Run accelerator names by catalog GPU type (Cloud Run GPU docs, 2026-12). */
const CLOUD_RUN_GPUS: Readonly<Record<string, string>> = {
  L4: "nvidia-l4",
  "RTX-PRO-6000": "nvidia-rtx-pro-6000",
};

const GIB_PER_GB = 1e9 / 2 ** 30;

/** Sizing of a serverless option: the decided one, or for hybrid overflow the scale-to-zero option's. */
function serverlessSizing(ctx: PlatformContext) {
  if (ctx.decision.platform === "serverless-gpu") return ctx.decision.sizing;
  const option = ctx.decision.options.find(
    (o) => o.platform === "serverless-gpu" && o.cloud === ctx.decision.cloud && o.variant === "scale-to-zero",
  );
  return option?.sizing ?? null;
}

/**
 * Serverless GPU: CloudRunGpuEndpoint (GCP) or SageMakerEndpoint (AWS), scaled to zero, bounded
 * by the decision's peak instances (or `maxServerlessInstances`).
 */
export function composeServerless(
  ctx: PlatformContext,
  extraInvokers: string[] = [],
): Composed & {
  endpointResource: CloudRunGpuEndpoint | SageMakerEndpoint;
} {
  const { args, name } = ctx;
  const s = serverlessSizing(ctx);
  const gpuType = s?.gpuType ?? "L4";
  const maxInstances = args.maxServerlessInstances ?? Math.max(1, s?.replicas ?? 1);
  const opts = { parent: ctx.parent };
  if (ctx.decision.cloud === "gcp") {
    const accelerator = CLOUD_RUN_GPUS[gpuType];
    if (!accelerator) {
      throw new InputError(
        `LlmPlatform "${name}": Cloud Run has no ${gpuType} GPU. Fix: choose another platform`,
      );
    }
    const endpoint = new CloudRunGpuEndpoint(
      `${name}-run`,
      {
        ...(ctx.project ? { project: ctx.project } : {}),
        location: ctx.region,
        image: String(args.image),
        args: vllmArgs(ctx),
        gpuType: accelerator,
        requiredGpuMemoryGiB: Math.ceil((s?.memoryPerReplicaGB ?? 20) * GIB_PER_GB),
        maxInstances,
        gpuZonalRedundancy: !(args.allowNoGpuZonalRedundancy ?? false),
        invokers: [...(args.gcpInvokers ?? []), ...extraInvokers],
        deletionProtection: args.deletionProtection ?? true,
      },
      opts,
    );
    return { endpoint: endpoint.uri, resources: [endpoint], endpointResource: endpoint };
  }
  const instanceType = s?.instanceType ?? "ml.g6e.xlarge";
  const endpoint = new SageMakerEndpoint(
    `${name}-sagemaker`,
    {
      image: String(args.image),
      // vLLM's image reads SM_VLLM_* variables as server flags when started by SageMaker (vLLM docs,
      // deployment/frameworks/sagemaker); unverified on a real account.
      environment: { SM_VLLM_MODEL: ctx.modelId, SM_VLLM_SERVED_MODEL_NAME: ctx.modelId },
      instanceType,
      maxInstanceCount: maxInstances,
      maxCopyCount: maxInstances,
      acceleratorsPerCopy: Math.max(1, s?.gpusPerReplica ?? 1),
      memoryMiBPerCopy: 16 * 1024,
      ...(args.awsSubnetIds && args.awsSecurityGroupIds
        ? { vpc: { subnetIds: args.awsSubnetIds, securityGroupIds: args.awsSecurityGroupIds } }
        : {}),
    },
    opts,
  );
  return {
    endpoint: endpoint.endpointName.apply(
      (n) => `https://runtime.sagemaker.${ctx.region}.amazonaws.com/endpoints/${n}/invocations`,
    ),
    resources: [endpoint],
    endpointResource: endpoint,
  };
}
