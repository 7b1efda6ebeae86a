import { LATENCY } from "../catalog/latency.js";
import type { Cloud } from "../catalog/machines.js";
import { MANAGED_API_SERVICE } from "../catalog/managedApis.js";
import { managedApiPrice } from "../prices.js";
import { DAYS_PER_MONTH, type Workload } from "../workload.js";
import { cents, infeasible, type PlacementOption } from "./types.js";

/**
 * The managed model API of `cloud` (Bedrock, Vertex AI): pay per token, input and output priced
 * separately, `tokensPerDay x 30` a month. Ruled out for custom weights and for models the
 * provider does not serve or has not priced.
 */
export function managedApiOption(workload: Workload, cloud: Cloud): PlacementOption {
  const service = MANAGED_API_SERVICE[cloud];
  const base = { platform: "managed-api" as const, cloud, variant: "on-demand", service };
  const { model, traffic, profile } = workload;
  if (model.custom) {
    return infeasible(
      base,
      `model.custom is true: ${service} serves only its own catalog models, not custom weights`,
    );
  }
  const price = managedApiPrice(cloud, model.name, profile.pricing);
  if (typeof price === "string") {
    return infeasible(
      base,
      price === "not served"
        ? `${service} does not serve ${model.name} in the catalog; set pricing.managedApiUsdPerMTokens if a provider does`
        : `${service} serves ${model.name} with ${price}; set pricing.managedApiUsdPerMTokens to price it`,
    );
  }
  const perRequest = traffic.avgInputTokens + traffic.avgOutputTokens;
  const inputShare = traffic.avgInputTokens / perRequest;
  const monthlyTokensM = (traffic.tokensPerDay * DAYS_PER_MONTH) / 1e6;
  const inputUsd = monthlyTokensM * inputShare * price.input;
  const outputUsd = monthlyTokensM * (1 - inputShare) * price.output;
  const ttft = LATENCY.managedApiTtftP95Ms.value;
  const cost = inputUsd + outputUsd;
  const budget = profile.constraints.budgetUsdPerMonth;
  return {
    id: `managed-api/${cloud}/on-demand`,
    ...base,
    feasible: true,
    monthlyCostUsd: cents(cost),
    costBreakdown: { inputTokens: cents(inputUsd), outputTokens: cents(outputUsd) },
    ttftP95Ms: ttft,
    meetsSlo: ttft <= profile.slo.ttftP95Ms,
    withinBudget: budget === undefined || cost <= budget,
    sizing: {
      gpuType: null,
      instanceType: null,
      gpusPerReplica: 0,
      tensorParallel: 0,
      pipelineParallel: 0,
      nodesPerReplica: 0,
      replicas: 0,
      nodes: 0,
      memoryPerReplicaGB: 0,
      tokensPerSecondPerReplica: 0,
      throughputBasis: null,
    },
    latency: { warmTtftP95Ms: ttft, coldStartS: 0, coldStartShare: 0 },
    notes: [
      `price $${price.input}/$${price.output} per 1M input/output tokens (${price.source})`,
      `p95 time to first token ${ttft} ms is an estimate (${LATENCY.managedApiTtftP95Ms.source})`,
    ],
  };
}
