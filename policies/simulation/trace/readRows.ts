import { InputError } from "../../../common/inputError.js";
import type { RowFormat } from "./formats.js";
import { readLines, traceFileSize } from "./lines.js";
import type { ParsedRow } from "./parseFields.js";
import type { RowIssues } from "./rowIssues.js";
import { BATCH_SIZE, newBatch, type TraceBatch } from "./types.js";

/** How readers treat time and report progress. */
export interface ReadOptions {
  /** Where malformed rows are counted (or rejected, when strict). */
  issues: RowIssues;
  /**
   * How far, in seconds, a timestamp may go back before the trace is rejected. Smaller steps back
   * (log jitter) are replayed at the previous timestamp. Default 1.
   */
  backwardToleranceS?: number;
  /** Called after each chunk with bytes read and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Default {@link ReadOptions.backwardToleranceS}. */
export const DEFAULT_BACKWARD_TOLERANCE_S = 1;

/**
 * Keeps arrivals non-decreasing: returns `t` or the previous arrival when `t` is slightly earlier,
 * and throws {@link InputError} when it is earlier by more than the tolerance.
 */
export function orderedArrival(
  t: number,
  previous: number,
  toleranceS: number,
  file: string,
  line: number,
): number {
  if (t >= previous) return t;
  if (previous - t <= toleranceS) return previous;
  throw new InputError(
    `${file}:${line}: the timestamp goes back ${(previous - t).toFixed(3)} s from the previous row (tolerance ${toleranceS} s). Fix: sort the trace by time (e.g. sort -t, -k1,1 for CSV), or raise --backward-tolerance`,
    { file, fieldPath: `line ${line}` },
  );
}

/**
 * Streams the requests of a one-request-per-row trace as batches, with arrivals in seconds from the
 * first valid row. Malformed rows go to `options.issues`; a trace with no valid row is an
 * {@link InputError}.
 */
export async function* readRowTrace(
  file: string,
  format: RowFormat,
  options: ReadOptions,
): AsyncGenerator<TraceBatch> {
  const total = traceFileSize(file);
  const tolerance = options.backwardToleranceS ?? DEFAULT_BACKWARD_TOLERANCE_S;
  const row: ParsedRow = { t: 0, input: 0, output: 0 };
  let origin = Number.NaN;
  let previous = Number.NEGATIVE_INFINITY;
  let count = 0;
  let batch = newBatch(BATCH_SIZE);
  for await (const chunk of readLines(file)) {
    const { lines, firstLine } = chunk;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const lineNo = firstLine + i;
      if (lineNo === 1 && format.header(line, file)) continue;
      if (line.trim().length === 0) continue;
      const problem = format.parse(line, row);
      if (problem) {
        options.issues.report(file, lineNo, problem.problem, problem.fix);
        continue;
      }
      if (Number.isNaN(origin)) origin = row.t;
      const t = orderedArrival(row.t - origin, previous, tolerance, file, lineNo);
      previous = t;
      const n = batch.length;
      batch.t[n] = t;
      batch.input[n] = row.input;
      batch.output[n] = row.output;
      batch.length = n + 1;
      count++;
      if (batch.length === BATCH_SIZE) {
        yield batch;
        batch = newBatch(BATCH_SIZE);
      }
    }
    options.onProgress?.(chunk.bytesRead, total);
  }
  if (batch.length > 0) yield batch;
  if (count === 0) {
    const skipped =
      options.issues.count > 0
        ? ` (${options.issues.count} malformed rows skipped, first: ${options.issues.samples[0]})`
        : "";
    throw new InputError(
      `${file}: the trace has no requests${skipped}. Fix: give a non-empty ${format.name} trace`,
      {
        file,
      },
    );
  }
}
