import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../../cli/cliHarness.js";

const workload = "test/fixtures/traces/workload-8b.yaml";
const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), "utf8");

/**
 * `simulate --json` byte for byte against reports committed before the replay was optimised
 * (keyed timers, two threads): an optimisation must not change a single result. Regenerate a file
 * only for an intended model change, with the command in its case.
 */
const cases: Array<[string, string[]]> = [
  ["azure-code.json", ["--trace", "data/traces/azure-2023/code.csv", "--seed", "1"]],
  ["azure-conv.json", ["--trace", "data/traces/azure-2023/conv.csv", "--seed", "1"]],
  ["mooncake-conversation.json", ["--trace", "data/traces/mooncake/conversation.jsonl", "--seed", "1"]],
  [
    "servegen-chunk-89-day.json",
    [
      "--trace",
      "data/traces/servegen/language/m-large/chunk-89-trace.csv",
      "--duration",
      "86400",
      "--seed",
      "1",
    ],
  ],
  [
    "servegen-chunk-102.json",
    ["--trace", "data/traces/servegen/language/m-large/chunk-102-trace.csv", "--seed", "1"],
  ],
  [
    "azure-code-scale3-seed7.json",
    ["--trace", "data/traces/azure-2023/code.csv", "--scale", "3", "--seed", "7"],
  ],
  [
    "azure-conv-rpm600-seed3.json",
    ["--trace", "data/traces/azure-2023/conv.csv", "--api-rpm", "600", "--seed", "3"],
  ],
];

describe("simulate golden reports", () => {
  it.each(cases)(
    "%s is unchanged",
    async (file, args) => {
      const { code, out } = await cli(["simulate", "--workload", workload, ...args, "--json"]);
      expect(code).toBe(0);
      expect(out).toBe(golden(file));
    },
    30_000,
  );
});
