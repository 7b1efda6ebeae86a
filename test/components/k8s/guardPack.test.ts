import { describe, expect, it } from "vitest";
import { LeaderWorkerSetController } from "../../../components/k8s/leaderWorkerSetController.js";
import { LlmInferenceService } from "../../../components/k8s/llmInferenceService.js";
import type { LlmInferenceServiceArgs } from "../../../components/k8s/llmInferenceServiceArgs.js";
import { NvidiaGpuStack } from "../../../components/k8s/nvidiaGpuStack.js";
import { GPU_ENVIRONMENTS } from "../../../components/k8s/nvidiaGpuStackArgs.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { runOffline } from "../../harness.js";
import { testProvider, VLLM_IMAGE } from "./fixtures.js";

// The guard pack (policies/guard) is the project's reading of the checklist; what the k8s
// components render with their defaults must pass it, in every environment, for both shapes.
type Sizing = Pick<
  LlmInferenceServiceArgs,
  | "gpusPerReplica"
  | "tensorParallel"
  | "pipelineParallel"
  | "nodesPerReplica"
  | "replicas"
  | "maxReplicas"
  | "preferSpot"
>;
const SHAPES: [string, Sizing][] = [
  [
    "405B TP8 x PP2 on Spot, autoscaled",
    {
      gpusPerReplica: 16,
      tensorParallel: 8,
      pipelineParallel: 2,
      nodesPerReplica: 2,
      replicas: 2,
      maxReplicas: 4,
      preferSpot: true,
    },
  ],
  [
    "8B on one GPU",
    { gpusPerReplica: 1, tensorParallel: 1, pipelineParallel: 1, nodesPerReplica: 1, replicas: 1 },
  ],
];
const CASES = SHAPES.flatMap(([shape, sizing]) =>
  GPU_ENVIRONMENTS.map((env) => [shape, env, sizing] as const),
);

describe("guard pack on the rendered components", () => {
  it.each(CASES)("finds nothing in a %s service on %s", async (_shape, environment, sizing) => {
    const run = await runOffline({
      program: () => {
        const provider = testProvider();
        new NvidiaGpuStack("gpu", { provider, environment });
        if (environment === "gke")
          new NvidiaGpuStack("gpu-op", { provider, environment, useGpuOperator: true });
        const lws = new LeaderWorkerSetController("lws", { provider });
        new LlmInferenceService(
          "llm",
          {
            provider,
            namespace: "llm",
            model: "meta-llama/Llama-3.1-405B-Instruct",
            image: VLLM_IMAGE,
            gpuType: "nvidia-h100-80gb",
            hfTokenSecretName: "hf-token",
            ...sizing,
          },
          { dependsOn: [lws] },
        );
      },
    });
    expect(run.resources.length).toBeGreaterThan(8);
    const violations = await evaluateGuard(run.resources);
    expect(violations.map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
  });
});
