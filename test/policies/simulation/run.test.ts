import { describe, expect, it } from "vitest";
import { simulateProfile } from "../../../policies/simulation/run.js";

const data = (p: string) => new URL(`../../../data/traces/${p}`, import.meta.url).pathname;
const profile = { model: { name: "llama-3.1-8b-instruct" }, traffic: {}, slo: { ttftP95Ms: 2000 } };

describe("simulateProfile", () => {
  it.each([
    ["azure-2023/code.csv", 8819, 18059974, 245896],
    ["azure-2023/conv.csv", 19366, 22361870, 4088665],
    ["mooncake/conversation.jsonl", 12031, 144793823, 4122048],
  ])(
    "serves exactly the requests and tokens of %s on every option",
    async (file, requests, input, output) => {
      const r = await simulateProfile({ profile, trace: { file: data(file) } });
      expect(r.trace.stats.requests).toBe(requests);
      expect(r.options.length).toBeGreaterThanOrEqual(5);
      for (const o of r.options) {
        expect(o.requestsServed).toBe(requests);
        expect(o.inputTokensServed).toBe(input);
        expect(o.outputTokensServed).toBe(output);
        expect(o.tokensServed).toBe(input + output);
        expect(o.costUsd).toBeGreaterThan(0);
        expect(o.ttftMs.p50).toBeLessThanOrEqual(o.ttftMs.p95);
        expect(o.ttftMs.p95).toBeLessThanOrEqual(o.ttftMs.p99);
      }
    },
  );

  it("names the cheapest option whose SLO column says met, and the plan's regret against it", async () => {
    const r = await simulateProfile({ profile, trace: { file: data("azure-2023/code.csv") } });
    const best = r.options.find((o) => o.id === r.cheapestMeetingSlo);
    expect(best?.meetsSlo).toBe(true);
    expect(best && r.options.filter((o) => o.meetsSlo).every((o) => o.costUsd >= best.costUsd)).toBe(true);
    expect(best?.ttftMs.p95).toBeLessThanOrEqual(r.slo.ttftP95Ms);
    for (const o of r.options)
      expect(o.meetsSlo).toBe(o.ttftMs.p95 <= r.slo.ttftP95Ms && o.errors <= 0.01 * o.requestsServed);
    const chosen = r.options.find((o) => o.id === r.plan.choice);
    expect(r.plan.regretPercent).toBeCloseTo(
      (((chosen?.costUsd ?? 0) - (best?.costUsd ?? 0)) / (best?.costUsd ?? 1)) * 100,
      0,
    );
  });

  it("derives the plan's traffic from the trace when the profile gives no volume", async () => {
    const r = await simulateProfile({ profile, trace: { file: data("azure-2023/conv.csv") } });
    expect(r.trafficFromTrace).toBe(true);
    expect(r.plannedTraffic.tokensPerDay).toBeGreaterThan(6.4e8);
    expect(r.plannedTraffic.tokensPerDay).toBeLessThan(6.7e8);
    expect(r.plannedTraffic.peakToMean).toBeCloseTo(1.54, 2);
    // The managed API bills per token: the replay and the plan agree on it within 1 %.
    const api = r.options.find((o) => o.platform === "managed-api");
    expect(Math.abs((api?.monthlyCostUsd ?? 0) / (api?.planned.monthlyCostUsd ?? 1) - 1)).toBeLessThan(0.01);
  });

  it("keeps the profile's own volume, and reads a trace named in the profile", async () => {
    const named = {
      ...profile,
      traffic: { tokensPerDay: 5e7, trace: { path: data("azure-2023/conv.csv"), format: "azure" } },
    };
    const r = await simulateProfile({ profile: named, trace: {} });
    expect(r.trafficFromTrace).toBe(true);
    expect(r.plannedTraffic.tokensPerDay).toBe(5e7);
    expect(r.plannedTraffic.avgInputTokens).toBeCloseTo(1154.7, 1);
    expect(r.trace.stats.requests).toBe(19366);
  });

  it("gives the same report for the same seed, and grows fixed-fleet costs with the rate scale", async () => {
    const file = data("servegen/language/m-large/chunk-89-trace.csv");
    const spec = { file, seed: 5, durationS: 6 * 3600 };
    const a = await simulateProfile({ profile, trace: spec });
    const b = await simulateProfile({ profile, trace: spec });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const x3 = await simulateProfile({ profile, trace: { ...spec, scale: 3 } });
    expect(x3.trace.stats.requests).toBe(3 * a.trace.stats.requests);
    for (const o of a.options) {
      const big = x3.options.find((x) => x.id === o.id);
      if (o.platform === "kubernetes" || o.platform === "managed-api") {
        expect(big?.costUsd ?? 0).toBeGreaterThanOrEqual(o.costUsd);
      }
    }
  });
});
