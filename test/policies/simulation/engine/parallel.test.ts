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
