import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { preview } from "../../../cli/commands/preview.js";
import { isInputError } from "../../../common/inputError.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const program = (file: string) => fileURLToPath(new URL(`./programs/${file}`, import.meta.url));

/**
 * Mandatory findings the shipped stacks still have, reported to their owners rather than hidden by
 * weakening a rule. The test fails when one is fixed (remove it here) or when a new one appears.
 */
const KNOWN_STACK_FINDINGS: Record<string, string[]> = {};

describe("inferplane preview runs the guard pack", () => {
  it("passes a hardened GKE GPU program", async () => {
    const report = await preview({ program: program("secureGke.ts"), cwd: root });
    expect(report.checks).toContain("guard-pack");
    expect(report.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it("fails an insecure program, naming the rule and the resource", async () => {
    const report = await preview({ program: program("insecureGke.ts"), cwd: root });
    expect(report.exitCode).toBe(1);
    const found = report.violations.map((v) => `${v.policy} ${v.resource.split("$").pop()}`);
    expect(found).toContain("gke-01-private-control-plane gcp:container/cluster:Cluster::gpu");
    expect(found).toContain("k8s-05-image-digest kubernetes:apps/v1:Deployment::vllm");
    expect(report.violations.every((v) => v.enforcementLevel === "mandatory")).toBe(true);
  });

  const stacks = readdirSync(`${root}/stacks`)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);

  it.each(stacks)("shipped stack %s has no mandatory violations beyond the reported ones", async (stack) => {
    const report = await preview({ stack, cwd: root });
    const mandatory = report.violations
      .filter((v) => v.enforcementLevel === "mandatory")
      .map((v) => `${v.policy} ${v.resource.split("$").pop()}`)
      .sort();
    expect(mandatory).toEqual(KNOWN_STACK_FINDINGS[stack] ?? []);
  });

  it("rejects a malformed pack config before running anything, naming the rule and field", async () => {
    const error = await preview({
      stack: "dev",
      cwd: root,
      policyConfig: "test/policies/guard/programs/badConfig.json",
    }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/k8s-03-run-as-non-root\.rootGroupImages: must be array/);
    expect((error as Error).message).toMatch(/did you mean "gke-01-private-control-plane"/);
  });
});
