import type { GpuType } from "./gpus.js";
import type { Precision } from "./models.js";
import type { Source } from "./source.js";

/** A published vLLM throughput measurement for one model size on one GPU configuration. */
export interface ThroughputMeasurement extends Source {
  paramsB: number;
  precision: Precision;
  gpuType: GpuType;
  gpus: number;
  /** Aggregate output (decode) tokens per second of one replica. */
  outputTokensPerSecond: number;
  /** Input and output tokens per request in the benchmark, when published. */
  mix: { input: number; output: number } | null;
}

const LAMBDA = "github.com/LambdaLabsML/vllm-benchmark benchmark_v0.md (vLLM 0.5.4, 320 prompts, len ~2000)";

/**
 * Published measurements (cost-latency-data.md §4). A profile whose model, precision and GPU
 * configuration match one (parameters within 10 %) uses it; everything else is estimated.
 */
export const THROUGHPUT_MEASUREMENTS: readonly ThroughputMeasurement[] = [
  {
    paramsB: 8,
    precision: "bf16",
    gpuType: "A10G",
    gpus: 1,
    outputTokensPerSecond: 301,
    mix: { input: 550, output: 150 },
    source: "llmperf A10G benchmark README (g5.2xlarge, vLLM 0.4.3, concurrency 64)",
    date: "2024",
    status: "measured",
  },
  m(8, "fp8", "A100-80GB", 1, 1517.5),
  m(8, "fp8", "H100-80GB", 1, 3400.4),
  m(70, "fp8", "A100-80GB", 4, 956.53),
  m(70, "fp8", "A100-80GB", 8, 1162.78),
  m(70, "fp8", "H100-80GB", 4, 2242.99),
  m(70, "fp8", "H100-80GB", 8, 2572.8),
];

function m(
  paramsB: number,
  precision: Precision,
  gpuType: GpuType,
  gpus: number,
  out: number,
): ThroughputMeasurement {
  return {
    paramsB,
    precision,
    gpuType,
    gpus,
    outputTokensPerSecond: out,
    mix: null,
    source: LAMBDA,
    date: "2024-08",
    status: "measured",
  };
}

/**
 * Constants of the throughput estimate (docs/placement.md, "Throughput"). All are estimates.
 *
 * - `decodeK`: decode tokens/s = decodeK x aggregate bandwidth (GB/s) / weights (GB), calibrated
 *   so that Llama 3 8B bf16 on one A10G gives the llmperf 301 output tok/s at 550 in / 150 out.
 * - `prefillToDecode`: prefill runs this many times faster than decode per token (the 18,200 vs
 *   1,480 tok/s prefill/decode of Llama 3.3 70B on 8 x A100, evokernel, low confidence).
 * - `scalingExponent`: n GPUs in one replica (tensor and pipeline parallel) act like
 *   n^scalingExponent GPUs of bandwidth (fitted to the 70B fp8 4- and 8-GPU measurements, whose
 *   efficiency against linear scaling is 0.8-1.1 at 4 GPUs and 0.5-0.65 at 8).
 */
export const THROUGHPUT_MODEL = {
  decodeK: 10.5,
  prefillToDecode: 12,
  scalingExponent: 0.8,
  source:
    "estimate fitted to cost-latency-data.md §4 (llmperf A10G; LambdaLabsML vllm-benchmark; evokernel prefill/decode)",
  date: "2026-12-04",
  status: "estimate",
} as const;

/**
 * Fraction of a replica's estimated throughput the policy plans to use at peak. Kubernetes keeps
 * headroom for bursts inside the peak; serverless autoscalers add instances near a utilisation
 * target (estimates, docs/placement.md).
 */
export const TARGET_UTILISATION = { kubernetes: 0.8, serverless: 0.6 } as const;
