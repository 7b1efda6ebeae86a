import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../../../common/inputError.js";
import type { TraceSpec } from "../../../../policies/simulation/trace/open.js";
import { openTrace } from "../../../../policies/simulation/trace/open.js";
import { parseTimestamp } from "../../../../policies/simulation/trace/parseFields.js";
import { type TraceStats, TraceStatsAccumulator } from "../../../../policies/simulation/trace/stats.js";

const data = (p: string) => new URL(`../../../../data/traces/${p}`, import.meta.url).pathname;

async function stats(spec: TraceSpec): Promise<TraceStats & { malformed: number }> {
  const opened = await openTrace(spec);
  const acc = new TraceStatsAccumulator();
  for await (const b of opened.source) acc.add(b);
  return { ...acc.result(), malformed: opened.issues.count };
}

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "inferplane-trace-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function inputError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (isInputError(error)) return error.message;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("trace readers on the shared traces (cost-latency-data.md §1.3)", () => {
  it("reads the Azure 2023 code trace exactly", async () => {
    const s = await stats({ file: data("azure-2023/code.csv") });
    expect(s.requests).toBe(8819);
    expect(s.inputTokens / s.requests).toBeCloseTo(2047.8, 1);
    expect(s.outputTokens / s.requests).toBeCloseTo(27.9, 1);
    expect(s.interarrivalCv).toBeCloseTo(13.15, 2);
    expect(s.peakToMeanPerMinute).toBeCloseTo(4.16, 2);
    expect(s.spanS).toBeCloseTo(3435.9, 1);
    expect(Math.round(s.tokensPerDayIfSustained)).toBe(460317543);
    expect(s.malformed).toBe(0);
  });

  it("reads the Azure 2023 conversation trace exactly", async () => {
    const s = await stats({ file: data("azure-2023/conv.csv"), format: "azure" });
    expect(s.requests).toBe(19366);
    expect(s.avgInputTokens).toBeCloseTo(1154.7, 1);
    expect(s.avgOutputTokens).toBeCloseTo(211.1, 1);
    expect(s.interarrivalCv).toBeCloseTo(1.094, 3);
    expect(s.peakToMeanPerMinute).toBeCloseTo(1.54, 2);
    expect(Math.round(s.tokensPerDayIfSustained)).toBe(652629268);
  });

  it("reads the Mooncake conversation trace exactly", async () => {
    const s = await stats({ file: data("mooncake/conversation.jsonl") });
    expect(s.requests).toBe(12031);
    expect(s.spanS).toBeCloseTo(3537, 2);
    expect(s.avgInputTokens).toBeCloseTo(12035.1, 1);
    expect(s.avgOutputTokens).toBeCloseTo(342.6, 1);
    expect(s.interarrivalCv).toBeCloseTo(3.034, 3);
  });

  it("synthesises ServeGen arrivals at the series' rate, deterministically per seed", async () => {
    const file = data("servegen/language/m-large/chunk-89-trace.csv");
    const a = await stats({ file, seed: 7, durationS: 86_400 });
    const b = await stats({ file, seed: 7, durationS: 86_400 });
    const c = await stats({ file, seed: 8, durationS: 86_400 });
    expect(a).toEqual(b);
    expect(c.requests).not.toBe(a.requests);
    // Mean rate of the first day's 144 windows of this client, from the file.
    const expected = 0.7 * 86_400;
    expect(a.requests / expected).toBeGreaterThan(0.8);
    expect(a.requests / expected).toBeLessThan(1.25);
    // Lengths come from the Azure conversation trace by default.
    expect(a.avgInputTokens).toBeGreaterThan(1000);
    expect(a.avgInputTokens).toBeLessThan(1300);
  });
});

describe("trace shaping", () => {
  const file = data("azure-2023/conv.csv");

  it("cuts a window and shifts it to start at 0", async () => {
    const s = await stats({ file, startS: 600, durationS: 600 });
    expect(s.requests).toBeGreaterThan(3000);
    expect(s.requests).toBeLessThan(4000);
    expect(s.endS).toBeLessThan(600);
  });

  it("repeats the trace back to back with exact totals", async () => {
    const one = await stats({ file });
    const three = await stats({ file, repeat: 3 });
    expect(three.requests).toBe(3 * one.requests);
    expect(three.inputTokens).toBe(3 * one.inputTokens);
    expect(three.spanS).toBeGreaterThan(3 * one.spanS);
  });

  it("scales the rate over the same span", async () => {
    const one = await stats({ file });
    const two = await stats({ file, scale: 2 });
    const half = await stats({ file, scale: 0.5, seed: 3 });
    expect(two.requests).toBe(2 * one.requests);
    expect(two.spanS).toBeCloseTo(one.spanS, 6);
    expect(half.requests / one.requests).toBeGreaterThan(0.45);
    expect(half.requests / one.requests).toBeLessThan(0.55);
  });
});

describe("bad traces", () => {
  it("names a missing file", async () => {
    expect(await inputError(openTrace({ file: "/nope/trace.csv" }))).toMatch(
      /\/nope\/trace.csv: cannot read the trace \(ENOENT\)/,
    );
  });

  it("rejects an empty trace", async () => {
    expect(await inputError(openTrace({ file: tmp("e.csv", "") }))).toMatch(/the trace is empty/);
  });

  it("says which format a file looks like when --format is wrong", async () => {
    const file = data("mooncake/conversation.jsonl");
    const opened = await openTrace({ file, format: "azure" });
    const message = await inputError(
      (async () => {
        for await (const _ of opened.source) {
        }
      })(),
    );
    expect(message).toMatch(/:1: not a azure trace.*Fix: pass --format mooncake/);
  });

  it("skips a malformed row with its line number, or rejects it with strict", async () => {
    const text = "timestamp_s,input_tokens,output_tokens\n0,10,5\n1,ten,5\n2,10,5\n";
    const file = tmp("m.csv", text);
    const s = await stats({ file });
    expect(s.requests).toBe(2);
    expect(s.malformed).toBe(1);
    const opened = await openTrace({ file, strict: true });
    const message = await inputError(
      (async () => {
        for await (const _ of opened.source) {
        }
      })(),
    );
    expect(message).toContain(
      `${file}:3: input_tokens "ten" is not a whole number >= 0. Fix: fix or remove the row`,
    );
  });

  it("replays small steps back at the previous time and rejects large ones", async () => {
    const ok = await stats({ file: tmp("j.csv", "0,1,1\n10,1,1\n9.5,1,1\n11,1,1\n") });
    expect(ok.requests).toBe(4);
    const opened = await openTrace({ file: tmp("b.csv", "0,1,1\n10,1,1\n5,1,1\n") });
    const message = await inputError(
      (async () => {
        for await (const _ of opened.source) {
        }
      })(),
    );
    expect(message).toMatch(/b.csv:3: the timestamp goes back 5.000 s .*Fix: sort the trace by time/);
  });

  it("rejects a trace with no valid row", async () => {
    const opened = await openTrace({ file: tmp("n.csv", "timestamp_s,input_tokens,output_tokens\nx,1,1\n") });
    const message = await inputError(
      (async () => {
        for await (const _ of opened.source) {
        }
      })(),
    );
    expect(message).toMatch(/the trace has no requests \(1 malformed rows skipped/);
  });

  it("rejects an unknown format and bad shaping flags", async () => {
    const { parseTraceFormat } = await import("../../../../policies/simulation/trace/open.js");
    expect(() => parseTraceFormat("azur")).toThrow(/did you mean "azure"/);
    expect(await inputError(openTrace({ file: data("azure-2023/conv.csv"), scale: -1 }))).toMatch(
      /--scale: -1 must be/,
    );
  });
});

describe("parseTimestamp", () => {
  it("reads the Azure 2023 naive and 2024 offset forms", () => {
    expect(parseTimestamp("2023-11-16 18:15:46.6805900")).toBeCloseTo(
      Date.UTC(2023, 10, 16, 18, 15, 46) / 1000 + 0.68059,
      6,
    );
    expect(parseTimestamp("2024-05-10 00:00:00.000000+00:00")).toBe(Date.UTC(2024, 4, 10) / 1000);
    expect(parseTimestamp("2024-05-10T02:00:00+02:00")).toBe(Date.UTC(2024, 4, 10) / 1000);
    expect(parseTimestamp("yesterday")).toBeNaN();
    expect(parseTimestamp("2024-13-10 00:00:00")).toBeNaN();
  });
});
