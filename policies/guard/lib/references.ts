import type { RecordedResource } from "../../../engine/types.js";

/** What a resource instance deserialized from a resource reference looks like (synchronous fields). */
interface ResourceInstance {
  __pulumiResource: true;
  __pulumiType?: unknown;
  __name?: unknown;
}

// @pulumi/pulumi runtime/rpc.ts: specialSigKey and specialResourceSig.
const SIG = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

function isResource(value: unknown): value is ResourceInstance {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { __pulumiResource?: unknown }).__pulumiResource === true
  );
}

/**
 * Replaces resource instances inside recorded inputs (a program passed `role: nodeRole` where a
 * string is expected; the offline engine deserializes the reference into the instance) with what
 * a provider receives: the resource's id, or its URN for components. Returns `value` itself when
 * it holds no reference, so the common case allocates nothing.
 */
export function resolveReferences(
  value: unknown,
  lookup: (type: string, name: string) => RecordedResource | undefined,
): unknown {
  if (value === null || typeof value !== "object") return value;
  if (isResource(value)) {
    const found = lookup(String(value.__pulumiType), String(value.__name));
    return found ? (found.id ?? found.urn) : undefined;
  }
  const ref = value as Record<string, unknown>;
  if (ref[SIG] === RESOURCE_SIG) {
    // A serialized resource reference, as mock state keeps it: the id (custom) or the URN.
    return typeof ref.id === "string" && ref.id !== "" ? ref.id : ref.urn;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const resolved = resolveReferences(item, lookup);
      if (resolved !== item) {
        out ??= [...value];
        out[i] = resolved;
      }
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolveReferences(item, lookup);
    if (resolved !== item) {
      out ??= { ...(value as Record<string, unknown>) };
      out[key] = resolved;
    }
  }
  return out ?? value;
}
