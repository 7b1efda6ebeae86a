/**
 * How much work `inferplane plan` does for one profile, beyond process start.
 *
 *   npm run bench:plan
 *
 * Two views, both in one run:
 * 1. In-process: the first `plan()` call in a fresh process (loading the placement modules and
 *    catalogs included) and then warm calls, per profile, with `performance.now()`.
 * 2. Whole process: `inferplane plan --workload F --json` against the floor `inferplane --help`
 *    (node, the TypeScript loader and the CLI, doing nothing), alternated pair by pair.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const profiles = ["article-quarter-fte.yaml", "dev-bursty.yaml", "prod-70b.yaml", "llama-405b-gke.yaml"];
const runs = 7;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const range = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

// 1. In-process, each measurement in a fresh child so "first call" really is first.
const inProcess = `
  const t0 = performance.now();
  const { plan } = await import("./cli/commands/plan.ts");
  const t1 = performance.now();
  await plan({ workload: process.argv[1] });
  const t2 = performance.now();
  const warm = [];
  for (let i = 0; i < 20; i++) { const s = performance.now(); await plan({ workload: process.argv[1] }); warm.push(performance.now() - s); }
  warm.sort((a, b) => a - b);
  console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, warm: warm[10] }));
`;
console.log("| profile | module load ms | first plan() ms | warm plan() ms |");
console.log("|---|---|---|---|");
for (const profile of profiles) {
  const file = `test/fixtures/workloads/${profile}`;
  const samples = { load: [] as number[], first: [] as number[], warm: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", inProcess, file],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout) as { load: number; first: number; warm: number };
    samples.load.push(r.load);
    samples.first.push(r.first);
    samples.warm.push(r.warm);
  }
  console.log(
    `| ${profile} | ${range(samples.load)} | ${range(samples.first)} | ${range(samples.warm, 1)} |`,
  );
}

// 2. Whole process against the bare CLI.
const time = (args: string[]) => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["bin/inferplane.js", ...args], { cwd: root, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`${args.join(" ")}: exit ${child.status} ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const planArgs = ["plan", "--workload", `test/fixtures/workloads/${profiles[0]}`, "--json"];
time(planArgs);
time(["--help"]);
const diffs: number[] = [];
const plans: number[] = [];
const floors: number[] = [];
for (let i = 0; i < runs; i++) {
  const p = time(planArgs);
  const f = time(["--help"]);
  plans.push(p);
  floors.push(f);
  diffs.push(p - f);
}
console.log("");
console.log(`| whole process (${runs} pairs) | ms, median (min–max) |`);
console.log("|---|---|");
console.log(`| inferplane plan --workload ${profiles[0]} --json | ${range(plans)} |`);
console.log(`| floor: inferplane --help | ${range(floors)} |`);
console.log(`| difference, per pair | ${range(diffs)} |`);
