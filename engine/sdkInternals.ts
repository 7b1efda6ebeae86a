import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Stops the Pulumi SDK from capturing a stack trace for every promise it tracks.
 *
 * `runtime/debuggable.js` records `new Error().stack` on each registration's promises so that a
 * program exiting with work still in flight can say where that work began. Offline runs never
 * exit with work in flight (`runOffline` drains every registration before returning), so the
 * stacks are never read, yet formatting them took 30-40% of a 500-resource run. The SDK calls
 * the function through its module object, so replacing the export is enough. Only offline runs
 * do this; programs under the Pulumi CLI are untouched. Returns whether the SDK still has the
 * shape this relies on (a test pins it for our exact SDK version).
 */
export function skipPromiseStackCapture(): boolean {
  const debuggable = require("@pulumi/pulumi/runtime/debuggable.js") as {
    debuggablePromise?: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
  };
  if (typeof debuggable.debuggablePromise !== "function") return false;
  debuggable.debuggablePromise = <T>(p: Promise<T>) => p;
  return true;
}
