import type { LlmInferenceServiceArgs } from "./llmInferenceServiceArgs.js";
import { checkDnsLabel, checkInteger, inputError } from "./names.js";

/** Every LlmInferenceService knob with its default applied: what the builders render from. */
export interface ServiceSettings {
  name: string;
  namespace: string;
  createNamespace: boolean;
  model: string;
  image: string;
  gpuType: string;
  gpuTypeNodeLabel: string | undefined;
  /** LWS group size = nodes per replica. */
  size: number;
  gpusPerPod: number;
  tensorParallel: number;
  pipelineParallel: number;
  replicas: number;
  maxReplicas: number | undefined;
  port: number;
  maxModelLen: number | undefined;
  extraArgs: string[];
  hfTokenSecretName: string | undefined;
  hfTokenSecretKey: string;
  startupFailureThreshold: number;
  shmSizeGi: number;
  memoryGi: number;
  cpu: number;
  cacheSizeGi: number;
  modelCacheClaimName: string | undefined;
  modelCacheSubPath: string;
  readOnlyRootFilesystem: boolean;
  runAsUser: number;
  preferSpot: boolean;
  terminationGracePeriodSeconds: number;
  exclusiveTopologyKey: string;
  autoscalingMetric: string;
  autoscalingTarget: number;
  allowedClientNamespaces: string[];
  priorityClassName: string | undefined;
  rolloutMaxSurge: number;
  rolloutMaxUnavailable: number;
}

/** Seconds between startup probes; the budget divided by this is the failure threshold. */
export const STARTUP_PERIOD_SECONDS = 10;

/** Flags derived from the sizing; passing them again in `extraArgs` would contradict it. */
const MANAGED_FLAGS = [
  "--model",
  "--port",
  "--tensor-parallel-size",
  "--pipeline-parallel-size",
  "--pipeline_parallel_size",
  "-tp",
  "-pp",
  "--served-model-name",
  "--distributed-executor-backend",
];

const DIGEST = /@sha256:[0-9a-f]{64}$/;

/**
 * Checks LlmInferenceService arguments before any resource exists; throws an InputError whose
 * message names the component, the field path and the fix.
 */
export function validateLlmInferenceServiceArgs(name: string, args: LlmInferenceServiceArgs): void {
  const where = `LlmInferenceService "${name}"`;
  if (typeof args.model !== "string" || args.model.trim() === "") {
    throw inputError(
      where,
      "args.model",
      "is missing",
      'give the model to serve, e.g. "meta-llama/Llama-3.1-8B-Instruct"',
    );
  }
  if (/\s/.test(args.model)) {
    throw inputError(
      where,
      "args.model",
      `"${args.model}" contains whitespace`,
      "give a Hugging Face id or a model name without spaces",
    );
  }
  if (typeof args.image !== "string" || !DIGEST.test(args.image)) {
    throw inputError(
      where,
      "args.image",
      `"${String(args.image)}" is not pinned by digest`,
      'append the digest: "vllm/vllm-openai:<tag>@sha256:<64 hex>" (a tag can be moved, a digest cannot)',
    );
  }
  if (typeof args.gpuType !== "string" || args.gpuType.trim() === "") {
    throw inputError(where, "args.gpuType", "is missing", "pass the decision's sizing.gpuType");
  }
  checkInteger(where, "args.nodesPerReplica", args.nodesPerReplica, 1, 64);
  checkInteger(where, "args.gpusPerReplica", args.gpusPerReplica, 1, 1024);
  checkInteger(where, "args.tensorParallel", args.tensorParallel, 1, 1024);
  checkInteger(where, "args.pipelineParallel", args.pipelineParallel, 1, 1024);
  checkInteger(where, "args.replicas", args.replicas, 1, 1000);
  if (args.gpusPerReplica % args.nodesPerReplica !== 0) {
    throw inputError(
      where,
      "args.gpusPerReplica",
      `(${args.gpusPerReplica}) does not split evenly over ${args.nodesPerReplica} nodes`,
      "make gpusPerReplica a multiple of nodesPerReplica (every pod of a group gets the same GPUs)",
    );
  }
  const gpusPerNode = args.gpusPerReplica / args.nodesPerReplica;
  if (gpusPerNode % args.tensorParallel !== 0) {
    throw inputError(
      where,
      "args.tensorParallel",
      `(${args.tensorParallel}) does not divide the ${gpusPerNode} GPUs per node`,
      "keep tensor parallelism inside a node: use a divisor of the GPUs per node, and pipeline parallelism across nodes",
    );
  }
  if (args.tensorParallel * args.pipelineParallel !== args.gpusPerReplica) {
    throw inputError(
      where,
      "args.pipelineParallel",
      `x tensorParallel is ${args.tensorParallel * args.pipelineParallel}, not gpusPerReplica (${args.gpusPerReplica})`,
      "pass the decision's sizing unchanged: gpusPerReplica = tensorParallel x pipelineParallel",
    );
  }
  checkDnsLabel(where, "args.namespace", args.namespace);
  checkDnsLabel(where, "args.serviceName", args.serviceName ?? name, 40);
  if (args.port !== undefined) checkInteger(where, "args.port", args.port, 1024, 65535);
  if (args.maxModelLen !== undefined)
    checkInteger(where, "args.maxModelLen", args.maxModelLen, 128, 10_000_000);
  if (args.maxReplicas !== undefined) {
    checkInteger(where, "args.maxReplicas", args.maxReplicas, args.replicas, 1000);
  }
  if (args.autoscalingTarget !== undefined && !(args.autoscalingTarget > 0)) {
    throw inputError(
      where,
      "args.autoscalingTarget",
      `is ${args.autoscalingTarget}`,
      "give a positive number",
    );
  }
  if (args.modelLoadBudgetSeconds !== undefined) {
    checkInteger(where, "args.modelLoadBudgetSeconds", args.modelLoadBudgetSeconds, 60, 6 * 3600);
  }
  for (const [field, value, min] of [
    ["shmSizeGi", args.shmSizeGi, 1],
    ["memoryGi", args.memoryGi, 1],
    ["cpu", args.cpu, 1],
    ["cacheSizeGi", args.cacheSizeGi, 1],
    ["runAsUser", args.runAsUser, 1],
  ] as const) {
    if (value !== undefined)
      checkInteger(where, `args.${field}`, value, min, field === "runAsUser" ? 2 ** 31 - 1 : 100_000);
  }
  const shm = args.shmSizeGi ?? defaultShmGi(gpusPerNode);
  if (args.memoryGi !== undefined && args.memoryGi <= shm) {
    throw inputError(
      where,
      "args.memoryGi",
      `(${args.memoryGi}) leaves no room beside the ${shm} GiB /dev/shm, which counts against the memory limit`,
      `give more than ${shm} GiB, or a smaller shmSizeGi`,
    );
  }
  if (args.hfTokenSecretKey !== undefined && args.hfTokenSecretName === undefined) {
    throw inputError(
      where,
      "args.hfTokenSecretKey",
      "is set without hfTokenSecretName",
      "name the Secret in hfTokenSecretName",
    );
  }
  if (args.hfTokenSecretName !== undefined)
    checkDnsLabel(where, "args.hfTokenSecretName", args.hfTokenSecretName, 253);
  if (args.modelCacheSubPath !== undefined && args.modelCacheClaimName === undefined) {
    throw inputError(
      where,
      "args.modelCacheSubPath",
      "is set without modelCacheClaimName",
      "name the PersistentVolumeClaim in modelCacheClaimName",
    );
  }
  if (args.modelCacheSubPath?.split("/").includes("..")) {
    throw inputError(where, "args.modelCacheSubPath", "contains ..", "give a path inside the claim");
  }
  if (args.terminationGracePeriodSeconds !== undefined) {
    checkInteger(where, "args.terminationGracePeriodSeconds", args.terminationGracePeriodSeconds, 10, 3600);
    if (args.preferSpot === true && args.terminationGracePeriodSeconds > 120) {
      throw inputError(
        where,
        "args.terminationGracePeriodSeconds",
        `(${args.terminationGracePeriodSeconds}) is longer than any Spot notice (AWS 120 s, GKE 30 s by default)`,
        "use at most 120 s with preferSpot (15 s fits GKE's default)",
      );
    }
  }
  for (const arg of args.extraArgs ?? []) {
    const flag = arg.split("=")[0] ?? arg;
    if (MANAGED_FLAGS.includes(flag)) {
      throw inputError(
        where,
        "args.extraArgs",
        `contains ${flag}, which the component derives from the sizing`,
        "remove it; change model, port or the sizing fields instead",
      );
    }
  }
  for (const ns of args.allowedClientNamespaces ?? [])
    checkDnsLabel(where, "args.allowedClientNamespaces", ns);
}

/** Shared memory for NCCL and Ray's object store: 2 GiB per GPU, at least 4 GiB. */
export function defaultShmGi(gpusPerPod: number): number {
  return Math.max(4, 2 * gpusPerPod);
}

/** Applies every default to validated args. Pure, so the sizing-to-manifest mapping is tested directly. */
export function resolveLlmServiceSettings(name: string, args: LlmInferenceServiceArgs): ServiceSettings {
  const size = args.nodesPerReplica;
  const gpusPerPod = args.gpusPerReplica / size;
  const shmSizeGi = args.shmSizeGi ?? defaultShmGi(gpusPerPod);
  const preferSpot = args.preferSpot ?? false;
  const budget = args.modelLoadBudgetSeconds ?? (size > 1 ? 3600 : 1800);
  // One replica: surge a new group before the old goes (no downtime, one extra group for the
  // rollout). Several: replace one group at a time, no extra GPUs.
  const rolloutMaxSurge = args.replicas === 1 ? 1 : 0;
  return {
    name: args.serviceName ?? name,
    namespace: args.namespace,
    createNamespace: args.createNamespace ?? true,
    model: args.model,
    image: args.image,
    gpuType: args.gpuType,
    gpuTypeNodeLabel: args.gpuTypeNodeLabel,
    size,
    gpusPerPod,
    tensorParallel: args.tensorParallel,
    pipelineParallel: args.pipelineParallel,
    replicas: args.replicas,
    maxReplicas:
      args.maxReplicas !== undefined && args.maxReplicas > args.replicas ? args.maxReplicas : undefined,
    port: args.port ?? 8000,
    maxModelLen: args.maxModelLen,
    extraArgs: args.extraArgs ?? [],
    hfTokenSecretName: args.hfTokenSecretName,
    hfTokenSecretKey: args.hfTokenSecretKey ?? "token",
    startupFailureThreshold: Math.ceil(budget / STARTUP_PERIOD_SECONDS),
    shmSizeGi,
    memoryGi: args.memoryGi ?? 16 * gpusPerPod + shmSizeGi,
    cpu: args.cpu ?? 4 * gpusPerPod,
    cacheSizeGi: args.cacheSizeGi ?? 500,
    modelCacheClaimName: args.modelCacheClaimName,
    modelCacheSubPath: args.modelCacheSubPath ?? args.model,
    readOnlyRootFilesystem: args.readOnlyRootFilesystem ?? true,
    runAsUser: args.runAsUser ?? 2000,
    preferSpot,
    terminationGracePeriodSeconds: args.terminationGracePeriodSeconds ?? (preferSpot ? 15 : 30),
    exclusiveTopologyKey: args.exclusiveTopologyKey ?? "topology.kubernetes.io/zone",
    autoscalingMetric: args.autoscalingMetric ?? "vllm_num_requests_waiting",
    autoscalingTarget: args.autoscalingTarget ?? 5,
    allowedClientNamespaces: args.allowedClientNamespaces ?? [],
    priorityClassName: args.priorityClassName,
    rolloutMaxSurge,
    rolloutMaxUnavailable: rolloutMaxSurge > 0 ? 0 : 1,
  };
}
