import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatsAsKeywords } from "../../manifests/crdSchema.js";
import { CACHE_DIR, crdValidator, fromCache } from "../../manifests/crdValidators.js";

const container = { name: "vllm", image: `vllm/vllm-openai@sha256:${"0".repeat(64)}` };
const lws = (spec: Record<string, unknown>) => ({
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "x" },
  spec: {
    leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [container] } } },
    ...spec,
  },
});
const bad = [
  lws({ replicas: 2 ** 31 }),
  lws({ replicas: "1" }),
  lws({ leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: 7 }] } } } }),
  lws({ startupPolicy: 3, rolloutStrategy: { rollingUpdateConfiguration: { partition: 1.5 } } }),
];
const errorsOf = (validate: NonNullable<ReturnType<typeof crdValidator>>, doc: unknown) =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe("CRD validators", () => {
  it("expresses int32, int64 and date-time formats as bounds and patterns", () => {
    expect(formatsAsKeywords({ type: "integer", format: "int32" })).toEqual({
      type: "integer",
      minimum: -2147483648,
      maximum: 2147483647,
    });
    expect(formatsAsKeywords({ type: "string", format: "date-time" })).toMatchObject({
      type: "string",
      pattern: expect.any(String),
    });
    expect(formatsAsKeywords({ type: "string", format: "byte" })).toEqual({ type: "string", format: "byte" });
  });

  it("rejects an int32 field out of range, as the API server would", () => {
    const validate = crdValidator("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet");
    expect(validate && errorsOf(validate, bad[0])).toEqual(["/spec/replicas must be <= 2147483647"]);
  });

  it("caches the compiled validator, and the cached code judges exactly as the compiled one", () => {
    const validate = crdValidator("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet");
    if (!validate) throw new Error("no LWS validator");
    const file = readdirSync(CACHE_DIR).find((f) => f.startsWith("LeaderWorkerSet-") && f.endsWith(".cjs"));
    expect(file).toBeDefined();
    const cached = fromCache(join(CACHE_DIR, file as string));
    if (!cached) throw new Error("cache unreadable");
    for (const doc of [lws({}), ...bad]) expect(errorsOf(cached, doc)).toEqual(errorsOf(validate, doc));
    expect(errorsOf(cached, bad[2])).toContain(
      "/spec/leaderWorkerTemplate/workerTemplate/spec/containers/0/name must be string",
    );
  });
});
