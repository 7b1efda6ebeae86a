/**
 * `inferplane simulate` on a 1-million-request trace against merely reading and parsing the same
 * file, measured side by side in one run (docs/benchmarks.md, "Trace simulation").
 *
 *   npx tsx bench/simulate.ts              # 3 counted pairs after a warm-up
 *   npx tsx bench/simulate.ts --runs 5
 *   npx tsx bench/simulate.ts --threads 1  # the replay on the main thread only
 *
 * The trace is the Azure 2023 conversation trace repeated back to back in the Azure format
 * (timestamps shifted, 1,000,000 rows). Each pair reads then simulates (read, simulate, read,
 * simulate ...), so a drift in machine speed hits both; the figure to quote is the median of the
 * per-pair ratios (medians of each side are printed too). The warm-up pair is printed as "cold":
 * it includes starting the replay worker, which later simulations in the process reuse, as the
 * CLI's single simulation does not. Memory: heap and RSS after a 250,000-row and the
 * 1,000,000-row simulation.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { simulateProfile } from "../policies/simulation/run.js";
import { azureFormat } from "../policies/simulation/trace/formats.js";
import { openTrace } from "../policies/simulation/trace/open.js";
import { readRowTrace } from "../policies/simulation/trace/readRows.js";
import { RowIssues } from "../policies/simulation/trace/rowIssues.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
const threadsFlag = process.argv.indexOf("--threads");
if (threadsFlag > 0 && process.argv[threadsFlag + 1] === "1") process.env.INFERPLANE_SIM_THREADS = "1";

/** The reference profile of docs/simulation.md, traffic from the trace's own sustained rate. */
const profile = {
  model: { name: "llama-3.1-8b-instruct" },
  traffic: { tokensPerDay: 652_629_268, avgInputTokens: 1154.7, avgOutputTokens: 211.1, peakToMean: 1.54 },
  slo: { ttftP95Ms: 2000 },
};

function iso(seconds: number): string {
  const d = new Date(seconds * 1000);
  const frac = (seconds % 1).toFixed(7).slice(1);
  return `${d.toISOString().slice(0, 19).replace("T", " ")}${frac}`;
}

async function generate(rows: number, file: string): Promise<void> {
  const base: Array<[number, number, number]> = [];
  for await (const b of readRowTrace(`${root}/data/traces/azure-2023/conv.csv`, azureFormat, {
    issues: new RowIssues(),
  })) {
    for (let i = 0; i < b.length; i++)
      base.push([b.t[i] as number, b.input[i] as number, b.output[i] as number]);
  }
  const span = (base[base.length - 1]?.[0] ?? 0) + 0.2;
  const out = createWriteStream(file);
  out.write("TIMESTAMP,ContextTokens,GeneratedTokens\n");
  const origin = Date.UTC(2023, 10, 16, 18, 15, 46) / 1000;
  for (let n = 0; n < rows; n++) {
    const [t, input, output] = base[n % base.length] as [number, number, number];
    const line = `${iso(origin + t + Math.floor(n / base.length) * span)},${input},${output}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function readOnly(file: string): Promise<number> {
  const start = performance.now();
  const opened = await openTrace({ file, format: "azure" });
  let tokens = 0;
  for await (const b of opened.source)
    for (let i = 0; i < b.length; i++) tokens += (b.input[i] as number) + (b.output[i] as number);
  if (tokens <= 0) throw new Error("read nothing");
  return (performance.now() - start) / 1000;
}

async function simulateOnce(file: string): Promise<{ seconds: number; options: number; requests: number }> {
  const start = performance.now();
  const report = await simulateProfile({ profile, trace: { file, format: "azure" } });
  const seconds = (performance.now() - start) / 1000;
  for (const o of report.options) {
    if (o.requestsServed !== report.trace.stats.requests) throw new Error(`${o.id} lost requests`);
  }
  return { seconds, options: report.options.length, requests: report.trace.stats.requests };
}

const mb = (n: number) => Math.round(n / 1e6);

mkdirSync(`${root}/bench/.out`, { recursive: true });
const big = `${root}/bench/.out/azure-1m.csv`;
const small = `${root}/bench/.out/azure-250k.csv`;
await generate(1_000_000, big);
await generate(250_000, small);

const coldRead = await readOnly(big);
const cold = await simulateOnce(big);
console.log(
  `cold (warm-up) pair: read+parse ${coldRead.toFixed(2)} s, simulate ${cold.seconds.toFixed(2)} s, ratio ${(cold.seconds / coldRead).toFixed(2)}`,
);
const ratios: number[] = [];
const reads: number[] = [];
const sims: number[] = [];
let last = { seconds: 0, options: 0, requests: 0 };
for (let r = 0; r < runs; r++) {
  const read = await readOnly(big);
  last = await simulateOnce(big);
  ratios.push(last.seconds / read);
  reads.push(read);
  sims.push(last.seconds);
  console.log(
    `pair ${r + 1}: read+parse ${read.toFixed(2)} s, simulate ${last.seconds.toFixed(2)} s (${last.options} options), ratio ${(last.seconds / read).toFixed(2)}`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  `median read+parse ${median(reads).toFixed(2)} s, median simulate ${median(sims).toFixed(2)} s; median ratio simulate / read+parse: ${median(ratios).toFixed(2)} (${last.requests} requests, ${last.options} options, ${process.env.INFERPLANE_SIM_THREADS === "1" ? "one thread" : "main thread + worker"})`,
);

// With --expose-gc (node --expose-gc --import tsx bench/simulate.ts), live heap after a collection.
global.gc?.();
await simulateOnce(small);
global.gc?.();
const m250 = process.memoryUsage();
await simulateOnce(big);
global.gc?.();
const m1m = process.memoryUsage();
console.log(
  `memory after 250k rows: heap ${mb(m250.heapUsed)} MB, rss ${mb(m250.rss)} MB; after 1M rows: heap ${mb(m1m.heapUsed)} MB, rss ${mb(m1m.rss)} MB`,
);
