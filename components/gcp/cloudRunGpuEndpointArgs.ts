import type * as pulumi from "@pulumi/pulumi";
import { ArgsCheck, looksSecret } from "../serverless/argsCheck.js";
import { checkCloudRunAccess } from "./cloudRunAccess.js";
import { CLOUD_RUN_GPU_SHAPES, CLOUD_RUN_GPU_TYPES, type CloudRunGpuShape } from "./cloudRunGpuShapes.js";

/** An environment variable whose value comes from Secret Manager, never from a literal. */
export interface CloudRunSecretEnvArgs {
  /** Variable name inside the container, e.g. `HF_TOKEN`. */
  name: string;
  /** Secret id (same project) or `projects/<p>/secrets/<id>`. The service account gets `secretAccessor` on it alone. */
  secret: string;
  /** Secret version. Default `latest`; pin a number for reproducible revisions. */
  version?: string;
}

/** Model weights served from a Cloud Storage bucket through a read-only Cloud Storage FUSE volume. */
export interface CloudRunModelBucketArgs {
  /** Bucket name (not a URL). The service account gets `roles/storage.objectViewer` on this bucket only. */
  bucket: string;
  /** Where the bucket appears in the container. Default `/models`. */
  mountPath?: string;
  /** Extra gcsfuse mount options, e.g. `only-dir=llama-3.1-8b` to expose one prefix. */
  mountOptions?: string[];
}

/** Direct VPC egress, so internal-only ingress is reachable from the VPC and egress stays private. */
export interface CloudRunVpcArgs {
  /** VPC network name or self link. */
  network: pulumi.Input<string>;
  /** Subnetwork name or self link in the service's region. */
  subnetwork: pulumi.Input<string>;
  /** `PRIVATE_RANGES_ONLY` (default) or `ALL_TRAFFIC`. */
  egress?: string;
}

/** Keep a warm floor of instances during stated hours (billed at the full GPU rate while warm). */
export interface CloudRunWarmScheduleArgs {
  /** Instances kept warm inside the window (at least 1, at most `maxInstances`). */
  minInstances: number;
  /** Cron expression (Cloud Scheduler syntax) that starts the warm window, e.g. `0 8 * * 1-5`. */
  startCron: string;
  /** Cron expression that ends the warm window (scales the floor back to 0), e.g. `0 19 * * 1-5`. */
  endCron: string;
  /** IANA time zone of both expressions. Default `Etc/UTC`. */
  timeZone?: string;
}

/** Arguments of {@link CloudRunGpuEndpoint}. */
export interface CloudRunGpuEndpointArgs {
  /** Project to deploy into. Default: the provider's project. */
  project?: pulumi.Input<string>;
  /** Region, e.g. `us-central1`; it must offer the GPU type (and have quota for it). */
  location: pulumi.Input<string>;
  /** Model-server image (e.g. vLLM's OpenAI server); pin it by digest in production. */
  image: pulumi.Input<string>;
  /** Arguments to the image entrypoint, e.g. `["--model", "/models/llama", "--max-num-seqs", "32"]`. */
  args?: pulumi.Input<string>[];
  /** Port the model server listens on. Default 8000 (vLLM). */
  containerPort?: number;
  /** Accelerator: `nvidia-l4` (24 GB) or `nvidia-rtx-pro-6000` (96 GB). One GPU per instance. */
  gpuType: string;
  /** GPU memory the model needs (weights + KV cache + overhead), in GiB, from the placement sizing. Must fit the GPU. */
  requiredGpuMemoryGiB: number;
  /** vCPU per instance. Default: 8 for L4, 20 for RTX PRO 6000; never below the GPU's platform minimum. */
  cpu?: number;
  /** Memory per instance in GiB. Default: 32 for L4, 80 for RTX PRO 6000; never below the GPU's platform minimum. */
  memoryGiB?: number;
  /** Upper bound on instances (and so on GPU spend). Required: an unbounded GPU service is a cost incident. */
  maxInstances: number;
  /** Always-warm instances, billed at the full GPU rate even when idle. Default 0 (scale to zero). */
  minInstances?: number;
  /** Warm floor on a schedule instead of (or on top of) `minInstances`. Default: none. */
  warmSchedule?: CloudRunWarmScheduleArgs;
  /** Concurrent requests per instance. Default 32; match the server's batch limit (vLLM `--max-num-seqs`). */
  maxConcurrency?: number;
  /** Seconds the model may take to load before the startup probe gives up. Default 600. */
  modelLoadBudgetSeconds?: number;
  /** HTTP path of the server's health check for the probes. Default `/health` (vLLM). */
  healthPath?: string;
  /** Longest request, in seconds (streams included). Default 600. */
  requestTimeoutSeconds?: number;
  /**
   * GPU zonal redundancy: `true` reserves failover capacity in other zones (higher GPU rate),
   * `false` is cheaper but best effort when a zone fails. Required: an explicit cost/reliability choice.
   */
  gpuZonalRedundancy: boolean;
  /** Weights from a Cloud Storage bucket. Default: none (weights baked into the image). */
  modelBucket?: CloudRunModelBucketArgs;
  /** Non-secret environment variables. Names that look like credentials are rejected: use `secretEnv`. */
  env?: Record<string, pulumi.Input<string>>;
  /** Environment variables read from Secret Manager (e.g. `HF_TOKEN`). */
  secretEnv?: CloudRunSecretEnvArgs[];
  /**
   * Ingress: `INGRESS_TRAFFIC_INTERNAL_ONLY` (default) or `INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER`.
   * `INGRESS_TRAFFIC_ALL` needs `allowPublicAccess`.
   */
  ingress?: string;
  /** IAM members granted `roles/run.invoker` (e.g. `serviceAccount:app@p.iam.gserviceaccount.com`). At least one. */
  invokers: string[];
  /**
   * Allow a public endpoint: `INGRESS_TRAFFIC_ALL`, `allUsers`/`allAuthenticatedUsers` invokers or
   * `disableInvokerIam`. Default false; every public shape fails validation without it.
   */
  allowPublicAccess?: boolean;
  /** Turn off the invoker IAM check entirely (anyone who reaches the URL may call it). Needs `allowPublicAccess`. */
  disableInvokerIam?: boolean;
  /** Existing service account email to run as. Default: a dedicated account created for this endpoint. */
  serviceAccountEmail?: pulumi.Input<string>;
  /** Cloud KMS key (CMEK) for the container image and revision data. Default: Google-managed keys. */
  kmsKeyName?: pulumi.Input<string>;
  /** Direct VPC egress. Default: none (internal ingress then admits only same-project VPC traffic routed to it). */
  vpc?: CloudRunVpcArgs;
  /** Protect the service from deletion. Default true. */
  deletionProtection?: boolean;
  /** Launch stage, e.g. `BETA` for preview GPU types. Default: the provider's (GA). */
  launchStage?: string;
  /** Labels on the service (shared with billing: use them for cost attribution). */
  labels?: Record<string, string>;
}

/** Arguments after validation, with every default filled in. */
export interface CloudRunGpuEndpointPlan {
  shape: CloudRunGpuShape;
  cpu: number;
  memoryGiB: number;
  minInstances: number;
  maxInstances: number;
  maxConcurrency: number;
  containerPort: number;
  ingress: string;
  invokers: string[];
  probe: {
    initialDelaySeconds: number;
    periodSeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
  };
  requestTimeoutSeconds: number;
  healthPath: string;
}

/** Cloud Run caps startup probe `periodSeconds` and `initialDelaySeconds` at 240 (provider docs, §2.4). */
export const STARTUP_PROBE_MAX_PERIOD_SECONDS = 240;
const PROBE_PERIOD_SECONDS = 10;

/**
 * Checks {@link CloudRunGpuEndpointArgs} and fills in defaults. Throws an `InputError` naming the
 * field and the fix for: an unknown GPU type, a model that does not fit the GPU, CPU or memory
 * below the GPU's platform minimum, a missing or zero maximum instance count, any public shape
 * without `allowPublicAccess`, secrets in plain environment variables.
 */
export function validateCloudRunGpuEndpointArgs(
  name: string,
  args: CloudRunGpuEndpointArgs,
): CloudRunGpuEndpointPlan {
  const check: ArgsCheck = new ArgsCheck("CloudRunGpuEndpoint", name);
  const shape = CLOUD_RUN_GPU_SHAPES[args.gpuType];
  if (!shape) {
    check.fail(
      "gpuType",
      `is ${JSON.stringify(args.gpuType)}, which Cloud Run does not offer`,
      `use one of ${CLOUD_RUN_GPU_TYPES.join(", ")}`,
    );
  }
  const need = args.requiredGpuMemoryGiB;
  if (typeof need !== "number" || !(need > 0)) {
    check.fail(
      "requiredGpuMemoryGiB",
      "is required and must be positive",
      "pass the GPU memory the sizing computed for the model",
    );
  }
  if (need > shape.vramGiB) {
    const bigger = Object.values(CLOUD_RUN_GPU_SHAPES).find((s) => s.vramGiB >= need);
    check.fail(
      "requiredGpuMemoryGiB",
      `is ${need} GiB, but one ${shape.accelerator} has ${shape.vramGiB} GiB and Cloud Run attaches one GPU per instance`,
      bigger
        ? `use gpuType "${bigger.accelerator}" (${bigger.vramGiB} GiB), quantize the model, or place it on Kubernetes`
        : "quantize the model or place it on Kubernetes (multi-GPU)",
    );
  }
  const cpu = args.cpu ?? shape.defaultCpu;
  const memoryGiB = args.memoryGiB ?? shape.defaultMemoryGiB;
  if (cpu < shape.minCpu || (shape.maxCpu !== undefined && cpu > shape.maxCpu)) {
    check.fail(
      "cpu",
      `is ${cpu}; ${shape.accelerator} instances need ${shape.minCpu}${shape.maxCpu ? ` to ${shape.maxCpu}` : " or more"} vCPU`,
      `set cpu to at least ${shape.minCpu}`,
    );
  }
  if (
    memoryGiB < shape.minMemoryGiB ||
    (shape.maxMemoryGiB !== undefined && memoryGiB > shape.maxMemoryGiB)
  ) {
    check.fail(
      "memoryGiB",
      `is ${memoryGiB}; ${shape.accelerator} instances need ${shape.minMemoryGiB}${shape.maxMemoryGiB ? ` to ${shape.maxMemoryGiB}` : " or more"} GiB`,
      `set memoryGiB to at least ${shape.minMemoryGiB}`,
    );
  }
  const maxInstances = check.integer(
    "maxInstances",
    args.maxInstances,
    1,
    1000,
    "set maxInstances to the most GPU instances you are willing to pay for (within your regional GPU quota)",
  );
  const minInstances = check.optionalInteger("minInstances", args.minInstances, 0, maxInstances, 0);
  if (args.warmSchedule) {
    const w = args.warmSchedule;
    check.integer(
      "warmSchedule.minInstances",
      w.minInstances,
      1,
      maxInstances,
      `keep between 1 and maxInstances (${maxInstances}) instances warm`,
    );
    check.text(
      "warmSchedule.startCron",
      w.startCron,
      'give a Cloud Scheduler cron expression such as "0 8 * * 1-5"',
    );
    check.text(
      "warmSchedule.endCron",
      w.endCron,
      'give a Cloud Scheduler cron expression such as "0 19 * * 1-5"',
    );
  }
  if (typeof args.gpuZonalRedundancy !== "boolean") {
    check.fail(
      "gpuZonalRedundancy",
      "is required",
      "set true for zone-failure capacity (higher GPU rate) or false for the cheaper best-effort mode",
    );
  }
  const { ingress, invokers } = checkCloudRunAccess(check, args);
  for (const key of Object.keys(args.env ?? {})) {
    if (looksSecret(key))
      check.fail(
        `env.${key}`,
        "looks like a credential in a plain environment variable",
        `move it to secretEnv (Secret Manager) as { name: "${key}", secret: "<secret id>" }`,
      );
  }
  const budget = check.optionalInteger("modelLoadBudgetSeconds", args.modelLoadBudgetSeconds, 30, 3600, 600);
  const requestTimeoutSeconds = check.optionalInteger(
    "requestTimeoutSeconds",
    args.requestTimeoutSeconds,
    1,
    3600,
    600,
  );
  const maxConcurrency = check.optionalInteger("maxConcurrency", args.maxConcurrency, 1, 1000, 32);
  const containerPort = check.optionalInteger("containerPort", args.containerPort, 1, 65535, 8000);
  return {
    shape,
    cpu,
    memoryGiB,
    minInstances,
    maxInstances,
    maxConcurrency,
    containerPort,
    ingress,
    invokers,
    probe: startupProbeFor(budget),
    requestTimeoutSeconds,
    healthPath: args.healthPath ?? "/health",
  };
}

/**
 * A startup probe that tolerates `budgetSeconds` of model loading while staying inside Cloud
 * Run's per-field limits (period and initial delay at most 240 s, timeout below the period).
 */
export function startupProbeFor(budgetSeconds: number): CloudRunGpuEndpointPlan["probe"] {
  const periodSeconds = PROBE_PERIOD_SECONDS;
  return {
    initialDelaySeconds: 0,
    periodSeconds,
    timeoutSeconds: 5,
    failureThreshold: Math.ceil(budgetSeconds / periodSeconds),
  };
}
