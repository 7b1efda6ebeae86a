/**
 * A consumer program that lets LlmPlatform decide and compose: the workload profile goes in, the
 * decided platform comes out with its endpoint, cost and reasons.
 *
 *   inferplane preview --program examples/platformFromWorkload.ts
 */
import { LlmPlatform } from "inferplane";

const llm = new LlmPlatform("assistant", {
  workload: {
    model: { name: "llama-3.1-8b-instruct", custom: true },
    traffic: { requestsPerDay: 2000, activeHoursPerDay: 10, peakToMean: 5 },
    slo: { ttftP95Ms: 30000, availability: 0.99 },
    constraints: { clouds: ["gcp"] },
  },
  gcpProject: "acme-ml",
  // Pin a real vLLM digest: docker buildx imagetools inspect vllm/vllm-openai:<tag>
  image: `vllm/vllm-openai:v0.28.0@sha256:${"0".repeat(64)}`,
  gcpInvokers: ["serviceAccount:apps@acme-ml.iam.gserviceaccount.com"],
});

export const endpoint = llm.endpoint;
export const platform = llm.platform;
export const monthlyCostUsd = llm.monthlyCostUsd;
