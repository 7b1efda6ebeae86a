import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "../../cli/commands/plan.js";
import { preview } from "../../cli/commands/preview.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const stacks = readdirSync(`${root}/stacks`)
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

/** The platform each shipped stack is meant to deploy (issue 8). */
const EXPECTED: Record<string, [platform: string, cloud: string, component: string]> = {
  dev: ["serverless-gpu", "gcp", "inferplane:index:CloudRunGpuEndpoint"],
  staging: ["kubernetes", "gcp", "inferplane:index:GkeGpuCluster"],
  "prod-gke": ["kubernetes", "gcp", "inferplane:index:GkeGpuCluster"],
  "prod-eks": ["kubernetes", "aws", "inferplane:index:EksGpuCluster"],
  "prod-hybrid": ["hybrid", "gcp", "inferplane:index:CloudRunGpuEndpoint"],
};

describe("shipped stacks", () => {
  it("are the five environments of issue 8", () => {
    expect(stacks).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(stacks)(
    "%s previews clean, deploys the planned platform, and agrees with plan",
    { timeout: 60_000 },
    async (stack) => {
      const report = await preview({ stack, cwd: root });
      expect(report.validationErrors).toEqual([]);
      expect(report.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
      expect(report.exitCode).toBe(0);
      const [platform, cloud, component] = EXPECTED[stack] ?? [];
      const decision = report.decision as PlacementDecision;
      expect([decision.platform, decision.cloud]).toEqual([platform, cloud]);
      expect(report.resources.some((r) => r.type === component)).toBe(true);
      const planned = (await plan({ stack, cwd: root })).decision;
      expect(decision).toEqual(JSON.parse(JSON.stringify(planned)));
      const llm = report.resources.find((r) => r.type === "inferplane:index:LlmPlatform");
      expect(llm?.parent).toContain("pulumi:pulumi:Stack");
      expect(report.outputs).toMatchObject({ deployedPlatform: platform, deployedCloud: cloud });
    },
  );

  it("records the forced override with its reason (staging)", async () => {
    const planned = (await plan({ stack: "staging", cwd: root })).decision;
    expect(planned.override).toMatchObject({
      platform: "kubernetes",
      reason: expect.stringMatching(/prod-gke/),
    });
    expect(planned.reasons[0]).toMatch(/^Forced by override/);
  });

  it("runs the 405B model of prod-gke across two nodes per replica", async () => {
    const report = await preview({ stack: "prod-gke", cwd: root });
    const lws = report.resources.find(
      (r) => r.type === "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet" && r.name === "llm-llm-lws",
    );
    expect(lws?.inputs).toMatchObject({ spec: { leaderWorkerTemplate: { size: 2 } } });
  });
});
