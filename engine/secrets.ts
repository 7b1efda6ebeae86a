import * as pulumi from "@pulumi/pulumi";

/**
 * Secrets reach the mock monitor wrapped in Pulumi's signature object. Unwraps them so that
 * validators see real values, and returns the paths that were secret so renderers can mask them.
 */
export function unwrapSecrets(
  value: unknown,
  path = "",
  found: string[] = [],
): { value: unknown; paths: string[] } {
  return { value: walk(value, path, found), paths: found };
}

function walk(value: unknown, path: string, found: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, found));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
    found.push(path);
    return walk(record.value, path, []);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = walk(v, path === "" ? k : `${path}.${k}`, found);
  return out;
}

/** Replaces the value at each secret path with `"[secret]"`, for printing. */
export function maskSecrets(
  inputs: Record<string, unknown>,
  paths: ReadonlyArray<string>,
): Record<string, unknown> {
  if (paths.length === 0) return inputs;
  const copy = structuredClone(inputs);
  for (const path of paths) setAtPath(copy, path, "[secret]");
  return copy;
}

function setAtPath(root: Record<string, unknown>, path: string, replacement: unknown): void {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node: unknown = root;
  for (let i = 0; i < keys.length - 1; i++) {
    if (node === null || typeof node !== "object") return;
    node = (node as Record<string, unknown>)[keys[i] as string];
  }
  const last = keys[keys.length - 1];
  if (last !== undefined && node !== null && typeof node === "object") {
    (node as Record<string, unknown>)[last] = replacement;
  }
}
