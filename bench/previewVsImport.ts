/**
 * Offline preview of a generated 500-resource program, against the floor of merely importing
 * the Pulumi SDKs that program uses, measured side by side in one run.
 *
 *   npm run bench              # 7 counted pairs after a warm-up
 *   npm run bench -- --runs 15
 *
 * Each pair runs the preview and the floor back to back as fresh processes (A B A B ...), so a
 * drift in machine speed hits both; the figure to quote is the median of the per-pair ratios.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateProgram } from "./generateProgram.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const resources = 500;

mkdirSync(`${root}/bench/.out`, { recursive: true });
const program = `${root}/bench/.out/generated${resources}.ts`;
writeFileSync(program, generateProgram(resources));

const preview = [process.execPath, "bin/inferplane.js", "preview", "--program", program, "--json"];
const floor = [process.execPath, "-e", "require('@pulumi/pulumi'); require('@pulumi/kubernetes')"];

function time(argv: string[]): { seconds: number; stdout: string; status: number | null } {
  const start = process.hrtime.bigint();
  const child = spawnSync(argv[0] as string, argv.slice(1), {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) throw child.error;
  return { seconds, stdout: child.stdout, status: child.status };
}

// Warm-up, which also proves the preview did the whole job.
const warm = time(preview);
const report = JSON.parse(warm.stdout) as {
  resources: unknown[];
  validationErrors: unknown[];
  manifests: { validated: number };
};
// Exit 1 is expected: the generated objects are schema-valid but not hardened, so the guard
// pack reports findings; the preview still does all of its work.
if (warm.status === null || warm.status > 1 || report.resources.length !== resources) {
  throw new Error(`preview failed: exit ${warm.status}, ${report.resources.length} resources`);
}
time(floor);

const a: number[] = [];
const b: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < runs; i++) {
  const p = time(preview).seconds;
  const f = time(floor).seconds;
  a.push(p);
  b.push(f);
  ratios.push(p / f);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(
  `node ${process.version}, ${runs} pairs, ${resources} resources (${report.manifests.validated} Kubernetes objects validated)`,
);
console.log("| command | wall seconds, median (min–max) |");
console.log("|---|---|");
console.log(`| inferplane preview --program generated${resources}.ts --json | ${fmt(a)} |`);
console.log(`| floor: require @pulumi/pulumi + @pulumi/kubernetes | ${fmt(b)} |`);
console.log(`| ratio preview / floor, per pair | ${fmt(ratios)} |`);
