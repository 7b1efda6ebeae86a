import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { skipPromiseStackCapture } from "../../engine/sdkInternals.js";

const require = createRequire(import.meta.url);

describe("skipPromiseStackCapture", () => {
  it("finds the SDK's promise tracker and replaces it (fails if an SDK upgrade moved it)", () => {
    const debuggable = require("@pulumi/pulumi/runtime/debuggable.js") as {
      debuggablePromise: (p: Promise<number>, ctx: string) => Promise<number>;
    };
    expect(skipPromiseStackCapture()).toBe(true);
    const p = Promise.resolve(1);
    const tracked = debuggable.debuggablePromise(p, "ctx");
    expect(tracked).toBe(p);
    expect(Object.getOwnPropertyNames(tracked)).not.toContain("_debugStackTrace");
  });
});
