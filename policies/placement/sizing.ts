import { GPUS, type GpuType } from "./catalog/gpus.js";
import type { ThroughputBasis } from "./performance.js";
import type { ResolvedModel, ResolvedTraffic } from "./workload.js";

/**
 * How one option serves the model. Field names are part of the `inferplane plan --json` contract
 * (design brief); a managed API has no GPUs and reports `gpuType: null` and zeros.
 */
export interface Sizing {
  gpuType: GpuType | null;
  /** Instance, machine or serverless shape name (e.g. `a3-highgpu-8g`, `cloudrun-l4`). */
  instanceType: string | null;
  gpusPerReplica: number;
  /** Tensor-parallel size: GPUs of one node working on each layer. */
  tensorParallel: number;
  /** Pipeline-parallel size: nodes one replica spans (the LeaderWorkerSet group size). */
  pipelineParallel: number;
  nodesPerReplica: number;
  /** Replicas at peak (Kubernetes) or instances at peak (serverless). */
  replicas: number;
  /** Nodes or instances at peak. */
  nodes: number;
  /** GPU memory one replica needs: weights, KV cache and runtime reserve, GB. */
  memoryPerReplicaGB: number;
  /** Input plus output tokens per second one replica sustains. */
  tokensPerSecondPerReplica: number;
  throughputBasis: ThroughputBasis | null;
}

/**
 * Share of GPU memory vLLM may use (its `--gpu-memory-utilization` default, 0.9); the rest is the
 * CUDA context and activations (docs.vllm.ai engine arguments).
 */
export const USABLE_MEMORY_FRACTION = 0.9;

/** Most nodes one replica may span with pipeline parallelism. */
export const MAX_NODES_PER_REPLICA = 4;

/** Requests' worth of KV cache a replica keeps beyond one full context, so it can batch. */
export const KV_BATCH_REQUESTS = 8;

/** GPU memory a replica needs: weights plus the KV cache of one full context or a batch of average requests. */
export function memoryPerReplicaGB(model: ResolvedModel, traffic: ResolvedTraffic): number {
  const kvTokens = Math.max(
    model.contextTokens,
    KV_BATCH_REQUESTS * (traffic.avgInputTokens + traffic.avgOutputTokens),
  );
  return model.weightsGB + model.kvGBPerToken * kvTokens;
}

/** The parallel layout of one replica on a node type. */
export interface ReplicaLayout {
  gpusPerReplica: number;
  tensorParallel: number;
  pipelineParallel: number;
  nodesPerReplica: number;
}

/**
 * The smallest layout that holds `needGB` on nodes of `gpusPerNode` GPUs: a power-of-two tensor
 * parallel group within one node if it fits, else whole nodes (tensor parallel = GPUs per node)
 * chained by pipeline parallelism, up to `maxNodes`. `null` when nothing fits.
 */
export function fitReplica(
  needGB: number,
  gpuType: GpuType,
  gpusPerNode: number,
  maxNodes: number,
): ReplicaLayout | null {
  const usable = GPUS[gpuType].memoryGB * USABLE_MEMORY_FRACTION;
  for (let gpus = 1; gpus <= gpusPerNode; gpus *= 2) {
    if (gpus * usable >= needGB)
      return { gpusPerReplica: gpus, tensorParallel: gpus, pipelineParallel: 1, nodesPerReplica: 1 };
  }
  const nodes = Math.ceil(needGB / (gpusPerNode * usable));
  if (nodes > maxNodes) return null;
  return {
    gpusPerReplica: gpusPerNode * nodes,
    tensorParallel: gpusPerNode,
    pipelineParallel: nodes,
    nodesPerReplica: nodes,
  };
}

/**
 * Nodes for `replicas` replicas: multi-node replicas take whole nodes; single-node replicas are
 * packed by GPU count, but spread over at least two nodes when `spread` (the availability floor).
 */
export function nodesFor(
  replicas: number,
  layout: ReplicaLayout,
  gpusPerNode: number,
  spread: boolean,
): number {
  if (layout.nodesPerReplica > 1) return replicas * layout.nodesPerReplica;
  const perNode = Math.floor(gpusPerNode / layout.gpusPerReplica);
  const packed = Math.ceil(replicas / perNode);
  return spread ? Math.max(packed, Math.min(replicas, 2)) : packed;
}

/** Replicas the SLO's availability needs: one up to 0.99, two (N+1) above. */
export function availabilityFloor(availability: number): number {
  return availability > 0.99 ? 2 : 1;
}
