import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** What a CRD declares about one served version, as far as validation needs it. */
export interface CrdVersionSchema {
  group: string;
  version: string;
  kind: string;
  scope: "Namespaced" | "Cluster";
  /** The version's `openAPIV3Schema`, with `description` fields removed (they only cost compile time). */
  schema: Record<string, unknown>;
}

/**
 * Extracts one version's schema from a CustomResourceDefinition YAML file. Used to refresh the
 * JSON kept beside each vendored CRD (reading 1.3 MB of YAML costs ~0.35 s per run; JSON ~3 ms),
 * and by a test that fails when the JSON drifts from the CRD it was cut from.
 */
export function extractCrdSchema(crdYamlFile: string, version: string): CrdVersionSchema {
  const crd = parse(readFileSync(crdYamlFile, "utf8")) as {
    spec: {
      group: string;
      scope: "Namespaced" | "Cluster";
      names: { kind: string };
      versions: { name: string; schema?: { openAPIV3Schema?: Record<string, unknown> } }[];
    };
  };
  const served = crd.spec.versions.find((v) => v.name === version);
  const schema = served?.schema?.openAPIV3Schema;
  if (!schema) throw new Error(`${crdYamlFile}: no openAPIV3Schema for version ${version}`);
  return {
    group: crd.spec.group,
    version,
    kind: crd.spec.names.kind,
    scope: crd.spec.scope,
    schema: withoutDescriptions(schema) as Record<string, unknown>,
  };
}

function withoutDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    // `description` is documentation except directly under `properties`, where it could be a field name.
    if (k !== "description" || typeof v !== "string") out[k] = withoutDescriptions(v);
  }
  return out;
}
