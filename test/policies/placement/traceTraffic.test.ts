import { describe, expect, it } from "vitest";
import { InputError } from "../../../common/inputError.js";
import { WorkloadProfileSchema } from "../../../policies/placement/profile.js";
import { withProfileTrace } from "../../../policies/placement/traceTraffic.js";
import { profileAsWritten } from "../../../policies/simulation/traffic.js";

const where = { file: "w.yaml" };
const model = { name: "llama-3.1-8b-instruct" };
const code = { path: "data/traces/azure-2023/code.csv", format: "azure" };

describe("traffic.trace in a workload profile", () => {
  it("fills the traffic from the trace where the profile is silent, keeping the trace", () => {
    const raw = { model, traffic: { trace: code } };
    const filled = withProfileTrace(raw, where, process.cwd());
    const p = WorkloadProfileSchema.parse(filled);
    expect(p.traffic).toEqual({
      trace: code,
      tokensPerDay: 460_317_543,
      avgInputTokens: 2047.8,
      avgOutputTokens: 27.9,
      peakToMean: 4.16,
      activeHoursPerDay: 24,
    });
    expect(profileAsWritten(filled)).toBe(raw);
    expect(raw.traffic).toEqual({ trace: code });
  });

  it("keeps what the profile gives", () => {
    const raw = { model, traffic: { trace: code, requestsPerDay: 1000, peakToMean: 2 } };
    const p = WorkloadProfileSchema.parse(withProfileTrace(raw, where, process.cwd()));
    expect(p.traffic).toMatchObject({ requestsPerDay: 1000, peakToMean: 2, avgOutputTokens: 27.9 });
    expect(p.traffic.tokensPerDay).toBeUndefined();
  });

  it("does not touch the disk for a profile without a trace", () => {
    const raw = { model, traffic: { tokensPerDay: 5e7 } };
    expect(withProfileTrace(raw, where, "/nonexistent")).toBe(raw);
  });

  it("rejects a bad trace reference with the field and the fix", () => {
    const bad = { model, traffic: { trace: { path: "x.csv", format: "parquet" } } };
    expect(() => withProfileTrace(bad, where, process.cwd())).toThrow(InputError);
    expect(() => withProfileTrace(bad, where, process.cwd())).toThrow(
      /w\.yaml: traffic\.trace\.format: unknown format/,
    );
    expect(() =>
      WorkloadProfileSchema.parse({ ...bad, traffic: { ...bad.traffic, tokensPerDay: 1 } }),
    ).toThrow();
    const missing = { model, traffic: { trace: { path: "missing.csv" } } };
    expect(() => withProfileTrace(missing, where, "/tmp")).toThrow(
      /w\.yaml: traffic\.trace\.path: .*missing\.csv/,
    );
  });
});
