/**
 * Explicit parameters of each simulated option. `fromPlacement` fills them from the placement
 * policy's sizing and catalogs; tests and other callers may build them directly.
 */

/** How one model replica (or serverless instance) turns tokens into time. */
export interface ReplicaModel {
  /** Aggregate decode (output) tokens per second at full batch (placement `decodeRate`). */
  decodeTokensPerSecond: number;
  /** Prefill runs this many times faster per token than decode (placement `THROUGHPUT_MODEL`). */
  prefillToDecode: number;
  /**
   * Share of the full-batch throughput one request gets when alone (single-stream decode over
   * aggregate decode); with n requests each gets min(share, 1/n).
   */
  singleStreamShare: number;
  /** Most requests a replica runs at once (KV-cache bound); more wait in the queue. */
  maxConcurrency: number;
  /** Fixed part of time to first token, ms (network, scheduling). */
  warmBaseMs: number;
  /** Prefill time multiplier at full load (placement's warm p95 factor); 1 when idle. */
  warmQueueFactor: number;
}

/** Concurrency at which a replica's throughput saturates: min(maxConcurrency, ceil(1/share)). */
export function saturationConcurrency(m: ReplicaModel): number {
  return Math.max(1, Math.min(m.maxConcurrency, Math.ceil(1 / m.singleStreamShare)));
}

/** Identity of a simulated option, as in `plan` (`<platform>/<cloud>/<variant>`). */
export interface OptionIdentity {
  id: string;
  platform: "managed-api" | "serverless-gpu" | "kubernetes" | "hybrid";
  cloud: string;
  variant: string;
  service: string;
}

/** A pay-per-token model API. */
export interface ManagedApiParams extends OptionIdentity {
  kind: "managed-api";
  inputUsdPerMTokens: number;
  outputUsdPerMTokens: number;
  /** Time to first token of every request, ms (the catalog's p95 estimate). */
  ttftMs: number;
  /** Provider quota; requests above it are throttled and retried (they wait). `null`: none modelled. */
  rateLimit: { requestsPerMinute: number | null; tokensPerMinute: number | null } | null;
}

/** A scale-to-zero (or minimum-instance) serverless GPU endpoint. */
export interface ServerlessParams extends OptionIdentity {
  kind: "serverless-gpu";
  replica: ReplicaModel;
  usdPerInstanceHour: number;
  minInstances: number;
  maxInstances: number;
  /** From scale-out decision to serving, s (infrastructure, image, engine, weights). */
  coldStartS: number;
  /** An idle instance is kept this long before scale-in, s. */
  idleTailS: number;
  /** The autoscaler keeps concurrency per instance near this share of saturation. */
  targetUtilisation: number;
  /** Requests arriving while scaling from zero fail once and are retried (SageMaker). */
  coldStartErrors: boolean;
}

/** The Horizontal Pod Autoscaler and node autoscaler settings of a Kubernetes option. */
export interface AutoscalerParams {
  /** Scale replicas with load; false keeps the initial fleet (hybrid base, fixed fleets). */
  enabled: boolean;
  /** HPA evaluation period, s. */
  syncS: number;
  /** Age of the metric the HPA acts on, s (scrape and aggregation delay). */
  metricDelayS: number;
  /** Target concurrency per replica as a share of saturation. */
  targetUtilisation: number;
  /** The HPA scales down to the highest recommendation of this window, s. */
  scaleDownStabilizationS: number;
  /** A node with no replica is removed after this long, s. */
  nodeUnneededS: number;
}

/** A Kubernetes GPU node pool serving replicas of the model. */
export interface KubernetesParams extends OptionIdentity {
  kind: "kubernetes";
  replica: ReplicaModel;
  /** Replicas one node unit holds (GPUs per node over GPUs per replica; 1 for multi-node replicas). */
  replicasPerUnit: number;
  /** Nodes in one unit (1, or the nodes one pipeline-parallel replica spans). */
  nodesPerUnit: number;
  onDemandUsdPerNodeHour: number;
  /** Spot price per node-hour, `null` when Spot is not allowed or unpriced. */
  spotUsdPerNodeHour: number | null;
  /** Spot interruptions per node per month (730 h). */
  spotInterruptionsPerNodeMonth: number;
  /** Replicas on the on-demand floor, never scaled below. */
  floorReplicas: number;
  /** Replicas running and warm at time 0 (the plan's sizing). */
  initialReplicas: number;
  maxReplicas: number;
  /** New node to serving replica, s (autoscaler delay, boot, image, engine, weights). */
  nodeScaleUpS: number;
  /** New replica on a running node to serving, s (engine start and weights). */
  podStartS: number;
  autoscaler: AutoscalerParams;
  /** Multiplier on node cost for load balancers, storage, monitoring, egress. */
  overheadFactor: number;
  /** Control-plane fee, USD an hour. */
  controlPlaneUsdPerHour: number;
  /** Operations staff, USD an hour (FTE x salary / 8,760 h). */
  operationsUsdPerHour: number;
  /** Seed of the Spot interruption stream. */
  seed: number;
}

/** A fixed Kubernetes base with burst overflow to a serverless endpoint or a model API. */
export interface HybridParams extends OptionIdentity {
  kind: "hybrid";
  base: KubernetesParams;
  overflow: ServerlessParams | ManagedApiParams;
}

/** Any simulated option. */
export type OptionParams = ManagedApiParams | ServerlessParams | KubernetesParams | HybridParams;
