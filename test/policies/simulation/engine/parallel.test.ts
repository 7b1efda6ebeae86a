import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { splitOptions, usesWorker } from "../../../../policies/simulation/engine/parallel.js";
import type { OptionParams } from "../../../../policies/simulation/engine/params.js";
import { simulateProfile } from "../../../../policies/simulation/run.js";

const profile = { model: { name: "llama-3.1-8b-instruct" }, traffic: {}, slo: { ttftP95Ms: 2000 } };
const trace = { file: "data/traces/azure-2023/code.csv", format: "azure" as const, scale: 2, seed: 5 };

describe("replayParallel", () => {
  afterEach(() => {
    delete process.env.INFERPLANE_SIM_THREADS;
  });

  it("gives the same report on two threads as on one", async () => {
    const two = await simulateProfile({ profile, trace });
    process.env.INFERPLANE_SIM_THREADS = "1";
    const one = await simulateProfile({ profile, trace });
    expect(two.options.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 30_000);

  it("ends a worker whose replay failed midway; the next replay is unaffected", async () => {
    const lines = readFileSync("data/traces/azure-2023/conv.csv", "utf8").split("\n").slice(0, 15000);
    lines.splice(12000, 0, "bad,row,here"); // after two batches went to the worker
    const bad = join(mkdtempSync(join(tmpdir(), "inferplane-parallel-")), "bad.csv");
    writeFileSync(bad, lines.join("\n"));
    const withVolume = { ...profile, traffic: { tokensPerDay: 6e8 } };
    await expect(
      simulateProfile({ profile: withVolume, trace: { file: bad, format: "azure", strict: true } }),
    ).rejects.toThrow(/bad\.csv:12001/);
    const two = await simulateProfile({ profile: withVolume, trace });
    process.env.INFERPLANE_SIM_THREADS = "1";
    const one = await simulateProfile({ profile: withVolume, trace });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 30_000);

  it("splits every option to exactly one side, the read counting on the main side", () => {
    const kinds: Array<OptionParams["kind"]> = ["managed-api", "serverless-gpu", "kubernetes", "hybrid"];
    const options = Array.from(
      { length: 9 },
      (_, i) => ({ kind: kinds[i % 4], overflow: { kind: "managed-api" } }) as unknown as OptionParams,
    );
    const { main, worker } = splitOptions(options);
    expect([...main, ...worker].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(main.length).toBeGreaterThan(0);
    expect(worker.length).toBeGreaterThan(0);
    process.env.INFERPLANE_SIM_THREADS = "1";
    expect(usesWorker(options)).toBe(false);
  });
});
