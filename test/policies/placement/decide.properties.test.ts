import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { breakEven, costAt } from "../../../policies/placement/breakEven.js";
import { MODELS } from "../../../policies/placement/catalog/models.js";
import { decidePlacement } from "../../../policies/placement/decide.js";
import { evaluateOptions } from "../../../policies/placement/options/evaluate.js";
import { CLOUDS, PLATFORMS, type WorkloadProfileInput } from "../../../policies/placement/profile.js";
import { withTokensPerDay } from "../../../policies/placement/workload.js";
import { workloadOf } from "./helpers.js";

const volume = fc.double({ min: 5, max: 10, noNaN: true }).map((e) => 10 ** e);

const profileArb: fc.Arbitrary<WorkloadProfileInput> = fc.record({
  model: fc.oneof(
    fc.record({ name: fc.constantFrom(...MODELS.map((m) => m.name)), custom: fc.boolean() }),
    fc.record({
      paramsB: fc.double({ min: 0.5, max: 200, noNaN: true }),
      precision: fc.constantFrom("bf16" as const, "fp8" as const, "int4" as const),
      custom: fc.constant(true),
    }),
  ),
  traffic: fc.record({
    tokensPerDay: volume,
    avgInputTokens: fc.integer({ min: 50, max: 8000 }),
    avgOutputTokens: fc.integer({ min: 10, max: 2000 }),
    peakToMean: fc.double({ min: 1, max: 10, noNaN: true }),
    activeHoursPerDay: fc.integer({ min: 1, max: 24 }),
  }),
  slo: fc.record({
    ttftP95Ms: fc.integer({ min: 1000, max: 120_000 }),
    availability: fc.constantFrom(0.95, 0.99, 0.999),
  }),
  team: fc.record({ opsFte: fc.double({ min: 0, max: 1, noNaN: true }) }),
  constraints: fc.record({
    clouds: fc.subarray([...CLOUDS], { minLength: 1 }),
    platforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
    spot: fc.boolean(),
  }),
});

/** Decides, or returns `undefined` when the profile is (legitimately) rejected as bad input. */
function decideOrReject(p: WorkloadProfileInput) {
  try {
    return decidePlacement(p);
  } catch (e) {
    if (isInputError(e)) return undefined;
    throw e;
  }
}

describe("placement invariants", () => {
  it("chooses a feasible option that meets the SLO and budget, and the cheapest such", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const d = decideOrReject(p);
        if (!d) return;
        const chosen = d.options.find((o) => o.id === d.optionId);
        expect(chosen?.feasible).toBe(true);
        expect(chosen?.meetsSlo && chosen.withinBudget).toBe(true);
        const good = d.options.filter((o) => o.feasible && o.meetsSlo && o.withinBudget);
        const cheapest = Math.min(...good.map((o) => o.monthlyCostUsd ?? Number.POSITIVE_INFINITY));
        expect(d.monthlyCostUsd).toBe(cheapest);
        expect(d.override).toBeNull();
      }),
      { numRuns: 80 },
    );
  });

  it("gives every option a cost or an infeasible reason", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const d = decideOrReject(p);
        if (!d) return;
        for (const o of d.options) {
          if (o.feasible) {
            expect(o.monthlyCostUsd).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(o.monthlyCostUsd)).toBe(true);
            expect(o.ttftP95Ms).toBeGreaterThan(0);
          } else {
            expect(o.infeasibleReason).toMatch(/\w{5,}/);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it("always decides a forced override that can run", () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...PLATFORMS), (p, platform) => {
        const plain = decideOrReject(p);
        const runnable = plain?.options.some((o) => o.platform === platform && o.feasible);
        if (!plain || !runnable) return;
        const d = decidePlacement({ ...p, override: { platform, reason: "data residency" } });
        expect(d.platform).toBe(platform);
        expect(d.override).toEqual({ platform, cloud: null, reason: "data residency" });
        expect(d.reasons[0]).toMatch(/^Forced by override .*: data residency\.$/);
      }),
      { numRuns: 60 },
    );
  });

  it("never lowers an option's cost as traffic grows", () => {
    fc.assert(
      fc.property(profileArb, volume, volume, (p, a, b) => {
        let workload: ReturnType<typeof workloadOf>;
        try {
          workload = workloadOf(p);
        } catch (e) {
          if (isInputError(e)) return;
          throw e;
        }
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = evaluateOptions(withTokensPerDay(workload, lo));
        const high = evaluateOptions(withTokensPerDay(workload, hi));
        for (const o of low) {
          const h = high.find((x) => x.id === o.id);
          if (o.feasible && h?.feasible)
            expect(h.monthlyCostUsd ?? 0).toBeGreaterThanOrEqual(o.monthlyCostUsd ?? 0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("puts the break-even where the pay-per-use curve rises above the self-hosted one", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        let workload: ReturnType<typeof workloadOf>;
        try {
          workload = workloadOf(p);
        } catch (e) {
          if (isInputError(e)) return;
          throw e;
        }
        const be = breakEven(workload, evaluateOptions(workload));
        if (be.tokensPerDay === null || be.between === null) return;
        const [self, payg] = be.between;
        const gap = (t: number) =>
          (costAt(workload, payg.id, t) ?? Number.NaN) - (costAt(workload, self.id, t) ?? Number.NaN);
        // A crossing: pay-per-use is at least as expensive at the break-even and cheaper just below.
        expect(gap(be.tokensPerDay + 1)).toBeGreaterThanOrEqual(0);
        expect(gap(be.tokensPerDay * (1 - 1e-6))).toBeLessThanOrEqual(0.05); // costs are rounded to cents
        // And pay-per-use is cheaper at the smallest volume scanned.
        expect(gap(1e4)).toBeLessThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
