import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractCrdSchema } from "../../manifests/crdSchema.js";
import { CRD_SOURCES } from "../../manifests/crds/sources.js";

describe("vendored CRD schemas", () => {
  it.each(CRD_SOURCES.map((s) => [s.kind, s] as const))("%s schema JSON matches its CRD", (_kind, source) => {
    const committed = JSON.parse(readFileSync(source.schemaFile, "utf8")) as unknown;
    // If this fails, the CRD changed: run `npx tsx manifests/crds/refresh.ts`.
    expect(committed).toEqual(extractCrdSchema(source.crdFile, source.version));
  });

  it("keeps the LWS v1 shape the validator relies on", () => {
    const lws = extractCrdSchema(CRD_SOURCES[0]?.crdFile ?? "", "v1");
    expect(lws).toMatchObject({
      group: "leaderworkerset.x-k8s.io",
      kind: "LeaderWorkerSet",
      scope: "Namespaced",
    });
    const size = (
      lws.schema as {
        properties: Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }>;
      }
    ).properties.spec?.properties.leaderWorkerTemplate?.properties.size;
    expect(size).toMatchObject({ type: "integer" });
  });
});
