import { describe, expect, it } from "vitest";
import { isInputError } from "../../common/inputError.js";
import { runOffline } from "../../engine/run.js";
import { loadStackConfig, StackConfigSchema } from "../../stacks/config.js";

const image = `vllm/vllm-openai:v0.28.0@sha256:${"0".repeat(64)}`;
const workload = { model: { name: "llama-3.1-8b-instruct" }, traffic: { tokensPerDay: 1_000_000 } };
const load = (config: Record<string, string>) =>
  runOffline({ stack: "test", config, program: () => ({ config: loadStackConfig() }) });

describe("stack config", () => {
  it("fills defaults for an otherwise minimal service", async () => {
    const run = await load({
      "inferplane:service": JSON.stringify({ image }),
      "inferplane:workload": JSON.stringify(workload),
    });
    expect(run.outputs.config).toMatchObject({
      namespace: "llm",
      service: { image, allowedClientNamespaces: [] },
      gcp: { invokers: [] },
      aws: { invokerPrincipals: [] },
      workload: { model: { name: "llama-3.1-8b-instruct", contextTokens: 8192 }, traffic: { peakToMean: 3 } },
    });
  });

  it("ignores other namespaces' keys (provider config)", async () => {
    const run = await load({
      "inferplane:service": JSON.stringify({ image }),
      "inferplane:workload": JSON.stringify(workload),
      "gcp:project": "acme",
    });
    expect(run.outputs.config).toMatchObject({ namespace: "llm" });
  });

  it("names the stack file and field, and suggests the key meant", async () => {
    const error = await load({
      "inferplane:service": JSON.stringify({ image, routerImag: image }),
      "inferplane:workload": JSON.stringify(workload),
    }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'stacks/Pulumi.test.yaml: config.inferplane:service.routerImag: unknown key "routerImag". Fix: did you mean "routerImage"?',
    );
  });

  it("requires the workload profile, naming the stack file and the key", async () => {
    const error = await load({ "inferplane:service": JSON.stringify({ image }) }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^stacks\/Pulumi\.test\.yaml: config\.inferplane:workload: missing\. .*Fix: add inferplane:workload/,
    );
  });

  it("accepts only digest-pinned images and DNS-1123 namespaces", () => {
    const base = { service: { image }, workload };
    expect(StackConfigSchema.safeParse(base).success).toBe(true);
    expect(
      StackConfigSchema.safeParse({ ...base, service: { image: "vllm/vllm-openai:v0.28.0" } }).success,
    ).toBe(false);
    expect(
      StackConfigSchema.safeParse({ ...base, service: { image, routerImage: "node:22-slim" } }).success,
    ).toBe(false);
    expect(StackConfigSchema.safeParse({ ...base, namespace: "LLM_prod" }).success).toBe(false);
  });
});
