/**
 * The guard pack's share of an offline preview: a generated 1,000-resource program (multi-model
 * serving objects, LeaderWorkerSets included) through the same steps `inferplane preview` runs,
 * in one process, with the pack timed on its own.
 *
 *   npx tsx bench/guardPack.ts              # 7 counted runs after a warm-up
 *   npx tsx bench/guardPack.ts --runs 15
 *
 * Two views. In-process, warm: the preview pipeline (offline engine run, schema validation,
 * guard pack) run repeatedly in this process, with the guard step (config resolution +
 * evaluation) timed inside it; this excludes process start and SDK import, so it is an upper
 * bound. Whole process, cold: `inferplane preview --json` as users run it, a fresh process each
 * time, with the guard's own time taken from the report's `timingsMs.guardPack` and divided by
 * the process's wall time. The figure to quote is the median of the per-run ratios.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { runOffline } from "../engine/run.js";
import { validateManifests } from "../manifests/validate.js";
import { resolveGuardSettings } from "../policies/guard/config.js";
import { guardRules } from "../policies/guard/rules.js";
import { evaluateGuard } from "../policies/guard/runner.js";
import { generateProgram } from "./generateProgram.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const total = 1000;

mkdirSync(`${root}/bench/.out`, { recursive: true });
const program = `${root}/bench/.out/generated${total}.ts`;
writeFileSync(program, generateProgram(total));

interface Sample {
  engine: number;
  schemas: number;
  guard: number;
  preview: number;
  violations: number;
  resources: number;
}

async function once(): Promise<Sample> {
  const t0 = performance.now();
  const run = await runOffline({ program, stack: "bench" });
  const t1 = performance.now();
  await validateManifests(run.resources);
  const t2 = performance.now();
  const violations = await evaluateGuard(run.resources, { settings: resolveGuardSettings(guardRules) });
  const t3 = performance.now();
  return {
    engine: t1 - t0,
    schemas: t2 - t1,
    guard: t3 - t2,
    preview: t3 - t0,
    violations: violations.length,
    resources: run.resources.length,
  };
}

const warm = await once();
if (warm.resources !== total) throw new Error(`expected ${total} resources, got ${warm.resources}`);
const samples: Sample[] = [];
for (let i = 0; i < runs; i++) samples.push(await once());

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const pick = (k: keyof Sample) => samples.map((s) => s[k]);
const ratios = samples.map((s) => (100 * s.guard) / s.preview);

console.log(
  `node ${process.version}, ${runs} runs after a warm-up, ${total} resources, ${guardRules.length} rules, ${warm.violations} findings per run`,
);
console.log("| step | ms, median (min–max) |");
console.log("|---|---|");
console.log(`| offline engine run (runOffline) | ${fmt(pick("engine"))} |`);
console.log(`| Kubernetes schema validation | ${fmt(pick("schemas"))} |`);
console.log(`| guard pack (config + ${guardRules.length} rules) | ${fmt(pick("guard"), 1)} |`);
console.log(`| whole preview pipeline | ${fmt(pick("preview"))} |`);
console.log(`| guard share of the preview, % per run | ${fmt(ratios, 1)} |`);

// Whole process, cold, as users run it.
const wall: number[] = [];
const guardMs: number[] = [];
const shares: number[] = [];
for (let i = 0; i <= runs; i++) {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["bin/inferplane.js", "preview", "--program", program, "--json"],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report = JSON.parse(child.stdout) as { resources: unknown[]; timingsMs: { guardPack: number } };
  if (report.resources.length !== total) throw new Error(`CLI preview registered ${report.resources.length}`);
  if (i === 0) continue; // warm-up
  wall.push(ms);
  guardMs.push(report.timingsMs.guardPack);
  shares.push((100 * report.timingsMs.guardPack) / ms);
}
console.log("");
console.log(`| whole process (${runs} cold runs of inferplane preview --json) | median (min–max) |`);
console.log("|---|---|");
console.log(`| preview wall time, ms | ${fmt(wall)} |`);
console.log(`| guard pack inside it (timingsMs.guardPack), ms | ${fmt(guardMs, 1)} |`);
console.log(`| guard share of the preview, % per run | ${fmt(shares, 1)} |`);
process.exit(0);
