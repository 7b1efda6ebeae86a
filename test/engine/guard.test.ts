import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { guardMocks } from "../../engine/guard.js";
import { runOffline } from "../../engine/run.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function runTrap(guard: "on" | "off") {
  const vitest = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
  return spawnSync(process.execPath, [vitest, "run", "--config", "test/fixtures/traps/vitest.config.mts"], {
    cwd: root,
    env: { ...process.env, TRAP_GUARD: guard, CI: "true", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("registration guard (trap: program imported before mocks are set)", () => {
  it("without the guard, the naive test passes although nothing was registered", () => {
    const child = runTrap("off");
    expect(child.status, child.stdout + child.stderr).toBe(0);
  });

  it("with the guard armed, the same test file fails loudly and says why", () => {
    const child = runTrap("on");
    expect(child.status).not.toBe(0);
    expect(child.stdout + child.stderr).toContain(
      'kubernetes:core/v1:Namespace "module-level" was registered outside an offline engine run',
    );
  });

  it("refuses to start a run while a premature registration is unreported", async () => {
    expect(() =>
      guardMocks.newResource({
        type: "kubernetes:core/v1:ConfigMap",
        name: "too-early",
        inputs: {},
        custom: true,
      }),
    ).toThrow('kubernetes:core/v1:ConfigMap "too-early" was registered outside an offline engine run');
    await expect(runOffline({ program: () => ({}) })).rejects.toThrow(
      'registered before the offline engine started (kubernetes:core/v1:ConfigMap "too-early")',
    );
    // Reported once, the mistake no longer blocks the next run.
    await expect(runOffline({ program: () => ({}) })).resolves.toMatchObject({ stack: "offline" });
  });
});
