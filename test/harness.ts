/**
 * Helpers for tests that run programs and components on the offline engine. Use them rather
 * than calling `pulumi.runtime.setMocks` yourself: `runOffline` installs fresh mocks, records
 * registrations with parent and provider, and drains every late registration before returning.
 */
import type { RecordedResource } from "../engine/types.js";

export { runOffline } from "../engine/run.js";

/** The one resource of `type` (and `name`, if given); fails the test when there is not exactly one. */
export function one(
  resources: ReadonlyArray<RecordedResource>,
  type: string,
  name?: string,
): RecordedResource {
  const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (found.length !== 1) {
    const seen = resources.map((r) => `${r.type} "${r.name}"`).join(", ");
    throw new Error(
      `expected one ${type}${name ? ` "${name}"` : ""}, found ${found.length}; resources: ${seen}`,
    );
  }
  return found[0] as RecordedResource;
}

/** Every resource of `type`. */
export function all(resources: ReadonlyArray<RecordedResource>, type: string): RecordedResource[] {
  return resources.filter((r) => r.type === type);
}

/** The resource whose URN is `urn` (a parent or a dependency), or a test failure. */
export function byUrn(resources: ReadonlyArray<RecordedResource>, urn: string | undefined): RecordedResource {
  const found = resources.find((r) => r.urn === urn);
  if (!found) throw new Error(`no resource with URN ${String(urn)}`);
  return found;
}

/** The URN part of a provider reference (`<urn>::<id>`). */
export function providerUrn(reference: string | undefined): string | undefined {
  return reference?.slice(0, reference.lastIndexOf("::"));
}
