import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** What a CRD declares about one served version, as far as validation needs it. */
export interface CrdVersionSchema {
  group: string;
  version: string;
  kind: string;
  scope: "Namespaced" | "Cluster";
  /**
   * The version's `openAPIV3Schema`, with `description` fields removed and repeated subschemas
   * (LWS repeats the whole PodTemplateSpec for leader and worker) hoisted into `$defs`. Both
   * changes keep the accepted documents identical and cut ajv's compile time from ~0.3 s to
   * ~0.02 s.
   */
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
    schema: hoistRepeatedSubschemas(
      formatsAsKeywords(withoutDescriptions(schema)) as Record<string, unknown>,
    ),
  };
}

const INT_BOUNDS: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  // JSON numbers beyond 2^53 lose precision before any validator sees them.
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
/** RFC 3339 date-time, as the API server accepts it (`metav1.Time`). */
const DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$";

/**
 * Rewrites the OpenAPI formats the API server enforces (`int32`, `int64`, `date-time`) as plain
 * JSON Schema bounds and patterns, so the compiled validator needs no custom format code and can
 * be cached as standalone code.
 */
export function formatsAsKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(formatsAsKeywords);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = formatsAsKeywords(v);
  const format = out.format;
  const bounds = typeof format === "string" ? INT_BOUNDS[format] : undefined;
  if (bounds && out.type === "integer") {
    delete out.format;
    out.minimum = bounds[0];
    out.maximum = bounds[1];
  } else if (format === "date-time" && out.type === "string") {
    delete out.format;
    out.pattern = DATE_TIME;
  }
  return out;
}

/** Keywords whose value is a map from names to subschemas (the map itself is not a schema). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions"]);
/** Keywords whose value is one subschema or a list of them. */
const SCHEMA_SLOTS = new Set(["items", "additionalProperties", "not", "anyOf", "allOf", "oneOf"]);
/** Subschemas shorter than this (as JSON) are cheaper to inline than to reference. */
const MIN_HOISTED_LENGTH = 2000;

/**
 * Replaces every subschema that occurs more than once with a `$ref` to a single copy in `$defs`.
 * Only schema positions are rewritten (never a `properties` map itself), so validation results,
 * error paths included, are unchanged.
 */
export function hoistRepeatedSubschemas(root: Record<string, unknown>): Record<string, unknown> {
  const counts = new Map<string, number>();
  const count = (schema: unknown) => {
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return;
    const text = JSON.stringify(schema);
    if (text.length >= MIN_HOISTED_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
    forEachSubschema(schema as Record<string, unknown>, count);
  };
  forEachSubschema(root, count);

  const defs: Record<string, unknown> = {};
  const ids = new Map<string, string>();
  const rewrite = (schema: unknown): unknown => {
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
    const text = JSON.stringify(schema);
    if ((counts.get(text) ?? 0) < 2) return mapSubschemas(schema as Record<string, unknown>, rewrite);
    let id = ids.get(text);
    if (id === undefined) {
      id = `shared${ids.size}`;
      ids.set(text, id);
      defs[id] = mapSubschemas(schema as Record<string, unknown>, rewrite);
    }
    return { $ref: `#/$defs/${id}` };
  };
  const out = mapSubschemas(root, rewrite);
  return ids.size === 0 ? out : { ...out, $defs: defs };
}

function forEachSubschema(schema: Record<string, unknown>, visit: (s: unknown) => void): void {
  mapSubschemas(schema, (s) => {
    visit(s);
    return s;
  });
}

function mapSubschemas(schema: Record<string, unknown>, f: (s: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, f(sub)]));
    } else if (SCHEMA_SLOTS.has(key)) {
      out[key] = Array.isArray(value)
        ? value.map(f)
        : typeof value === "object" && value !== null
          ? f(value)
          : value;
    } else {
      out[key] = value;
    }
  }
  return out;
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
