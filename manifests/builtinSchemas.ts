import { createRequire } from "node:module";

// The CommonJS build through Node's own loader: ~5x faster than the ESM build through the
// TypeScript loader hooks the CLI runs under, and the validators are the same code.
const require = createRequire(import.meta.url);

/** A kubernetes-models class: construct with an object, `validate()` throws with ajv errors. */
interface ModelClass {
  new (data: Record<string, unknown>): { validate(): void };
}

/** An ajv-style error as kubernetes-models reports it. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const cache = new Map<string, ModelClass | undefined>();

/**
 * The upstream OpenAPI model for a built-in kind, from kubernetes-models (generated from the
 * Kubernetes OpenAPI spec, with precompiled validators). Loaded per kind on first use, so a
 * program pays only for the kinds it declares. `undefined` when the kind is not built in.
 */
export function builtinModel(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key);
  let model: ModelClass | undefined;
  // Only names kubernetes-models could hold; anything else is not a built-in kind.
  if (/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) && /^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    try {
      const module = require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, unknown>;
      model = module[kind] as ModelClass | undefined;
    } catch {
      model = undefined;
    }
  }
  cache.set(key, model);
  return model;
}

/** Runs a model's validator; the ajv errors it reports, or none. */
export function validateWithModel(model: ModelClass, body: Record<string, unknown>): SchemaError[] {
  try {
    new model(body).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (Array.isArray(errors)) return errors;
    return [{ instancePath: "", keyword: "model", params: {}, message: (error as Error).message }];
  }
}

/**
 * API groups served by Kubernetes itself. An object in one of these groups with no model is a
 * mistake (a wrong version or kind), not a third-party CRD we merely lack a schema for.
 */
export function isBuiltinGroup(apiVersion: string): boolean {
  const group = apiVersion.includes("/") ? (apiVersion.split("/")[0] ?? "") : "";
  return (
    group === "" ||
    ["apps", "batch", "autoscaling", "policy", "extensions"].includes(group) ||
    (group.endsWith(".k8s.io") && !group.endsWith(".x-k8s.io"))
  );
}
