import type { LlmPlatformArgs } from "../../../components/platform/llmPlatformArgs.js";
import type { WorkloadProfileArgs } from "../../../components/platform/workloadArgs.js";

/** A digest-pinned image (the digest is a fixture, not a real image). */
export const IMAGE = `vllm/vllm-openai:v0.28.0@sha256:${"ab".repeat(32)}`;
export const ROUTER_IMAGE = `node:22-slim@sha256:${"cd".repeat(32)}`;

export const WORKLOADS = {
  /** 405B custom at steady volume on GCP: GKE, two a3-highgpu-8g nodes per replica. */
  multiNodeGke: {
    model: { name: "llama-3.1-405b-instruct", precision: "bf16", custom: true },
    traffic: { tokensPerDay: 60_000_000, avgInputTokens: 1200, avgOutputTokens: 300, peakToMean: 1.5 },
    slo: { ttftP95Ms: 5000 },
    team: { opsFte: 1 },
    constraints: { clouds: ["gcp"], spot: true, budgetUsdPerMonth: 500_000 },
  },
  /** Catalog 70B at moderate volume: the managed API of the one allowed cloud. */
  managed: (cloud: string): WorkloadProfileArgs => ({
    model: { name: "llama-3.3-70b-instruct" },
    traffic: { tokensPerDay: 5_000_000 },
    constraints: { clouds: [cloud] },
  }),
  /** Bursty custom 8B on AWS: SageMaker scaled to zero. */
  sagemaker: {
    model: { name: "llama-3.1-8b-instruct", custom: true },
    traffic: {
      requestsPerDay: 1500,
      avgInputTokens: 1000,
      avgOutputTokens: 250,
      peakToMean: 6,
      activeHoursPerDay: 10,
    },
    slo: { ttftP95Ms: 300_000, availability: 0.95 },
    constraints: { clouds: ["aws"], platforms: ["serverless-gpu"] },
  },
  /** Steady base with peaks on GCP: GKE base, Cloud Run overflow. */
  hybrid: {
    model: { name: "llama-3.1-8b-instruct", custom: true },
    traffic: { tokensPerDay: 400_000_000, avgInputTokens: 1000, avgOutputTokens: 250, peakToMean: 4 },
    slo: { ttftP95Ms: 30_000 },
    constraints: { clouds: ["gcp"], platforms: ["kubernetes", "hybrid"], spot: true },
  },
} satisfies Record<string, WorkloadProfileArgs | ((cloud: string) => WorkloadProfileArgs)>;

/** Args every test shares. */
export const COMMON: Partial<LlmPlatformArgs> = {
  image: IMAGE,
  gcpProject: "acme-ml",
  gcpInvokers: ["serviceAccount:apps@acme-ml.iam.gserviceaccount.com"],
  awsInvokerPrincipals: ["arn:aws:iam::123456789012:role/apps"],
};
