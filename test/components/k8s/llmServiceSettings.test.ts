import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { LlmInferenceService } from "../../../components/k8s/llmInferenceService.js";
import type { LlmInferenceServiceArgs } from "../../../components/k8s/llmInferenceServiceArgs.js";
import {
  resolveLlmServiceSettings,
  validateLlmInferenceServiceArgs,
} from "../../../components/k8s/llmServiceSettings.js";
import { runOffline } from "../../harness.js";
import { testProvider, VLLM_IMAGE } from "./fixtures.js";

const base: LlmInferenceServiceArgs = {
  namespace: "llm",
  model: "meta-llama/Llama-3.1-70B-Instruct",
  image: VLLM_IMAGE,
  gpuType: "nvidia-h100-80gb",
  gpusPerReplica: 8,
  tensorParallel: 8,
  pipelineParallel: 1,
  nodesPerReplica: 1,
  replicas: 2,
};

function failure(patch: Partial<LlmInferenceServiceArgs>): {
  message: string;
  fieldPath: string | undefined;
} {
  try {
    validateLlmInferenceServiceArgs("svc", { ...base, ...patch });
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return { message: (e as Error).message, fieldPath: (e as { fieldPath?: string }).fieldPath };
  }
  throw new Error("expected an InputError");
}

describe("validateLlmInferenceServiceArgs", () => {
  it("accepts a valid sizing", () => {
    expect(() => validateLlmInferenceServiceArgs("svc", base)).not.toThrow();
  });

  it("refuses tensor parallelism that does not divide the GPUs per node", () => {
    const f = failure({ gpusPerReplica: 12, tensorParallel: 8, pipelineParallel: 1, nodesPerReplica: 2 });
    expect(f.fieldPath).toBe("args.tensorParallel");
    expect(f.message).toMatch(/\(8\) does not divide the 6 GPUs per node/);
  });

  it("refuses a group size below 1", () => {
    expect(failure({ nodesPerReplica: 0 }).fieldPath).toBe("args.nodesPerReplica");
  });

  it("refuses an image without a digest", () => {
    const f = failure({ image: "vllm/vllm-openai:latest" });
    expect(f.fieldPath).toBe("args.image");
    expect(f.message).toMatch(/not pinned by digest\. Fix: append the digest/);
  });

  it("refuses a missing model", () => {
    expect(failure({ model: "" }).fieldPath).toBe("args.model");
    expect(failure({ model: undefined as unknown as string }).message).toMatch(/args\.model is missing/);
  });

  it("refuses sizings whose parallelism does not multiply to the GPUs", () => {
    expect(failure({ pipelineParallel: 2 }).fieldPath).toBe("args.pipelineParallel");
    expect(failure({ gpusPerReplica: 9, nodesPerReplica: 2 }).fieldPath).toBe("args.gpusPerReplica");
  });

  it("refuses flags that would contradict the sizing", () => {
    expect(failure({ extraArgs: ["--tensor-parallel-size=4"] }).message).toMatch(/--tensor-parallel-size/);
    expect(() =>
      validateLlmInferenceServiceArgs("svc", { ...base, extraArgs: ["--enable-prefix-caching"] }),
    ).not.toThrow();
  });

  it("refuses memory that /dev/shm would eat, Spot grace beyond any notice, long names", () => {
    expect(failure({ memoryGi: 16, shmSizeGi: 16 }).fieldPath).toBe("args.memoryGi");
    expect(failure({ preferSpot: true, terminationGracePeriodSeconds: 300 }).fieldPath).toBe(
      "args.terminationGracePeriodSeconds",
    );
    expect(failure({ serviceName: "a".repeat(41) }).fieldPath).toBe("args.serviceName");
    expect(failure({ maxReplicas: 1 }).fieldPath).toBe("args.maxReplicas");
    expect(failure({ hfTokenSecretKey: "token" }).fieldPath).toBe("args.hfTokenSecretKey");
    expect(failure({ modelCacheSubPath: "x" }).fieldPath).toBe("args.modelCacheSubPath");
  });

  it("fails before any resource is created", async () => {
    const run = await runOffline({
      program: () => {
        try {
          new LlmInferenceService("svc", {
            ...base,
            image: "vllm/vllm-openai:latest",
            provider: testProvider(),
          });
        } catch (e) {
          return { error: (e as Error).message };
        }
        return {};
      },
    });
    expect(String(run.outputs.error)).toMatch(/args\.image/);
    expect(
      run.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type.startsWith("inferplane:")),
    ).toEqual([]);
  });
});

describe("resolveLlmServiceSettings", () => {
  it("maps any valid sizing to pods that together hold exactly the replica's GPUs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (tp, nodes, replicas) => {
          const args = {
            ...base,
            gpusPerReplica: tp * nodes,
            tensorParallel: tp,
            pipelineParallel: nodes,
            nodesPerReplica: nodes,
            replicas,
          };
          validateLlmInferenceServiceArgs("svc", args);
          const s = resolveLlmServiceSettings("svc", args);
          expect(s.size).toBe(nodes);
          expect(s.gpusPerPod * s.size).toBe(args.gpusPerReplica);
          expect(s.memoryGi).toBeGreaterThan(s.shmSizeGi);
          // LWS-02: one replica surges; more replace one group at a time; never both zero.
          expect(s.rolloutMaxSurge + s.rolloutMaxUnavailable).toBeGreaterThan(0);
          expect(replicas >= 2 || s.rolloutMaxSurge >= 1).toBe(true);
        },
      ),
    );
  });

  it("sizes the startup probe from the model-load budget", () => {
    expect(resolveLlmServiceSettings("svc", base).startupFailureThreshold).toBe(180);
    expect(
      resolveLlmServiceSettings("svc", { ...base, modelLoadBudgetSeconds: 2405 }).startupFailureThreshold,
    ).toBe(241);
  });
});
