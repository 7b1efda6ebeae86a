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

const cache = new Map<string, Promise<ModelClass | undefined>>();

/**
 * The upstream OpenAPI model for a built-in kind, from kubernetes-models (generated from the
 * Kubernetes OpenAPI spec, with precompiled validators). Loaded per kind on first use, so a
 * program pays only for the kinds it declares. `undefined` when the kind is not built in.
 */
export function builtinModel(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = import(`kubernetes-models/${apiVersion}/${kind}`).then(
      (m: Record<string, unknown>) => m[kind] as ModelClass | undefined,
      () => undefined,
    );
    cache.set(key, hit);
  }
  return hit;
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
