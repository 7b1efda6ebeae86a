import type { Source } from "./source.js";

/** A latency figure in seconds (or milliseconds where named), with its source. */
export interface LatencyFigure extends Source {
  value: number;
}

function fig(value: number, source: string, date: string, status: Source["status"]): LatencyFigure {
  return { value, source, date, status };
}

/** Latency and scale-up figures (cost-latency-data.md §3), as used by the latency model. */
export const LATENCY = {
  /** Cloud Run GPU instance start with drivers pre-installed, s. */
  cloudRunInfraS: fig(5, "cloud.google.com/run/docs/configuring/services/gpu", "2025-26", "verified"),
  /** Image streaming on Cloud Run, s (upper end of 1-2 s). */
  cloudRunImageS: fig(
    2,
    "'A Guide to AI Cold Starts on Cloud Run' (dev.to/byteblock)",
    "2026-06",
    "3rd-party",
  ),
  /** Inference engine start, s (middle of 5-15 s). */
  engineInitS: fig(10, "'A Guide to AI Cold Starts on Cloud Run' (dev.to/byteblock)", "2026-06", "3rd-party"),
  /**
   * SageMaker scale from zero, s: "several minutes", invocations error meanwhile; taken as 4 min.
   */
  sageMakerFromZeroS: fig(
    240,
    "docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html ('several minutes')",
    "2025-26",
    "estimate",
  ),
  /**
   * Weight loading bandwidth onto the GPU, GB/s, for an unoptimised loader: LLaMA-2-70B (~140 GB)
   * in 84 s and OPT-30B (~60 GB) in 34 s, i.e. ~1.7 GB/s.
   */
  weightLoadGBps: fig(1.7, "ServerlessLLM OSDI'24 motivation (arXiv 2401.14351)", "2024", "3rd-party"),
  /**
   * How long an idle serverless instance is kept before scale-in, s (the 15-minute idle tail of the
   * reference's ServeGen demonstration; Cloud Run keeps idle instances up to 15 min).
   */
  idleTailS: fig(900, "cost-latency-data.md §5.1 (15-min idle tail)", "2026-12-04", "estimate"),
  /** Cluster Autoscaler's delay before scaling up for GPU pods, s. */
  autoscalerGpuDelayS: fig(30, "github.com/kubernetes/autoscaler/issues/9126", "2026-01-26", "verified"),
  /** New GPU node to Ready, s (middle of "typically 1 to 3 minutes"). */
  nodeProvisionS: fig(120, "github.com/ovh/public-cloud-roadmap/issues/1198", "2026-07-20", "3rd-party"),
  /** LLM image pull on a new node with a preloaded or streamed image, s ("optimised < 30 s"). */
  imagePullS: fig(
    30,
    "bentoml.com/blog/cold-starting-llms-on-kubernetes-in-under-30-seconds (5-6 min unoptimised)",
    "2025-04-11",
    "3rd-party",
  ),
  /** Fixed part of warm time to first token (network, scheduling), ms. */
  warmBaseMs: fig(
    100,
    "estimate: llmperf A10G TTFT 137 ms at concurrency 1 (cost-latency-data.md §3)",
    "2024",
    "estimate",
  ),
  /**
   * p95 prefill wait as a multiple of one request's pure prefill time under load (llmperf: 303 ms
   * TTFT at concurrency 16 for 550 input tokens on an A10G).
   */
  warmQueueFactor: fig(3, "estimate fitted to llmperf A10G TTFT at concurrency 16", "2024", "estimate"),
  /** p95 time to first token of a managed model API, ms. No published p95 was found. */
  managedApiTtftP95Ms: fig(
    1000,
    "estimate: no published Bedrock/Vertex Llama p95 TTFT in the reference",
    "2026-12-04",
    "estimate",
  ),
} as const;
