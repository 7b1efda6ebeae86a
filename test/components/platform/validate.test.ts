import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { overflowKind, routerAccountId } from "../../../components/platform/compose/hybrid.js";
import { parseDecisionJson, resolveDecision } from "../../../components/platform/decision.js";
import { LlmPlatform } from "../../../components/platform/llmPlatform.js";
import { validateLlmPlatformArgs } from "../../../components/platform/validate.js";
import { decidePlacement } from "../../../policies/placement/decide.js";
import { runOffline } from "../../harness.js";
import { COMMON, IMAGE, ROUTER_IMAGE, WORKLOADS } from "./fixtures.js";

const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return e as Error;
  }
  throw new Error("expected an InputError");
};

describe("validateLlmPlatformArgs", () => {
  const hybrid = decidePlacement(WORKLOADS.hybrid);
  const managed = decidePlacement(WORKLOADS.managed("aws"));

  it("requires a digest-pinned server image for self-hosted platforms only", () => {
    expect(
      thrown(() => validateLlmPlatformArgs("p", { image: "vllm/vllm-openai:latest" }, hybrid)).message,
    ).toMatch(/LlmPlatform "p": image: hybrid needs the vLLM image pinned by digest/);
    expect(validateLlmPlatformArgs("p", {}, managed)).toEqual({
      modelId: "meta-llama/Llama-3.3-70B-Instruct",
      namespace: "llm",
    });
  });

  it("requires the router image for hybrid, and checks names and bounds", () => {
    const message = thrown(() =>
      validateLlmPlatformArgs("p", { image: IMAGE, namespace: "LLM", overflowQueueDepth: 0 }, hybrid),
    ).message;
    expect(message).toMatch(/routerImage: hybrid needs the router image/);
    expect(message).toMatch(/namespace: must be a DNS-1123 label/);
    expect(message).toMatch(/overflowQueueDepth: must be a whole number >= 1/);
    expect(validateLlmPlatformArgs("p", { image: IMAGE, routerImage: ROUTER_IMAGE }, hybrid).modelId).toBe(
      "meta-llama/Llama-3.1-8B-Instruct",
    );
  });

  it("needs a Hugging Face id for a model outside the catalog", () => {
    const d = decidePlacement({
      model: { name: "acme-13b", paramsB: 13, custom: true },
      traffic: { tokensPerDay: 1e6 },
    });
    expect(thrown(() => validateLlmPlatformArgs("p", { image: IMAGE }, d)).message).toMatch(
      /modelId: no Hugging Face id for acme-13b/,
    );
    expect(validateLlmPlatformArgs("p", { image: IMAGE, modelId: "acme/acme-13b" }, d).modelId).toBe(
      "acme/acme-13b",
    );
  });
});

describe("resolveDecision", () => {
  it("names the file and field when the profile leaves no feasible option", () => {
    const message = thrown(() =>
      resolveDecision({
        workload: {
          model: { name: "llama-3.1-405b-instruct", custom: true },
          traffic: { tokensPerDay: 1e7 },
          constraints: { clouds: ["gcp"], platforms: ["serverless-gpu"] },
        },
        workloadFile: "stacks/Pulumi.x.yaml",
        workloadPath: "config.inferplane:workload",
      }),
    ).message;
    expect(message).toMatch(
      /^stacks\/Pulumi\.x\.yaml: config\.inferplane:workload\.model: no option is feasible/,
    );
  });

  it("wants exactly one of a workload and a ready decision", () => {
    expect(thrown(() => resolveDecision({})).message).toMatch(
      /give exactly one of a workload profile and a ready decision/,
    );
    const d = JSON.stringify(decidePlacement(WORKLOADS.managed("aws")));
    expect(
      thrown(() => resolveDecision({ workload: WORKLOADS.managed("aws"), decisionJson: d })).message,
    ).toMatch(/exactly one/);
  });

  it("checks a ready decision's fields", () => {
    expect(thrown(() => parseDecisionJson("{")).message).toMatch(/decisionJson is not JSON/);
    expect(thrown(() => parseDecisionJson('{"platform":"edge","cloud":"gcp"}')).message).toMatch(
      /lacks or mistypes platform, monthlyCostUsd, sizing, reasons, workload/,
    );
  });
});

describe("hybrid helpers", () => {
  it("reads the overflow from the decided service", () => {
    expect(overflowKind("GKE + Cloud Run")).toBe("serverless-gpu");
    expect(overflowKind("EKS + SageMaker")).toBe("serverless-gpu");
    expect(overflowKind("GKE + Vertex AI")).toBe("managed-api");
    expect(overflowKind("GKE")).toBe("none");
  });

  it("makes a valid GCP service account id from any component name", () => {
    for (const name of ["llm", "x", "A Very Long Component Name For Production Use"]) {
      expect(routerAccountId(name)).toMatch(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/);
    }
  });
});

describe("LlmPlatform refuses before creating anything", () => {
  it("hybrid on AWS, which the router cannot sign for yet", async () => {
    const error = await runOffline({
      config: { "aws:region": "us-east-1" },
      program: () => {
        new LlmPlatform("llm", {
          ...COMMON,
          routerImage: ROUTER_IMAGE,
          workload: {
            ...WORKLOADS.hybrid,
            constraints: { clouds: ["aws"], platforms: ["hybrid"], spot: true },
          },
        });
      },
    }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/hybrid on aws is not composed yet/);
  });
});
