/**
 * Small readers for resource properties. Rules see props through `unknownCheckingProxy`, so a
 * read of a value unknown at preview throws `UnknownValueError` instead of returning a stand-in:
 * these helpers never swallow that error, so an unknown never reads as "absent" or "false".
 */

/** A plain object (not an array), or `undefined`. */
export function rec(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** An array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or `undefined`. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A number (numeric strings too, as config and Kubernetes int-or-string fields carry them), or `undefined`. */
export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** `true` only for the boolean `true` or the string `"true"` (Pulumi config hands booleans over as strings). */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/** `true` only for the boolean `false` or the string `"false"`. */
export function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

/** The value at `path` under `value` (objects and array indexes), or `undefined`. */
export function at(value: unknown, ...path: ReadonlyArray<string | number>): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Parses a JSON document given as a string (IAM policies often are); objects pass through. */
export function jsonDoc(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** Strings in a string-or-array field (IAM `Action`, `Principal.Service`, ...). */
export function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return list(value).filter((v): v is string => typeof v === "string");
}
