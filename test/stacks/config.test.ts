import { describe, expect, it } from "vitest";
import { isInputError } from "../../common/inputError.js";
import { runOffline } from "../../engine/run.js";
import { loadStackConfig, StackConfigSchema } from "../../stacks/config.js";

const image = `vllm/vllm-openai:v0.28.0@sha256:${"0".repeat(64)}`;
const load = (config: Record<string, string>) =>
  runOffline({ stack: "test", config, program: () => ({ config: loadStackConfig() }) });

describe("stack config", () => {
  it("fills defaults for an otherwise minimal service", async () => {
    const run = await load({ "inferplane:service": JSON.stringify({ model: "org/model", image }) });
    expect(run.outputs.config).toEqual({
      namespace: "llm",
      kubernetes: {},
      service: {
        model: "org/model",
        image,
        replicas: 2,
        gpusPerReplica: 1,
        maxModelLen: 8192,
        allowedClientNamespaces: [],
      },
    });
  });

  it("ignores other namespaces' keys (provider config)", async () => {
    const run = await load({
      "inferplane:service": JSON.stringify({ model: "org/model", image }),
      "kubernetes:context": "kind-dev",
    });
    expect(run.outputs.config).toMatchObject({ namespace: "llm" });
  });

  it("names the stack file and field, and suggests the key meant", async () => {
    const error = await load({
      "inferplane:service": JSON.stringify({ model: "org/model", image, gpuPerReplica: 2 }),
    }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'stacks/Pulumi.test.yaml: config.inferplane:service.gpuPerReplica: unknown key "gpuPerReplica". Fix: did you mean "gpusPerReplica"?',
    );
  });

  it("accepts only digest-pinned images and DNS-1123 namespaces", () => {
    const base = { service: { model: "org/model", image } };
    expect(StackConfigSchema.safeParse(base).success).toBe(true);
    expect(
      StackConfigSchema.safeParse({
        ...base,
        service: { ...base.service, image: "vllm/vllm-openai:v0.28.0" },
      }).success,
    ).toBe(false);
    expect(StackConfigSchema.safeParse({ ...base, namespace: "LLM_prod" }).success).toBe(false);
  });
});
