import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isInputError } from "../../common/inputError.js";
import { closest, formatPath, objectKeysAt, parseOrThrow } from "../../common/zodIssues.js";

const Schema = z
  .object({
    model: z.object({ name: z.string(), paramsB: z.number().optional() }).strict(),
    replicas: z.array(z.object({ zone: z.string() }).strict()).default([]),
  })
  .strict();

describe("zod issue formatting", () => {
  it("formats paths with dots, indexes and a namespace prefix", () => {
    expect(formatPath(["a", 0, "b"])).toBe("a[0].b");
    expect(formatPath(["service", "replicas"], "config.inferplane:")).toBe(
      "config.inferplane:service.replicas",
    );
    expect(formatPath([])).toBe("(root)");
  });

  it("finds the keys a schema accepts at a path, through defaults and arrays", () => {
    expect(objectKeysAt(Schema, [])).toEqual(["model", "replicas"]);
    expect(objectKeysAt(Schema, ["model"])).toEqual(["name", "paramsB"]);
    expect(objectKeysAt(Schema, ["replicas", 3])).toEqual(["zone"]);
    expect(objectKeysAt(Schema, ["model", "name"])).toEqual([]);
  });

  it("suggests the nearest known key, and nothing when none is near", () => {
    expect(closest("paramB", ["name", "paramsB"])).toBe("paramsB");
    expect(closest("zzzzzz", ["name", "paramsB"])).toBeUndefined();
  });

  it("throws one InputError listing every problem with its file and path", () => {
    let error: unknown;
    try {
      parseOrThrow(Schema, { model: { nam: "x" }, replicas: [{ zone: 1 }] }, { file: "w.yaml" });
    } catch (e) {
      error = e;
    }
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message.split("\n")).toEqual([
      "w.yaml: model.name: Invalid input: expected string, received undefined",
      'w.yaml: model.nam: unknown key "nam". Fix: did you mean "name"?',
      "w.yaml: replicas[0].zone: Invalid input: expected string, received number",
    ]);
  });

  it("suggests any known key from a one-letter typo of it", () => {
    const keys = ["namespace", "service", "kubernetes", "workload"];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.nat(), fc.constantFrom("x", "q"), (key, at, letter) => {
        const i = at % key.length;
        const typo = key.slice(0, i) + letter + key.slice(i + 1);
        expect(closest(typo, keys)).toBe(key);
      }),
    );
  });
});
