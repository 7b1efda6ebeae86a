import { InputError } from "../../../common/inputError.js";
import { gammaFunction, Rng } from "../random.js";
import type { EmpiricalLengths } from "./lengths.js";
import { readLines, traceFileSize } from "./lines.js";
import { finiteNumber } from "./parseFields.js";
import type { ReadOptions } from "./readRows.js";
import { BATCH_SIZE, newBatch, type TraceBatch } from "./types.js";

/** One ServeGen window: start second, mean rate, and the inter-arrival distribution fitted to it. */
export interface ServeGenWindow {
  start: number;
  rate: number;
  family: "Gamma" | "Weibull" | null;
  shape: number;
  scale: number;
}

/** Window length of the ServeGen language series, s (alibaba/ServeGen f891d11: 2,016 windows of 600 s). */
export const SERVEGEN_WINDOW_S = 600;

type Parsed = ServeGenWindow | { problem: string; fix: string };

/**
 * Parses a ServeGen `chunk-N-trace.csv` row: window start (s), rate (req/s), CV of inter-arrival
 * times, family (`Gamma`, `Weibull`, or empty for no traffic), shape, scale (s). No header.
 */
export function parseServeGenRow(line: string): Parsed {
  const cells = line.split(",");
  if (cells.length !== 6) {
    return {
      problem: `expected 6 comma-separated fields (start,rate,cv,family,shape,scale), found ${cells.length}`,
      fix: "fix or remove the row",
    };
  }
  const start = finiteNumber(cells[0]);
  if (Number.isNaN(start) || start < 0)
    return {
      problem: `window start "${cells[0]}" is not a number of seconds >= 0`,
      fix: "fix or remove the row",
    };
  const rate = finiteNumber(cells[1]);
  if (Number.isNaN(rate) || rate < 0)
    return { problem: `rate "${cells[1]}" is not a number of requests/s >= 0`, fix: "fix or remove the row" };
  const family = (cells[3] ?? "").trim();
  if (rate === 0 || family === "") return { start, rate: 0, family: null, shape: 0, scale: 0 };
  if (family !== "Gamma" && family !== "Weibull") {
    return {
      problem: `distribution family "${family}" is not Gamma, Weibull or empty`,
      fix: "fix or remove the row",
    };
  }
  const shape = finiteNumber(cells[4]);
  const scale = finiteNumber(cells[5]);
  if (!(shape > 0))
    return { problem: `shape "${cells[4]}" is not a number > 0`, fix: "fix or remove the row" };
  if (!(scale > 0))
    return { problem: `scale "${cells[5]}" is not a number > 0`, fix: "fix or remove the row" };
  return { start, rate, family, shape, scale };
}

/** Mean of the window's fitted inter-arrival distribution, s. */
export function meanGap(w: ServeGenWindow): number {
  return w.family === "Gamma" ? w.shape * w.scale : w.scale * gammaFunction(1 + 1 / w.shape);
}

/** Options of a ServeGen replay. */
export interface ServeGenOptions extends ReadOptions {
  seed: number;
  lengths: EmpiricalLengths;
}

/**
 * Synthesises the requests of a ServeGen client series, as ServeGen's own generator does: in each
 * window, gaps drawn from the fitted Gamma or Weibull and rescaled so their mean is 1/rate, from the
 * window start until its end; token lengths drawn jointly from `lengths`. Deterministic per seed.
 */
export async function* readServeGen(file: string, options: ServeGenOptions): AsyncGenerator<TraceBatch> {
  const total = traceFileSize(file);
  const arrivals = new Rng(options.seed, "servegen-arrivals");
  const picks = new Rng(options.seed, "servegen-lengths");
  const { input, output } = options.lengths;
  let batch = newBatch(BATCH_SIZE);
  let count = 0;
  let origin = Number.NaN;
  let pending: ServeGenWindow | null = null;
  let pendingLine = 0;
  let width = SERVEGEN_WINDOW_S;

  function* emit(w: ServeGenWindow, until: number): Generator<TraceBatch> {
    if (w.family === null || w.rate <= 0) return;
    const stretch = 1 / (w.rate * meanGap(w));
    const end = until - origin;
    let t = w.start - origin;
    for (;;) {
      const gap =
        w.family === "Gamma" ? arrivals.gamma(w.shape, w.scale) : arrivals.weibull(w.shape, w.scale);
      t += gap * stretch;
      if (t >= end) return;
      const k = picks.int(input.length);
      const n = batch.length;
      batch.t[n] = t;
      batch.input[n] = input[k] as number;
      batch.output[n] = output[k] as number;
      batch.length = n + 1;
      count++;
      if (batch.length === BATCH_SIZE) {
        yield batch;
        batch = newBatch(BATCH_SIZE);
      }
    }
  }

  for await (const chunk of readLines(file)) {
    for (let i = 0; i < chunk.lines.length; i++) {
      const line = chunk.lines[i] as string;
      const lineNo = chunk.firstLine + i;
      if (line.trim().length === 0) continue;
      const row = parseServeGenRow(line);
      if ("problem" in row) {
        if (lineNo === 1 && !/^\d/.test(line.trim())) {
          throw new InputError(
            `${file}:1: not a servegen trace: expected rows "start,rate,cv,family,shape,scale" with no header, found "${line.slice(0, 80)}". Fix: give a ServeGen chunk-N-trace.csv or pick the trace's --format`,
            { file, fieldPath: "line 1" },
          );
        }
        options.issues.report(file, lineNo, row.problem, row.fix);
        continue;
      }
      if (Number.isNaN(origin)) origin = row.start;
      if (pending) {
        if (row.start <= pending.start) {
          throw new InputError(
            `${file}:${lineNo}: window start ${row.start} s is not after the previous window's ${pending.start} s. Fix: keep the rows in time order, one per window`,
            { file, fieldPath: `line ${lineNo}` },
          );
        }
        width = row.start - pending.start;
        yield* emit(pending, row.start);
      }
      pending = row;
      pendingLine = lineNo;
    }
    options.onProgress?.(chunk.bytesRead, total);
  }
  if (pending) yield* emit(pending, pending.start + width);
  if (batch.length > 0) yield batch;
  if (count === 0) {
    throw new InputError(
      `${file}: the ServeGen series has no traffic (${pendingLine} rows, every rate 0 or malformed). Fix: pick a client with traffic, or a longer span`,
      { file },
    );
  }
}
