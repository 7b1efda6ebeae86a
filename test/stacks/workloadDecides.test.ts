import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { PreviewReport } from "../../cli/report.js";
import { cli, projectWithStack, repoRoot } from "../cli/cliHarness.js";

type StackFile = { config: Record<string, unknown> };
const devStack = () => parse(readFileSync(`${repoRoot}/stacks/Pulumi.dev.yaml`, "utf8")) as StackFile;

/** The dev stack with only its workload changed. */
function devWith(workload: unknown): string {
  const stack = devStack();
  stack.config["inferplane:workload"] = workload;
  return stringify(stack);
}

async function previewJson(dir: string, stack = "x") {
  const { code, out, err } = await cli(["preview", "--stack", stack, "--json"], dir);
  return { code, err, report: out ? (JSON.parse(out) as PreviewReport) : undefined };
}

const types = (r: PreviewReport | undefined) => new Set(r?.resources.map((x) => x.type));

describe("the workload alone decides the platform", () => {
  it("flips dev from Cloud Run to GKE when only its workload becomes high and steady", {
    timeout: 60_000,
  }, async () => {
    const base = await previewJson(projectWithStack("x", stringify(devStack())));
    expect(base.code).toBe(0);
    expect(base.report?.decision).toMatchObject({ platform: "serverless-gpu", cloud: "gcp" });
    expect(types(base.report).has("inferplane:index:CloudRunGpuEndpoint")).toBe(true);

    const workload = devStack().config["inferplane:workload"] as Record<string, unknown>;
    const steady = devWith({
      ...workload,
      traffic: { requestsPerDay: 2_000_000, avgInputTokens: 1000, avgOutputTokens: 250, peakToMean: 1.2 },
      constraints: { clouds: ["gcp"], platforms: ["serverless-gpu", "kubernetes"], spot: true },
    });
    const flipped = await previewJson(projectWithStack("x", steady));
    expect(flipped.err).toBe("");
    expect(flipped.report?.decision).toMatchObject({ platform: "kubernetes", cloud: "gcp" });
    expect(types(flipped.report).has("inferplane:index:GkeGpuCluster")).toBe(true);
    expect(types(flipped.report).has("inferplane:index:CloudRunGpuEndpoint")).toBe(false);
    expect(flipped.code).toBe(0);
  });
});

describe("bad stack input: exit 2, the stack file and field named, nothing created", () => {
  const withoutWorkload = () => {
    const stack = devStack();
    delete stack.config["inferplane:workload"];
    return stringify(stack);
  };
  const cases: [string, () => string, RegExp][] = [
    [
      "a stack without a workload profile",
      withoutWorkload,
      /^error: stacks\/Pulumi\.x\.yaml: config\.inferplane:workload: missing\. .*Fix: add inferplane:workload/,
    ],
    [
      "a profile whose constraints leave no feasible option",
      () =>
        devWith({
          model: { name: "llama-3.1-405b-instruct", precision: "bf16", custom: true },
          traffic: { tokensPerDay: 10_000_000 },
          constraints: { clouds: ["gcp"], platforms: ["serverless-gpu"] },
        }),
      /^error: stacks\/Pulumi\.x\.yaml: config\.inferplane:workload\.model: no option is feasible/,
    ],
    [
      "a budget no option fits",
      () =>
        devWith({
          ...(devStack().config["inferplane:workload"] as object),
          constraints: { clouds: ["gcp"], budgetUsdPerMonth: 10 },
        }),
      /^error: stacks\/Pulumi\.x\.yaml: config\.inferplane:workload\.constraints\.budgetUsdPerMonth: /,
    ],
  ];

  it.each(cases)("%s", async (_name, yaml, expected) => {
    const { code, out, err } = await cli(
      ["preview", "--stack", "x", "--json"],
      projectWithStack("x", yaml()),
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(expected);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("plan names the same field for the same stack", async () => {
    const { code, err } = await cli(["plan", "--stack", "x"], projectWithStack("x", withoutWorkload()));
    expect(code).toBe(2);
    expect(err).toMatch(/stacks\/Pulumi\.x\.yaml: .*inferplane:workload/);
  });
});
