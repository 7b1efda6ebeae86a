import { describe, expect, it } from "vitest";
import { isLiteralSecret, isSecretName, matchesAny } from "../../../policies/guard/lib/match.js";
import { quantity } from "../../../policies/guard/lib/quantity.js";
import { repository } from "../../../policies/guard/rules/k8s03NonRoot.js";

describe("credential-name heuristic", () => {
  it.each([
    "HF_TOKEN",
    "HUGGING_FACE_HUB_TOKEN",
    "OPENAI_API_KEY",
    "APIKEY",
    "DB_PASSWORD",
    "AWS_SECRET_ACCESS_KEY",
    "gcp.credentials",
  ])("%s is a credential name", (name) => expect(isSecretName(name)).toBe(true));
  it.each(["MAX_OUTPUT_TOKENS", "MAX_TOKENS", "TOKENIZER", "PWD", "HF_HOME", "KEY_ID_HEADER"])(
    "%s is not",
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it("ignores references and plain settings", () => {
    expect(isLiteralSecret("HF_TOKEN", "hf_abc")).toBe(true);
    expect(isLiteralSecret("HF_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:hf")).toBe(
      false,
    );
    expect(isLiteralSecret("API_KEY_FILE", "/var/run/secrets/key")).toBe(false);
    expect(isLiteralSecret("TOKEN_LIMIT", "4096")).toBe(false);
    expect(isLiteralSecret("HF_TOKEN", "")).toBe(false);
  });
});

describe("helpers", () => {
  it("parses Kubernetes quantities", () => {
    expect(quantity("16Gi")).toBe(16 * 2 ** 30);
    expect(quantity("500m")).toBe(0.5);
    expect(quantity("1G")).toBe(1e9);
    expect(quantity(4)).toBe(4);
    expect(quantity("lots")).toBeUndefined();
  });
  it("reads the repository of an image reference", () => {
    expect(repository(`vllm/vllm-openai:v0.28.0@sha256:${"a".repeat(64)}`)).toBe("vllm/vllm-openai");
    expect(repository("registry.local:5000/vllm/vllm-openai")).toBe("registry.local:5000/vllm/vllm-openai");
  });
  it("matches namespace/name globs", () => {
    expect(matchesAny({ namespace: "gpu-operator", name: "dcgm" }, ["gpu-operator/*"])).toBe(true);
    expect(matchesAny({ namespace: "apps", name: "dcgm" }, ["gpu-operator/*"])).toBe(false);
  });
});
