import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plan } from "../../cli/commands/plan.js";
import { main } from "../../cli/main.js";
import { InputError } from "../../common/inputError.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";
import type { SimulationReport } from "../../policies/simulation/report.js";
import { fixturePath } from "../policies/placement/helpers.js";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("inferplane plan", () => {
  it("prints the JSON contract for a workload file", async () => {
    const { code, out, err } = await run("plan", "--workload", fixturePath("article-no-fte.yaml"), "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const d = JSON.parse(out) as PlacementDecision;
    expect(d).toMatchObject({ platform: "managed-api", cloud: "aws" });
    expect(Array.isArray(d.reasons) && d.reasons.length > 0).toBe(true);
    for (const key of [
      "gpuType",
      "gpusPerReplica",
      "tensorParallel",
      "pipelineParallel",
      "nodesPerReplica",
      "replicas",
    ]) {
      expect(d.sizing).toHaveProperty(key);
    }
    for (const o of d.options) {
      for (const key of [
        "platform",
        "cloud",
        "feasible",
        "monthlyCostUsd",
        "costBreakdown",
        "ttftP95Ms",
        "meetsSlo",
      ]) {
        expect(o).toHaveProperty(key);
      }
    }
    expect(Math.round((d.breakEven.tokensPerDay ?? 0) / 1e6)).toBe(115);
    expect(d.breakEven.between).toHaveLength(2);
  });

  it("prints a readable table, the decision and its reasons", async () => {
    const { code, out } = await run("plan", "--workload", fixturePath("llama-405b-gke.yaml"));
    expect(code).toBe(0);
    expect(out).toMatch(/^OPTION +SERVICE +\$\/MONTH +P95 TTFT +SLO +STATUS$/m);
    expect(out).toMatch(/^kubernetes\/gcp\/on-demand +GKE .* CHOSEN$/m);
    expect(out).toMatch(/serverless-gpu\/gcp\/scale-to-zero .*infeasible: .*one GPU per instance/);
    expect(out).toMatch(/Decision: kubernetes on gcp \(GKE, on-demand\)/);
    expect(out).toMatch(
      /x 16 H100-80GB on a3-highgpu-8g \(tensor parallel 8, pipeline parallel 2, 2 node\(s\) per replica/,
    );
    expect(out).toMatch(/^Reasons:\n {2}- /m);
  });

  it("plans a stack's inferplane:workload: dev is serverless on GCP", async () => {
    const { code, out } = await run("plan", "--stack", "dev", "--json");
    expect(code).toBe(0);
    const d = JSON.parse(out) as PlacementDecision;
    expect(d).toMatchObject({ platform: "serverless-gpu", cloud: "gcp", service: "Cloud Run" });
  });

  it("writes an SVG chart with one curve per feasible option and the break-even marked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-"));
    const chart = join(dir, "cost.svg");
    const { code, out } = await run(
      "plan",
      "--workload",
      fixturePath("article-quarter-fte.yaml"),
      "--chart",
      chart,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Chart written to .*cost\.svg/);
    const svg = readFileSync(chart, "utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const decision = JSON.parse(
      (await run("plan", "--workload", fixturePath("article-quarter-fte.yaml"), "--json")).out,
    ) as PlacementDecision;
    const feasible = decision.options.filter((o) => o.feasible);
    expect(feasible).toHaveLength(2);
    // One legend entry a feasible option, the chosen one flagged; the break-even marked.
    for (const o of feasible) expect(svg).toContain(o.id === decision.optionId ? `${o.id} (chosen)` : o.id);
    expect(svg).toMatch(/break-even 184M\/day/);
    expect(svg).toMatch(/profile [\d.]+[MBk]?\/day/);
    expect(svg.match(/<path /g)?.length ?? 0).toBeGreaterThan(feasible.length);
  });

  it("exits 2 with one message for a missing file", async () => {
    const { code, out, err } = await run("plan", "--workload", "no/such/workload.yaml");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe("error: no/such/workload.yaml: file not found\n");
  });

  it("exits 2 naming the field for a mistyped key, without a stack trace", async () => {
    const { code, err } = await run("plan", "--workload", fixturePath("typo.yaml"));
    expect(code).toBe(2);
    expect(err).toMatch(
      /typo\.yaml: traffic\.peakToMaen: unknown key "peakToMaen"\. Fix: did you mean "peakToMean"\?\n$/,
    );
    expect(err).not.toMatch(/ at /);
  });

  it("exits 2 when no option is feasible, naming the reasons", async () => {
    const { code, err } = await run("plan", "--workload", fixturePath("70b-serverless-only.yaml"));
    expect(code).toBe(2);
    expect(err).toMatch(/70b-serverless-only\.yaml: model: no option is feasible/);
    expect(err).toMatch(/one GPU per instance/);
  });

  it("exits 2 for an unknown model and for invalid YAML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-"));
    const unknown = join(dir, "unknown.yaml");
    writeFileSync(unknown, "model: { name: llama-9-1t }\ntraffic: { tokensPerDay: 1000 }\n");
    const a = await run("plan", "--workload", unknown);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/model\.name: unknown model "llama-9-1t"\. Fix: .*set model\.paramsB/);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "model: [\n");
    const b = await run("plan", "--workload", broken);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
  });

  it("exits 2 unless exactly one of --stack and --workload is given", async () => {
    expect((await run("plan")).code).toBe(2);
    const both = await run("plan", "--stack", "dev", "--workload", fixturePath("typo.yaml"));
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/exactly one of --stack NAME or --workload FILE\.yaml/);
  });

  it("exits 2 for a stack file that does not exist", async () => {
    const { code, err } = await run("plan", "--stack", "no-such-stack");
    expect(code).toBe(2);
    expect(err).toMatch(/Pulumi\.no-such-stack\.yaml: file not found/);
  });

  it("names the stack file and key when a stack has no workload profile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-project-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: inferplane\nruntime: nodejs\n");
    writeFileSync(join(dir, "Pulumi.bare.yaml"), "config:\n  inferplane:namespace: llm\n");
    await expect(plan({ stack: "bare", cwd: dir })).rejects.toThrow(InputError);
    await expect(plan({ stack: "bare", cwd: dir })).rejects.toThrow(
      /Pulumi\.bare\.yaml: config\.inferplane:workload: missing; the stack has no workload profile\. Fix: add inferplane:workload/,
    );
  });
});

describe("inferplane plan with traffic.trace (issue 4 item 5)", () => {
  const traceProfile = (trace: string) => {
    const dir = mkdtempSync(join(tmpdir(), "inferplane-plan-trace-"));
    const file = join(dir, "workload.yaml");
    writeFileSync(
      file,
      `model:\n  name: llama-3.1-8b-instruct\ntraffic:\n  trace: { path: ${trace}, format: azure }\nslo:\n  ttftP95Ms: 2000\n`,
    );
    return file;
  };

  it("derives volume and peak-to-mean from the trace, agreeing with simulate", async () => {
    const workload = traceProfile(join(process.cwd(), "data/traces/azure-2023/code.csv"));
    const planned = await run("plan", "--workload", workload, "--json");
    expect(planned.err).toBe("");
    expect(planned.code).toBe(0);
    const d = JSON.parse(planned.out) as PlacementDecision;
    const simulated = await run("simulate", "--workload", workload, "--json");
    expect(simulated.code).toBe(0);
    const s = JSON.parse(simulated.out) as SimulationReport;
    expect(s.trafficFromTrace).toBe(true);
    expect(d.workload.tokensPerDay).toBe(s.plannedTraffic.tokensPerDay);
    expect(d.workload.peakToMean).toBe(s.plannedTraffic.peakToMean);
    expect(d.workload.activeHoursPerDay).toBe(s.plannedTraffic.activeHoursPerDay);
    // The code trace: 8,819 requests in 0.96 h, bursty (docs/simulation.md).
    expect(d.workload.tokensPerDay).toBe(460_317_543);
    expect(d.workload.peakToMean).toBe(4.16);
    expect(d.optionId).toBe(s.plan.choice);
  }, 30_000);

  it("reads the trace relative to the profile's directory", async () => {
    const workload = traceProfile("../nowhere/code.csv");
    const { code, err } = await run("plan", "--workload", workload);
    expect(code).toBe(2);
    expect(err).toContain("traffic.trace.path:");
    expect(err).toContain("nowhere/code.csv");
  });
});
