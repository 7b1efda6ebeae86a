import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateProgram } from "../../bench/generateProgram.js";
import type { PreviewReport } from "../../cli/report.js";
import { repoRoot } from "./cliHarness.js";

// The command as users run it: a fresh Node process through bin/inferplane.js and tsx.
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/inferplane.js", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });

describe("bin/inferplane.js", () => {
  it("previews the dev stack as JSON and exits 0", () => {
    const child = run("preview", "--stack", "dev", "--json");
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as PreviewReport;
    expect(report.stack).toBe("dev");
    expect(report.resources.length).toBeGreaterThan(5);
  });

  it("writes a large JSON report to a pipe completely before exiting", () => {
    const dir = join(repoRoot, "test/.out");
    mkdirSync(dir, { recursive: true });
    const program = join(dir, "generated500.ts");
    writeFileSync(program, generateProgram(500));
    const child = run("preview", "--program", program, "--json");
    // The generated objects are schema-valid but not hardened, so the guard pack reports findings.
    expect(child.status).toBe(1);
    expect(child.stdout.length).toBeGreaterThan(400_000);
    const report = JSON.parse(child.stdout) as PreviewReport;
    expect(report.resources).toHaveLength(500);
  });

  it("exits 2 with one line and no stack trace on bad input", () => {
    const child = run("preview", "--stack", "missing");
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toBe("error: stacks/Pulumi.missing.yaml: file not found\n");
  });
});
