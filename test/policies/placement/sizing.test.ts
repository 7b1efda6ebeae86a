import { describe, expect, it } from "vitest";
import { decidePlacement } from "../../../policies/placement/decide.js";
import { evaluateOptions } from "../../../policies/placement/options/evaluate.js";
import { fitReplica } from "../../../policies/placement/sizing.js";
import { fixture, workloadOf } from "./helpers.js";

describe("sizing", () => {
  it("puts Llama 3.1 405B bf16 on 2 nodes of 8 x H100 80 GB (TP 8, PP 2) on GKE", () => {
    const d = decidePlacement(fixture("llama-405b-gke.yaml"));
    expect(d.platform).toBe("kubernetes");
    expect(d.sizing).toMatchObject({
      gpuType: "H100-80GB",
      instanceType: "a3-highgpu-8g",
      gpusPerReplica: 16,
      tensorParallel: 8,
      pipelineParallel: 2,
      nodesPerReplica: 2,
    });
    expect(d.sizing.nodes).toBe(d.sizing.replicas * 2);
  });

  it("fits 405B fp8 on one 8 x H100 node", () => {
    const d = decidePlacement({
      ...fixture("llama-405b-gke.yaml"),
      model: { name: "llama-3.1-405b-instruct", precision: "fp8" },
    });
    expect(d.sizing).toMatchObject({ tensorParallel: 8, pipelineParallel: 1, nodesPerReplica: 1 });
  });

  it("rules a 70B bf16 model out of Cloud Run: one GPU per instance", () => {
    const w = workloadOf({
      model: { name: "llama-3.3-70b-instruct" },
      traffic: { tokensPerDay: 1e7 },
      constraints: { clouds: ["gcp"] },
    });
    const cloudRun = evaluateOptions(w).filter((o) => o.service === "Cloud Run");
    expect(cloudRun.length).toBe(2);
    for (const o of cloudRun) {
      expect(o.feasible).toBe(false);
      expect(o.infeasibleReason).toMatch(/one GPU per instance/);
      expect(o.infeasibleReason).toMatch(/141 GB of bf16 weights/);
    }
  });

  it("uses the smallest power-of-two tensor-parallel group that holds the replica", () => {
    expect(fitReplica(20, "A10G", 4, 4)).toEqual({
      gpusPerReplica: 1,
      tensorParallel: 1,
      pipelineParallel: 1,
      nodesPerReplica: 1,
    });
    expect(fitReplica(30, "A10G", 4, 4)).toEqual({
      gpusPerReplica: 2,
      tensorParallel: 2,
      pipelineParallel: 1,
      nodesPerReplica: 1,
    });
    expect(fitReplica(145, "H100-80GB", 8, 4)).toMatchObject({ gpusPerReplica: 4, tensorParallel: 4 });
    expect(fitReplica(5000, "H100-80GB", 8, 4)).toBeNull();
  });

  it("runs at least two replicas on two nodes above 0.99 availability", () => {
    const d = decidePlacement({
      model: { name: "llama-3.1-8b-instruct" },
      traffic: { tokensPerDay: 1e6 },
      slo: { availability: 0.999 },
      constraints: { clouds: ["aws"], platforms: ["kubernetes"] },
    });
    expect(d.sizing.replicas).toBeGreaterThanOrEqual(2);
    expect(d.sizing.nodes).toBeGreaterThanOrEqual(2);
  });

  it("adds replicas as the peak grows", () => {
    const small = decidePlacement({
      ...fixture("article-no-fte.yaml"),
      constraints: {
        clouds: ["aws"],
        platforms: ["kubernetes"],
        kubernetes: { instanceTypes: ["g5.12xlarge"] },
      },
    });
    const big = decidePlacement({
      ...fixture("article-no-fte.yaml"),
      traffic: { tokensPerDay: 2e9, avgInputTokens: 550, avgOutputTokens: 150, peakToMean: 1 },
      constraints: {
        clouds: ["aws"],
        platforms: ["kubernetes"],
        kubernetes: { instanceTypes: ["g5.12xlarge"] },
      },
    });
    expect(big.sizing.replicas).toBeGreaterThan(small.sizing.replicas);
    expect(big.sizing.nodes).toBe(Math.ceil(big.sizing.replicas / 4));
  });
});
