import type * as k8s from "@pulumi/kubernetes";
import type { ServiceSettings } from "./llmServiceSettings.js";
import { STARTUP_PERIOD_SECONDS } from "./llmServiceSettings.js";
import { GPU_TOLERATION } from "./nvidiaGpuStackPlan.js";
import { shellJoin } from "./shell.js";

type PodTemplate = k8s.types.input.core.v1.PodTemplateSpec;
type Container = k8s.types.input.core.v1.Container;
type Toleration = k8s.types.input.core.v1.Toleration;
type Volume = k8s.types.input.core.v1.Volume;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type Affinity = k8s.types.input.core.v1.Affinity;

/** Label the LWS controller puts on every pod of a LeaderWorkerSet (anchors §2.1). */
export const LWS_NAME_LABEL = "leaderworkerset.sigs.k8s.io/name";
/** Position within a group; "0" is the leader. */
export const LWS_WORKER_INDEX_LABEL = "leaderworkerset.sigs.k8s.io/worker-index";

/** vLLM's multi-node helper inside the vllm-openai image (vllm examples/online_serving). */
const MULTI_NODE_SCRIPT = "/vllm-workspace/examples/online_serving/multi-node-serving.sh";
const SERVER = ["python3", "-m", "vllm.entrypoints.openai.api_server"];

/** Writable directories under the read-only root: every cache vLLM, HF, Triton, torch and Ray write. */
const CACHE_ENV: ReadonlyArray<[string, string]> = [
  ["HOME", "/cache/home"],
  ["HF_HOME", "/cache/huggingface"],
  ["VLLM_CACHE_ROOT", "/cache/vllm"],
  ["XDG_CACHE_HOME", "/cache/xdg"],
  ["XDG_CONFIG_HOME", "/cache/config"],
  ["TRITON_CACHE_DIR", "/cache/triton"],
  ["TORCHINDUCTOR_CACHE_DIR", "/cache/inductor"],
  ["NUMBA_CACHE_DIR", "/cache/numba"],
];

/** Labels every object of the service carries. */
export function serviceLabels(s: ServiceSettings): Record<string, string> {
  return {
    "app.kubernetes.io/name": "vllm",
    "app.kubernetes.io/instance": s.name,
    "app.kubernetes.io/component": "inference",
    "app.kubernetes.io/managed-by": "inferplane",
  };
}

/** vLLM server flags from the sizing. */
export function serverArgs(s: ServiceSettings): string[] {
  const model = s.modelCacheClaimName ? `/models/${s.modelCacheSubPath}` : s.model;
  const out = [
    "--model",
    model,
    "--served-model-name",
    s.model,
    "--port",
    String(s.port),
    "--tensor-parallel-size",
    String(s.tensorParallel),
    "--pipeline-parallel-size",
    String(s.pipelineParallel),
  ];
  if (s.size > 1) out.push("--distributed-executor-backend", "ray");
  if (s.maxModelLen !== undefined) out.push("--max-model-len", String(s.maxModelLen));
  return [...out, ...s.extraArgs];
}

/**
 * The serving container's command. One node: the OpenAI server directly. Several: the leader
 * starts the Ray head and waits for `LWS_GROUP_SIZE` nodes, then execs the server (vLLM
 * docs/deployment/frameworks/lws.md); `$(LWS_GROUP_SIZE)` is expanded by the kubelet from the
 * env the LWS webhook injects. The model name is shell-quoted.
 */
export function leaderCommand(s: ServiceSettings): { command: string[]; args: string[] } {
  if (s.size === 1) return { command: SERVER, args: serverArgs(s) };
  const script = `bash ${MULTI_NODE_SCRIPT} leader --ray_cluster_size=$(LWS_GROUP_SIZE) && exec ${shellJoin([...SERVER, ...serverArgs(s)])}`;
  return { command: ["/bin/sh", "-c"], args: [script] };
}

/** Workers join the leader's Ray cluster at `LWS_LEADER_ADDRESS` and block. */
export function workerCommand(): { command: string[]; args: string[] } {
  return {
    command: ["/bin/sh", "-c"],
    args: [`exec bash ${MULTI_NODE_SCRIPT} worker --ray_address=$(LWS_LEADER_ADDRESS)`],
  };
}

/** Pod template of the leader (`role: leader`) or a worker (`role: worker`). */
export function podTemplate(
  s: ServiceSettings,
  role: "leader" | "worker",
  serviceAccountName: string,
): PodTemplate {
  const labels = { ...serviceLabels(s), "inferplane.dev/role": role };
  const { command, args } = role === "leader" ? leaderCommand(s) : workerCommand();
  return {
    metadata: { labels, annotations: { "inferplane.dev/gpu-type": s.gpuType } },
    spec: {
      serviceAccountName,
      automountServiceAccountToken: false,
      // Service links would inject VLLM_PORT-style variables that vLLM misreads as its own config.
      enableServiceLinks: false,
      terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
      ...(s.priorityClassName ? { priorityClassName: s.priorityClassName } : {}),
      // The vLLM image is prepared for a non-root UID in group 0 (vLLM docs/deployment/docker.md).
      securityContext: {
        runAsNonRoot: true,
        runAsUser: s.runAsUser,
        runAsGroup: 0,
        fsGroup: 0,
        seccompProfile: { type: "RuntimeDefault" },
      },
      tolerations: tolerations(s),
      affinity: affinity(s),
      ...(role === "leader" ? { topologySpreadConstraints: zoneSpread(s) } : {}),
      containers: [container(s, role, command, args)],
      volumes: volumes(s),
    },
  };
}

function container(
  s: ServiceSettings,
  role: "leader" | "worker",
  command: string[],
  args: string[],
): Container {
  const health = { httpGet: { path: "/health", port: "http" } };
  const probes =
    role === "leader"
      ? {
          // Weights download and load for minutes; liveness only applies once this succeeds.
          startupProbe: {
            ...health,
            periodSeconds: STARTUP_PERIOD_SECONDS,
            failureThreshold: s.startupFailureThreshold,
            timeoutSeconds: 5,
          },
          readinessProbe: { ...health, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 3 },
          // Slower and more tolerant than readiness: drop from the Service fast, restart slowly.
          livenessProbe: { ...health, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 10 },
        }
      : {};
  return {
    name: role === "leader" ? "vllm" : "vllm-worker",
    image: s.image,
    imagePullPolicy: "IfNotPresent",
    command,
    args,
    env: env(s),
    ...(role === "leader" ? { ports: [{ name: "http", containerPort: s.port, protocol: "TCP" }] } : {}),
    resources: {
      requests: { cpu: String(s.cpu), memory: `${s.memoryGi}Gi` },
      limits: { memory: `${s.memoryGi}Gi`, "nvidia.com/gpu": String(s.gpusPerPod) },
    },
    ...probes,
    // Let the endpoint leave the Service before vLLM gets SIGTERM.
    lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: s.readOnlyRootFilesystem,
      capabilities: { drop: ["ALL"] },
    },
    volumeMounts: [
      { name: "cache", mountPath: "/cache" },
      { name: "tmp", mountPath: "/tmp" },
      { name: "dshm", mountPath: "/dev/shm" },
      ...(s.modelCacheClaimName ? [{ name: "models", mountPath: "/models", readOnly: true }] : []),
    ],
  };
}

function env(s: ServiceSettings): EnvVar[] {
  const out: EnvVar[] = CACHE_ENV.map(([name, value]) => ({ name, value }));
  if (s.hfTokenSecretName) {
    out.push({
      name: "HF_TOKEN",
      valueFrom: { secretKeyRef: { name: s.hfTokenSecretName, key: s.hfTokenSecretKey } },
    });
  }
  // Weights come from the read-only cache: never reach out to the Hub at start.
  if (s.modelCacheClaimName) out.push({ name: "HF_HUB_OFFLINE", value: "1" });
  return out;
}

function volumes(s: ServiceSettings): Volume[] {
  return [
    { name: "cache", emptyDir: { sizeLimit: `${s.cacheSizeGi}Gi` } },
    { name: "tmp", emptyDir: { sizeLimit: "16Gi" } },
    // NCCL and Ray share tensors through /dev/shm; memory-backed, capped, counted in the memory limit.
    { name: "dshm", emptyDir: { medium: "Memory", sizeLimit: `${s.shmSizeGi}Gi` } },
    ...(s.modelCacheClaimName
      ? [{ name: "models", persistentVolumeClaim: { claimName: s.modelCacheClaimName, readOnly: true } }]
      : []),
  ];
}

/** Spot taints in common use: GKE's own and accelerated-platforms' `spot=true` (anchors §2.7). */
export const SPOT_TOLERATIONS: ReadonlyArray<Toleration> = [
  { key: "cloud.google.com/gke-spot", operator: "Equal", value: "true", effect: "NoSchedule" },
  { key: "spot", operator: "Equal", value: "true", effect: "NoSchedule" },
];

/** Labels that mark Spot nodes on GKE, EKS managed node groups and Karpenter. */
export const SPOT_NODE_LABELS: ReadonlyArray<[string, string]> = [
  ["cloud.google.com/gke-spot", "true"],
  ["eks.amazonaws.com/capacityType", "SPOT"],
  ["karpenter.sh/capacity-type", "spot"],
];

function tolerations(s: ServiceSettings): Toleration[] {
  return [GPU_TOLERATION, ...(s.preferSpot ? SPOT_TOLERATIONS : [])];
}

function affinity(s: ServiceSettings): Affinity {
  const nodeAffinity: k8s.types.input.core.v1.NodeAffinity = {};
  if (s.gpuTypeNodeLabel) {
    nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: s.gpuTypeNodeLabel, operator: "In", values: [s.gpuType] }] },
      ],
    };
  }
  if (s.preferSpot) {
    // Preferred, never required: with no Spot capacity the scheduler falls back to on-demand.
    nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = SPOT_NODE_LABELS.map(([key, value]) => ({
      weight: 100,
      preference: { matchExpressions: [{ key, operator: "In", values: [value] }] },
    }));
  }
  return Object.keys(nodeAffinity).length > 0 ? { nodeAffinity } : {};
}

function zoneSpread(s: ServiceSettings): k8s.types.input.core.v1.TopologySpreadConstraint[] {
  return [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      // Spread when possible; a zone short of GPUs must not block serving.
      whenUnsatisfiable: "ScheduleAnyway",
      // Leaders only: one per group, so groups spread; workers follow their leader's group.
      labelSelector: { matchLabels: { [LWS_NAME_LABEL]: s.name, [LWS_WORKER_INDEX_LABEL]: "0" } },
    },
  ];
}
