import { InputError } from "../../../common/inputError.js";
import { closest } from "../../../common/zodIssues.js";
import { ROW_FORMATS, sniffFormat } from "./formats.js";
import { DEFAULT_LENGTHS_FILE, loadLengths } from "./lengths.js";
import { readLines } from "./lines.js";
import { type ReadOptions, readRowTrace } from "./readRows.js";
import { RowIssues } from "./rowIssues.js";
import { readServeGen } from "./servegen.js";
import { cutTrace, repeatTrace, scaleTrace } from "./transform.js";
import { TRACE_FORMATS, type TraceFormat, type TraceSource } from "./types.js";

/** Which trace to replay and how to reshape it. */
export interface TraceSpec {
  file: string;
  /** Format; guessed from the first line when absent. */
  format?: TraceFormat;
  /** Seed for ServeGen arrivals, length draws and rate scaling. Default 1. */
  seed?: number;
  /** Request-rate multiplier over the same span (see `scaleTrace`). Default 1. */
  scale?: number;
  /** Replay the (cut, scaled) trace this many times back to back. Default 1. */
  repeat?: number;
  /** Keep only arrivals from this second of the trace on. Default 0. */
  startS?: number;
  /** Keep only this many seconds from `startS`. Default: to the end. */
  durationS?: number;
  /** Reject the first malformed row instead of skipping it. */
  strict?: boolean;
  /** See `ReadOptions.backwardToleranceS`. */
  backwardToleranceS?: number;
  /** Token lengths for ServeGen series: a request trace and its format. Default: Azure 2023 conversation. */
  lengths?: { file: string; format?: TraceFormat };
  /** Reading progress, bytes of the trace file. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** An opened trace: the re-iterable request stream and what the readers noticed. */
export interface OpenedTrace {
  source: TraceSource;
  format: TraceFormat;
  /** Malformed rows skipped (counted over every pass over the source). */
  issues: RowIssues;
  /** Where ServeGen token lengths come from, when the trace is a ServeGen series. */
  lengthsSource?: string;
}

/** A trace format name, or an {@link InputError} with the closest valid one. */
export function parseTraceFormat(text: string): TraceFormat {
  if ((TRACE_FORMATS as readonly string[]).includes(text)) return text as TraceFormat;
  const guess = closest(text, TRACE_FORMATS);
  throw new InputError(
    `--format: unknown trace format "${text}". Fix: ${guess ? `did you mean "${guess}"? ` : ""}use one of ${TRACE_FORMATS.join(", ")}`,
    { fieldPath: "--format" },
  );
}

async function firstLine(file: string): Promise<string> {
  for await (const chunk of readLines(file)) {
    for (const line of chunk.lines) if (line.trim().length > 0) return line;
  }
  return "";
}

function positive(name: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new InputError(
      `${name}: ${value} must be a ${integer ? "whole " : ""}number > 0. Fix: e.g. ${name} 2`,
      {
        fieldPath: name,
      },
    );
  }
}

/**
 * Opens a trace for streaming replay: checks the file and options, guesses the format when not
 * given, and composes the reader with cut, scale and repeat. Throws {@link InputError} for bad input.
 */
export async function openTrace(spec: TraceSpec): Promise<OpenedTrace> {
  positive("--scale", spec.scale, false);
  positive("--repeat", spec.repeat, true);
  positive("--duration", spec.durationS, false);
  if (spec.startS !== undefined && !(Number.isFinite(spec.startS) && spec.startS >= 0)) {
    throw new InputError(`--start: ${spec.startS} must be a number of seconds >= 0. Fix: e.g. --start 600`, {
      fieldPath: "--start",
    });
  }
  const head = await firstLine(spec.file);
  if (head === "") {
    throw new InputError(`${spec.file}: the trace is empty. Fix: give a trace with at least one request`, {
      file: spec.file,
    });
  }
  const format = spec.format ?? sniffFormat(head);
  if (format === undefined) {
    throw new InputError(
      `${spec.file}:1: cannot tell the trace format from "${head.slice(0, 80)}". Fix: pass --format ${TRACE_FORMATS.join("|")}`,
      { file: spec.file, fieldPath: "line 1" },
    );
  }
  const seed = spec.seed ?? 1;
  const issues = new RowIssues(spec.strict ?? false);
  const read: ReadOptions = {
    issues,
    ...(spec.backwardToleranceS === undefined ? {} : { backwardToleranceS: spec.backwardToleranceS }),
    ...(spec.onProgress === undefined ? {} : { onProgress: spec.onProgress }),
  };
  let source: TraceSource;
  let lengthsSource: string | undefined;
  if (format === "servegen") {
    const lengths = await loadLengths(
      spec.lengths?.file ?? DEFAULT_LENGTHS_FILE,
      spec.lengths?.format ?? "azure",
    );
    lengthsSource = lengths.source;
    source = { [Symbol.asyncIterator]: () => readServeGen(spec.file, { ...read, seed, lengths }) };
  } else {
    const rows = ROW_FORMATS[format];
    source = { [Symbol.asyncIterator]: () => readRowTrace(spec.file, rows, read) };
  }
  if (spec.startS !== undefined || spec.durationS !== undefined) {
    source = cutTrace(source, spec.startS ?? 0, spec.durationS ?? Number.POSITIVE_INFINITY);
  }
  if (spec.scale !== undefined && spec.scale !== 1) source = scaleTrace(source, spec.scale, seed);
  if (spec.repeat !== undefined && spec.repeat > 1) source = repeatTrace(source, spec.repeat);
  return { source, format, issues, ...(lengthsSource === undefined ? {} : { lengthsSource }) };
}
