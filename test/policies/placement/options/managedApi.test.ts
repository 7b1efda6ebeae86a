import { describe, expect, it } from "vitest";
import { managedApiOption } from "../../../../policies/placement/options/managedApi.js";
import { workloadOf } from "../helpers.js";

describe("managed API option", () => {
  it("prices input and output tokens separately over 30 days", () => {
    const w = workloadOf({
      model: { name: "llama-3.1-405b-instruct" },
      traffic: { tokensPerDay: 1e7, avgInputTokens: 750, avgOutputTokens: 250 },
    });
    // Vertex AI 405B: $5 in, $16 out per 1 M (cost-latency-data.md §2.6).
    const o = managedApiOption(w, "gcp");
    expect(o.costBreakdown).toEqual({ inputTokens: 300 * 0.75 * 5, outputTokens: 300 * 0.25 * 16 });
    expect(o.monthlyCostUsd).toBe(1125 + 1200);
  });

  it("rules out custom weights with that reason", () => {
    const w = workloadOf({
      model: { name: "llama-3.1-8b-instruct", custom: true },
      traffic: { tokensPerDay: 1e7 },
    });
    const o = managedApiOption(w, "aws");
    expect(o.feasible).toBe(false);
    expect(o.infeasibleReason).toMatch(/model\.custom is true/);
    expect(o.monthlyCostUsd).toBeNull();
  });

  it("rules out a model the provider serves only in preview, unless the profile prices it", () => {
    const input = { model: { name: "llama-3.1-8b-instruct" }, traffic: { tokensPerDay: 1e7 } };
    expect(managedApiOption(workloadOf(input), "gcp").infeasibleReason).toMatch(/no GA price/);
    expect(
      managedApiOption(workloadOf({ ...input, pricing: { managedApiUsdPerMTokens: 0.5 } }), "gcp")
        .monthlyCostUsd,
    ).toBe(150);
  });
});
