import { fileURLToPath } from "node:url";
import { InputError } from "../../../common/inputError.js";
import { ROW_FORMATS } from "./formats.js";
import { readRowTrace } from "./readRows.js";
import { RowIssues } from "./rowIssues.js";
import type { TraceFormat } from "./types.js";

/**
 * An empirical joint distribution of (input, output) token lengths: the rows of a real trace,
 * drawn uniformly. Held in memory; its size is the length file's, not the replayed trace's.
 */
export interface EmpiricalLengths {
  input: Float64Array;
  output: Float64Array;
  /** Where the lengths come from, for the report. */
  source: string;
}

/**
 * Default length source for ServeGen series: the Azure LLM 2023 conversation trace vendored in
 * data/traces/azure-2023/conv.csv (19,366 requests; Azure/AzurePublicDataset, CC-BY-4.0).
 */
export const DEFAULT_LENGTHS_FILE = fileURLToPath(
  new URL("../../../data/traces/azure-2023/conv.csv", import.meta.url),
);

const cache = new Map<string, EmpiricalLengths>();

/** Reads the (input, output) pairs of a request trace (any format but servegen) into memory. */
export async function loadLengths(file: string, format: TraceFormat = "azure"): Promise<EmpiricalLengths> {
  const key = `${format}:${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (format === "servegen") {
    throw new InputError(
      `${file}: a ServeGen series has no token lengths to sample. Fix: pass a request trace (azure, mooncake or csv) to --lengths`,
      { file },
    );
  }
  let input = new Float64Array(1 << 14);
  let output = new Float64Array(1 << 14);
  let n = 0;
  for await (const batch of readRowTrace(file, ROW_FORMATS[format], { issues: new RowIssues() })) {
    if (n + batch.length > input.length) {
      const size = Math.max(input.length * 2, n + batch.length);
      const i2 = new Float64Array(size);
      i2.set(input.subarray(0, n));
      input = i2;
      const o2 = new Float64Array(size);
      o2.set(output.subarray(0, n));
      output = o2;
    }
    input.set(batch.input.subarray(0, batch.length), n);
    output.set(batch.output.subarray(0, batch.length), n);
    n += batch.length;
  }
  const lengths = { input: input.slice(0, n), output: output.slice(0, n), source: file };
  cache.set(key, lengths);
  return lengths;
}
