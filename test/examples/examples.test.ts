import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { PreviewReport } from "../../cli/report.js";
import { repoRoot } from "../cli/cliHarness.js";

const examples = readdirSync(`${repoRoot}/examples`).filter((f) => f.endsWith(".ts"));

/**
 * Runs the real `inferplane` binary: `import ... from "inferplane"` in an example resolves through
 * the package's own exports (the CLI's resolve hook), exactly as it does for users.
 */
async function previewExample(
  file: string,
): Promise<{ code: number; report: PreviewReport; stderr: string }> {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(
      "node",
      ["bin/inferplane.js", "preview", "--program", `examples/${file}`, "--json"],
      {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, report: JSON.parse(stdout) as PreviewReport, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return {
      code: failed.code,
      report: JSON.parse(failed.stdout || "{}") as PreviewReport,
      stderr: failed.stderr,
    };
  }
}

describe('examples: consumer programs importing from "inferplane"', () => {
  it("ships the direct composition and the LlmPlatform program", () => {
    expect(examples).toEqual(expect.arrayContaining(["gkeLlama8b.ts", "platformFromWorkload.ts"]));
  });

  it.each(examples)(
    "inferplane preview --program examples/%s exits 0",
    { timeout: 120_000 },
    async (file) => {
      const { code, report, stderr } = await previewExample(file);
      expect(stderr).toBe("");
      expect(report.validationErrors).toEqual([]);
      expect(report.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
      expect(code).toBe(0);
      const types = report.resources.map((r) => r.type);
      if (file === "gkeLlama8b.ts") {
        expect(types).toEqual(
          expect.arrayContaining(["inferplane:index:GkeGpuCluster", "inferplane:index:LlmInferenceService"]),
        );
        expect(types).not.toContain("inferplane:index:LlmPlatform");
      } else {
        expect(types).toContain("inferplane:index:LlmPlatform");
      }
    },
  );
});
