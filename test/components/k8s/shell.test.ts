import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../../components/k8s/nvidiaCharts.js";
import { shellJoin, shellQuote } from "../../../components/k8s/shell.js";

describe("shellQuote", () => {
  it("leaves plain words readable and quotes the rest", () => {
    expect(shellQuote("meta-llama/Llama-3.1-8B")).toBe("meta-llama/Llama-3.1-8B");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'"'"'s'`);
  });

  it("round-trips any word through sh", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1 }).filter((w) => !w.includes("\0")),
          { minLength: 1, maxLength: 4 },
        ),
        (words) => {
          const out = execFileSync("/bin/sh", ["-c", `printf '%s\\0' ${shellJoin(words)}`]).toString();
          expect(out.split("\0").slice(0, -1)).toEqual(words);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("compareVersions", () => {
  it("orders chart versions numerically", () => {
    expect(compareVersions("0.19.3", "0.19.3")).toBe(0);
    expect(compareVersions("0.19.2", "0.19.3")).toBeLessThan(0);
    expect(compareVersions("0.20.0", "0.19.3")).toBeGreaterThan(0);
    expect(compareVersions("v0.10.0", "0.9.0")).toBeGreaterThan(0);
  });
});
