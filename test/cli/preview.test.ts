import { describe, expect, it } from "vitest";
import type { PreviewReport } from "../../cli/report.js";
import { cli, fixture, projectWithStack } from "./cliHarness.js";

const image = `vllm/vllm-openai:v0.28.0@sha256:${"ab".repeat(32)}`;
const goodWorkload =
  "  inferplane:workload:\n    model: { name: llama-3.1-8b-instruct }\n    traffic: { tokensPerDay: 1000000 }\n";
const goodService = `${goodWorkload}  inferplane:service:\n    model: Qwen/Qwen2.5-7B-Instruct\n    image: ${image}\n`;

describe("inferplane preview", () => {
  it("runs the dev stack offline and prints the summary", async () => {
    const { code, out, err } = await cli(["preview", "--stack", "dev"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("inferplane preview: stack dev, program stacks/index.ts");
    expect(out).toMatch(/gcp:cloudrunv2\/service:Service\s+1/);
    expect(out).toContain('└─ inferplane:index:LlmPlatform "llm"');
    expect(out).toContain("Kubernetes objects: 0 validated against their schemas, 0 error(s)");
    expect(out).toMatch(
      /^Decision: serverless-gpu on gcp \(Cloud Run\), \$314\/month, p95 time to first token \d+ ms$/m,
    );
    expect(out).toContain("Guard pack: 0 mandatory and 0 advisory violation(s)");
    expect(out).toContain("Result: OK");
  });

  it("prints the JSON contract with --json", async () => {
    const { code, out } = await cli(["preview", "--stack", "dev", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as PreviewReport;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "resources",
        "validationErrors",
        "violations",
        "decision",
        "timingsMs",
        "exitCode",
      ]),
    );
    const platform = report.resources.find((r) => r.type === "inferplane:index:LlmPlatform");
    expect(platform).toMatchObject({ name: "llm", parent: expect.stringContaining("pulumi:pulumi:Stack") });
    const service = report.resources.find((r) => r.type === "gcp:cloudrunv2/service:Service");
    expect(service?.inputs).toMatchObject({ template: { scaling: { maxInstanceCount: 2 } } });
    expect(report.decision).toMatchObject({ platform: "serverless-gpu", cloud: "gcp" });
    expect(report.validationErrors).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it("exits 1 naming the field path when a Deployment has no selector", async () => {
    const { code, out } = await cli(["preview", "--program", fixture("invalidDeployment.ts")]);
    expect(code).toBe(1);
    expect(out).toContain(
      'kubernetes:apps/v1:Deployment "no-selector": spec.selector: required field is missing',
    );
    expect(out).toContain("Result: FAILED (exit 1)");
  });

  it("exits 1 naming the field path when a LeaderWorkerSet's size is a string", async () => {
    const { code, out } = await cli(["preview", "--program", fixture("invalidLeaderWorkerSet.ts"), "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as PreviewReport;
    expect(report.validationErrors).toEqual([
      expect.objectContaining({
        path: "spec.leaderWorkerTemplate.size",
        message: "spec.leaderWorkerTemplate.size: must be integer",
      }),
    ]);
  });
});

describe("inferplane preview on bad input: exit 2, one message, no stack trace", () => {
  const cases: [string, () => Promise<{ code: number; out: string; err: string }>, RegExp][] = [
    [
      "a stack with no stack file",
      () => cli(["preview", "--stack", "nope"]),
      /stacks\/Pulumi\.nope\.yaml: file not found/,
    ],
    [
      "invalid YAML",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack("x", "config:\n  inferplane:namespace: [unclosed\n"),
        ),
      /stacks\/Pulumi\.x\.yaml:3:1: invalid YAML: Flow sequence/,
    ],
    [
      "a mistyped config key",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack("x", `config:\n  inferplane:namspace: llm\n${goodService}`),
        ),
      /stacks\/Pulumi\.x\.yaml: config\.inferplane:namspace: unknown key "namspace"\. Fix: did you mean "namespace"\?/,
    ],
    [
      "a mistyped nested key",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack("x", `config:\n${goodService}    maxInstance: 3\n`),
        ),
      /config\.inferplane:service\.maxInstance: unknown key "maxInstance"\. Fix: did you mean "maxInstances"\?/,
    ],
    [
      "a value of the wrong type",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack("x", `config:\n${goodService}    maxInstances: two\n`),
        ),
      /^error: stacks\/Pulumi\.x\.yaml: config\.inferplane:service\.maxInstances: Invalid input: expected number, received string\n$/,
    ],
    [
      "an image not pinned by digest",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack(
            "x",
            `config:\n${goodWorkload}  inferplane:service:\n    model: a/b\n    image: vllm/vllm-openai:latest\n`,
          ),
        ),
      /config\.inferplane:service\.image: must be pinned by digest/,
    ],
    [
      "a missing service section",
      () =>
        cli(
          ["preview", "--stack", "x"],
          projectWithStack("x", `config:\n${goodWorkload}  inferplane:namespace: llm\n`),
        ),
      /config\.inferplane:service: Invalid input: expected object, received undefined/,
    ],
    [
      "a program that throws",
      () => cli(["preview", "--program", fixture("throws.ts")]),
      /throws\.ts: the program failed: cannot reach the model registry/,
    ],
    [
      "a program file that does not exist",
      () => cli(["preview", "--program", "nope.ts"]),
      /nope\.ts: program file not found/,
    ],
    ["no target", () => cli(["preview"]), /preview needs --stack NAME or --program FILE\.ts/],
    ["an unknown option", () => cli(["preview", "--stak", "dev"]), /unknown option '--stak'/],
  ];

  it.each(cases)("%s", async (_name, run, expected) => {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(expected);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
