import { describe, expect, it } from "vitest";
import { kubernetesOption } from "../../../../policies/placement/options/kubernetes.js";
import { fixture, workloadOf } from "../helpers.js";

describe("kubernetes option", () => {
  it("bills the article's node: $5.672/h x 730 h x 1.25, plus control plane and FTE", () => {
    const o = kubernetesOption(workloadOf(fixture("article-quarter-fte.yaml")), "aws");
    expect(o.costBreakdown).toEqual({
      onDemandNodes: 4140.56,
      overhead: 1035.14,
      controlPlane: 0,
      operations: 3125,
    });
  });

  it("runs nodes above the on-demand floor on Spot when allowed, with a fallback charge", () => {
    const input = {
      model: { name: "llama-3.1-8b-instruct" },
      traffic: { tokensPerDay: 3e9, peakToMean: 1 },
      constraints: { clouds: ["aws" as const], kubernetes: { instanceTypes: ["g5.xlarge"] } },
    };
    const onDemand = kubernetesOption(workloadOf(input), "aws");
    const spot = kubernetesOption(
      workloadOf({ ...input, constraints: { ...input.constraints, spot: true } }),
      "aws",
    );
    expect(spot.variant).toBe("on-demand+spot");
    expect(spot.costBreakdown.onDemandNodes).toBeCloseTo(730 * 1.006, 1);
    expect(spot.costBreakdown.spotNodes).toBeGreaterThan(0);
    expect(spot.costBreakdown.spotFallback).toBeGreaterThan(0);
    expect(spot.monthlyCostUsd ?? 0).toBeLessThan(onDemand.monthlyCostUsd ?? 0);
  });

  it("reports the replica bound when the peak needs more", () => {
    const o = kubernetesOption(
      workloadOf({ ...fixture("article-no-fte.yaml"), traffic: { tokensPerDay: 2e9, peakToMean: 1 } }),
      "aws",
    );
    expect(o.feasible).toBe(false);
    expect(o.infeasibleReason).toMatch(/above constraints\.kubernetes\.maxReplicas 4/);
  });
});
