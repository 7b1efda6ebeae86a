import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskSecrets, unwrapSecrets } from "../../engine/secrets.js";

const wrap = (value: unknown) => ({
  [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
  value,
});

describe("secrets in recorded inputs", () => {
  it("unwraps nested secrets and reports their paths", () => {
    const { value, paths } = unwrapSecrets({ a: wrap("x"), b: [1, { c: wrap({ d: 2 }) }], e: "plain" });
    expect(value).toEqual({ a: "x", b: [1, { c: { d: 2 } }], e: "plain" });
    expect(paths).toEqual(["a", "b[1].c"]);
  });

  it("masks exactly the secret paths and never mutates its input", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !/[.[\]]/.test(k)),
          json,
        ),
        fc.nat(),
        (inputs, pick) => {
          const keys = Object.keys(inputs);
          const secretKey = keys.length > 0 ? keys[pick % keys.length] : undefined;
          const before = structuredClone(inputs);
          const masked = maskSecrets(inputs, secretKey === undefined ? [] : [secretKey]);
          expect(inputs).toEqual(before);
          for (const k of keys) expect(masked[k]).toEqual(k === secretKey ? "[secret]" : inputs[k]);
        },
      ),
    );
  });
});
