import type * as k8s from "@pulumi/kubernetes";

/**
 * Arguments of {@link LlmInferenceService}. The sizing fields carry the placement decision's
 * `sizing` contract unchanged (`gpuType`, `gpusPerReplica`, `tensorParallel`,
 * `pipelineParallel`, `nodesPerReplica`, `replicas`); the component never decides them.
 */
export interface LlmInferenceServiceArgs {
  /**
   * Kubernetes provider for the cluster. Optional only when one is given through
   * `opts.provider` / `opts.providers`; the ambient kubeconfig is never used.
   */
  provider?: k8s.Provider;
  /** Namespace of the service. Created with Pod Security `restricted` unless `createNamespace` is false. */
  namespace: string;
  /** Create the namespace (with Pod Security labels). Default `true`; false uses an existing one. */
  createNamespace?: boolean;
  /**
   * Name of the LeaderWorkerSet, Service and the other objects: a DNS label of at most 40
   * characters (LWS derives StatefulSet and pod names from it). Default: the component name.
   */
  serviceName?: string;
  /** Model to serve: a Hugging Face id (`meta-llama/Llama-3.1-8B-Instruct`) or, with a model cache, its name. */
  model: string;
  /** vLLM OpenAI-server image, pinned by digest (`vllm/vllm-openai:v0.11.0@sha256:<64 hex>`). */
  image: string;
  /** GPU type from the decision's sizing (e.g. `nvidia-h100-80gb`); recorded on the pods, and required of nodes with `gpuTypeNodeLabel`. */
  gpuType: string;
  /** GPUs per replica (one LWS group): must equal `tensorParallel` x `pipelineParallel`. */
  gpusPerReplica: number;
  /** vLLM tensor-parallel size; must divide the GPUs per node (`gpusPerReplica / nodesPerReplica`). */
  tensorParallel: number;
  /** vLLM pipeline-parallel size. */
  pipelineParallel: number;
  /** Nodes (pods) per replica: the LWS group `size`. 1 serves without Ray; more runs vLLM on a Ray cluster per group. */
  nodesPerReplica: number;
  /** Replicas (LWS groups) to run, and the autoscaler's minimum. */
  replicas: number;
  /**
   * Node label whose value is `gpuType` (GKE `cloud.google.com/gke-accelerator`, GFD
   * `nvidia.com/gpu.product`, Karpenter `karpenter.k8s.aws/instance-gpu-name`). When set, pods
   * require it. Default unset: any node with enough `nvidia.com/gpu`.
   */
  gpuTypeNodeLabel?: string;
  /** `--max-model-len`. Default unset (vLLM uses the model's context length). */
  maxModelLen?: number;
  /** Extra vLLM server flags. Flags the component sets from the sizing (`--model`, `--port`, parallel sizes) are refused. */
  extraArgs?: string[];
  /** Secret holding the Hugging Face token (read as `HF_TOKEN` through a secretKeyRef, never a literal). Default none (public models). */
  hfTokenSecretName?: string;
  /** Key of the token inside `hfTokenSecretName`. Default `token`. */
  hfTokenSecretKey?: string;
  /** Serving port. Default 8000. */
  port?: number;
  /**
   * Seconds a pod may take from start to serving (image pull excluded): download, weight load,
   * CUDA graphs, and for multi-node groups the Ray cluster forming. Sizes the startup probe.
   * Default 1800 for one node per replica, 3600 for more.
   */
  modelLoadBudgetSeconds?: number;
  /** Size of the `/dev/shm` memory volume per pod, GiB. Default max(4, 2 x GPUs per pod). Counted in `memoryGi`. */
  shmSizeGi?: number;
  /** Memory request and limit per pod, GiB, including `/dev/shm`. Default 16 x GPUs per pod + shm. */
  memoryGi?: number;
  /** CPU request per pod (no CPU limit: throttling a GPU feeder costs GPU time). Default 4 x GPUs per pod. */
  cpu?: number;
  /** Size limit of the writable cache volume (Hugging Face, vLLM, Triton caches), GiB. Default 500. */
  cacheSizeGi?: number;
  /**
   * PersistentVolumeClaim holding pre-downloaded weights (a ReadOnlyMany disk, or a bucket
   * through a CSI driver such as GCS FUSE / Mountpoint for S3). Mounted read-only at `/models`;
   * vLLM then loads from it offline, which removes the download from cold start. Default none.
   */
  modelCacheClaimName?: string;
  /** Path of the model inside the cache claim. Default: the `model` name. */
  modelCacheSubPath?: string;
  /** Read-only root filesystem with writable emptyDirs for every cache vLLM writes. Default `true`. */
  readOnlyRootFilesystem?: boolean;
  /** Non-root UID (group 0, which the vLLM image's writable paths use). Default 2000, the image's `vllm` user. */
  runAsUser?: number;
  /**
   * Prefer Spot GPU nodes: tolerate the usual Spot taints and prefer (not require) Spot
   * labels, so groups fall back to on-demand when Spot is short. Default `false` (cost over
   * safety: a preemption recreates a whole group).
   */
  preferSpot?: boolean;
  /** Grace period on termination, seconds. Default 30, or 15 with `preferSpot` (fits GKE's Spot notice share for pods). */
  terminationGracePeriodSeconds?: number;
  /**
   * Topology each multi-node group holds exclusively (LWS `exclusive-topology`), keeping a
   * group's pods in one domain and groups apart. Default `topology.kubernetes.io/zone`: no
   * cross-zone tensor traffic and groups spread over zones, but at most one group per zone; use
   * a node pool key (`cloud.google.com/gke-nodepool`, `karpenter.sh/nodepool`) for more groups.
   */
  exclusiveTopologyKey?: string;
  /** Autoscale up to this many replicas (HPA on the LWS scale subresource). Default: no autoscaling. */
  maxReplicas?: number;
  /** Per-leader custom metric the HPA targets (served by a metrics adapter). Default `vllm_num_requests_waiting`. */
  autoscalingMetric?: string;
  /** Average value of `autoscalingMetric` per leader the HPA keeps. Default 5 waiting requests. */
  autoscalingTarget?: number;
  /** Namespaces whose pods may call the service (and scrape /metrics). Pods of the service's own namespace always may. */
  allowedClientNamespaces?: string[];
  /** PriorityClass of the pods. Default unset. */
  priorityClassName?: string;
}
