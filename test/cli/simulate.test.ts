import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { SimulationReport } from "../../policies/simulation/report.js";
import { cli } from "./cliHarness.js";

const workload = "test/fixtures/traces/workload-8b.yaml";

describe("inferplane simulate", () => {
  it("prints the table, the cheapest option that met the SLO and the plan's regret", async () => {
    const { code, out, err } = await cli([
      "simulate",
      "--workload",
      workload,
      "--trace",
      "data/traces/azure-2023/conv.csv",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("inferplane simulate: data/traces/azure-2023/conv.csv (azure, seed 1)");
    expect(out).toContain("19,366 requests");
    expect(out).toMatch(/managed-api\/aws\/on-demand\s+\$\d/);
    expect(out).toMatch(/Cheapest option that met the SLO on this trace: \S+/);
    expect(out).toMatch(/plan's static choice: \S+ \(met the SLO on the trace; regret \d+\.\d %/);
  });

  it("prints the JSON contract with --json", async () => {
    const { code, out } = await cli([
      "simulate",
      "--workload",
      workload,
      "--trace",
      "data/traces/mooncake/conversation.jsonl",
      "--format",
      "mooncake",
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as SimulationReport;
    expect(report.cheapestMeetingSlo).not.toBeUndefined();
    for (const o of report.options) {
      expect(Object.keys(o)).toEqual(
        expect.arrayContaining([
          "costUsd",
          "requestsServed",
          "tokensServed",
          "ttftMs",
          "coldStarts",
          "sloViolations",
          "meetsSlo",
        ]),
      );
      expect(o.requestsServed).toBe(12031);
      expect(Object.keys(o.ttftMs)).toEqual(expect.arrayContaining(["p50", "p95", "p99"]));
    }
  });

  it("writes the load and capacity chart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inferplane-sim-"));
    const chart = join(dir, "sim.svg");
    const { code, out } = await cli([
      "simulate",
      "--workload",
      workload,
      "--trace",
      "data/traces/azure-2023/code.csv",
      "--duration",
      "900",
      "--chart",
      chart,
    ]);
    expect(code).toBe(0);
    expect(out).toContain("Chart written to");
    const svg = readFileSync(chart, "utf8");
    expect(svg).toContain("<svg");
    expect(svg).toContain("kubernetes/aws/on-demand");
  });

  it.each([
    [["--trace", "nope.csv"], /nope.csv: cannot read the trace \(ENOENT\)/],
    [
      ["--trace", "data/traces/azure-2023/conv.csv", "--format", "jsonl"],
      /--format: unknown trace format "jsonl"/,
    ],
    [
      ["--trace", "data/traces/azure-2023/conv.csv", "--format", "mooncake"],
      /conv.csv:1: not a mooncake trace.*--format azure/,
    ],
    [
      ["--trace", "data/traces/azure-2023/conv.csv", "--scale", "fast"],
      /--scale: "fast" is not valid. Fix: e.g. --scale 2/,
    ],
    [["--trace", "data/traces/azure-2023/conv.csv", "--bogus"], /unknown option '--bogus'/],
  ])("exits 2 with one message for bad input %#", async (args, message) => {
    const { code, out, err } = await cli(["simulate", "--workload", workload, ...args]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("reports a malformed row with its line, and rejects it with --strict", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inferplane-sim-"));
    const trace = join(dir, "t.csv");
    writeFileSync(trace, "timestamp_s,input_tokens,output_tokens\n0,100,10\n1,100\n2,100,10\n");
    const ok = await cli(["simulate", "--workload", workload, "--trace", trace]);
    expect(ok.code).toBe(0);
    // Paths print relative to the working directory, wherever the repository is checked out.
    const shown = relative(process.cwd(), trace);
    expect(ok.out).toContain(`${shown}:3: expected 3 comma-separated fields, found 2`);
    const strict = await cli(["simulate", "--workload", workload, "--trace", trace, "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.err).toContain(`${shown}:3: expected 3 comma-separated fields, found 2`);
  });

  it("exits 2 naming the missing workload file", async () => {
    const { code, err } = await cli([
      "simulate",
      "--workload",
      "missing.yaml",
      "--trace",
      "data/traces/azure-2023/conv.csv",
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/missing.yaml/);
  });
});
