import { describe, expect, it } from "vitest";
import { LATENCY } from "../../../../policies/placement/catalog/latency.js";
import { serverlessBill, serverlessOptions } from "../../../../policies/placement/options/serverlessGpu.js";
import type { ResolvedTraffic } from "../../../../policies/placement/workload.js";
import { workloadOf } from "../helpers.js";

const traffic = (requestsPerDay: number): ResolvedTraffic => ({
  tokensPerDay: requestsPerDay * 1000,
  requestsPerDay,
  avgInputTokens: 800,
  avgOutputTokens: 200,
  peakToMean: 1,
  activeHoursPerDay: 24,
});

describe("serverless GPU bill", () => {
  it("starts a request cold with probability e^(-lambda x idle tail)", () => {
    const perDay = 86400 / LATENCY.idleTailS.value; // lambda x tau = 1
    expect(serverlessBill(traffic(perDay), 1000, 20, 0, 1).coldStartShare).toBeCloseTo(Math.exp(-1), 10);
  });

  it("bills one warm instance all month at full rate", () => {
    const bill = serverlessBill(traffic(10), 1000, 20, 1, 2);
    expect(bill.breakdown.minInstances).toBe(730 * 2);
    expect(bill.coldStartShare).toBe(0);
  });

  it("never falls as requests grow, even with a long cold start (SageMaker from zero)", () => {
    let previous = 0;
    for (let requests = 1; requests < 5000; requests *= 1.05) {
      const b = serverlessBill(traffic(requests), 1000, 300, 0, 1);
      const cost = Object.values(b.breakdown).reduce((a, c) => a + c, 0);
      expect(cost).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = cost;
    }
  });

  it("uses p95 with the cold start once more than 5 % of requests start cold", () => {
    const sparse = workloadOf({
      model: { name: "llama-3.1-8b-instruct" },
      traffic: { requestsPerDay: 20, activeHoursPerDay: 10 },
      constraints: { clouds: ["gcp"] },
    });
    const [zero, warm] = serverlessOptions(sparse, "gcp");
    expect(zero?.latency?.coldStartShare).toBeGreaterThan(0.05);
    // Both parts are rounded in the report, so allow a second either way.
    const expected = (zero?.latency?.warmTtftP95Ms ?? 0) + (zero?.latency?.coldStartS ?? 0) * 1000;
    expect(Math.abs((zero?.ttftP95Ms ?? 0) - expected)).toBeLessThan(1000);
    expect(zero?.ttftP95Ms ?? 0).toBeGreaterThan(10_000);
    expect(warm?.ttftP95Ms).toBe(warm?.latency?.warmTtftP95Ms);
  });
});
