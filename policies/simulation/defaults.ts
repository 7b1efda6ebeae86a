import type { AutoscalerParams } from "./engine/params.js";

/**
 * Simulation constants that the placement catalogs do not hold, each with its source. Everything
 * else (prices, throughput, cold starts, node lag, idle tail, utilisation targets) comes from
 * policies/placement.
 */
export const SIMULATION_DEFAULTS = {
  /**
   * Single-stream share of a replica's full-batch decode rate: Llama-3-8B on one A10G decodes 32
   * tok/s for one request and 301 tok/s aggregate at 64 (llmperf README, vLLM 0.4.3,
   * cost-latency-data.md §3-4), 32 / 301 = 0.106.
   */
  singleStreamShare: { value: 32 / 301, source: "llmperf A10G README (2024), cost-latency-data.md §3-4" },
  /** vLLM's default `max_num_seqs`: most sequences one replica batches. */
  maxConcurrency: { value: 256, source: "vLLM engine arguments, max-num-seqs default 256 (docs.vllm.ai)" },
  /** Cloud Run's default maximum instances per service. */
  cloudRunMaxInstances: {
    value: 100,
    source: "cloud.google.com/run/docs/configuring/max-instances (default 100)",
  },
  /** SageMaker instances per endpoint by default. */
  sageMakerMaxInstances: {
    value: 4,
    source: "AWS service quotas, 4 instances per endpoint by default (cost-latency-data.md §2.5)",
  },
} as const;

/**
 * Horizontal Pod Autoscaler and node autoscaler settings: HPA sync period 15 s and scale-down
 * stabilisation 300 s (kubernetes.io, "Horizontal Pod Autoscaling", defaults); metric delay 60 s
 * (estimate: a 15-30 s scrape plus the custom-metrics adapter's aggregation window); node removal
 * after 10 min unneeded (Cluster Autoscaler FAQ, `--scale-down-unneeded-time` default).
 */
export const DEFAULT_AUTOSCALER: AutoscalerParams = {
  enabled: true,
  syncS: 15,
  metricDelayS: 60,
  targetUtilisation: 0.8,
  scaleDownStabilizationS: 300,
  nodeUnneededS: 600,
};
