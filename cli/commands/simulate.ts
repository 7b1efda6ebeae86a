import { dirname, relative, resolve } from "node:path";
import { InputError } from "../../common/inputError.js";
import { loadWorkloadFile } from "../../policies/placement/load.js";
import type { SimulationReport } from "../../policies/simulation/report.js";
import { simulateProfile } from "../../policies/simulation/run.js";
import { parseTraceFormat } from "../../policies/simulation/trace/open.js";
import { splitProfileTrace } from "../../policies/simulation/traffic.js";
import { renderSimulateChart } from "../render/simulateChart.js";
import { writeChart } from "../writeChart.js";

/** `inferplane simulate` flags, as commander gives them (strings until validated here). */
export interface SimulateOptions {
  workload?: string;
  trace?: string;
  format?: string;
  seed?: string;
  scale?: string;
  repeat?: string;
  start?: string;
  duration?: string;
  strict?: boolean;
  lengths?: string;
  lengthsFormat?: string;
  backwardTolerance?: string;
  apiRpm?: string;
  apiTpm?: string;
  chart?: string;
  /** Directory to resolve paths from. Default: the working directory. */
  cwd?: string;
  /** Receives progress lines for long traces; omit for silence. */
  progress?: (line: string) => void;
}

/** The report and, when a chart was asked for, where it was written (relative to `cwd`). */
export interface SimulateResult {
  report: SimulationReport;
  chartFile: string | null;
}

function num(
  flag: string,
  text: string | undefined,
  check: (v: number) => boolean,
  example: string,
): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || !check(v)) {
    throw new InputError(`${flag}: "${text}" is not valid. Fix: e.g. ${flag} ${example}`, {
      fieldPath: flag,
    });
  }
  return v;
}

/** Traces at least this large report reading progress. */
const PROGRESS_BYTES = 16 << 20;

/**
 * `inferplane simulate`: replays a request trace against every option the placement policy weighs
 * for a workload file. Throws {@link InputError} on bad input (the CLI exits 2).
 */
export async function simulate(options: SimulateOptions): Promise<SimulateResult> {
  const cwd = options.cwd ?? process.cwd();
  if (options.workload === undefined) {
    throw new InputError(
      "simulate needs --workload FILE.yaml. Fix: e.g. `inferplane simulate --workload workload.yaml --trace trace.csv`",
    );
  }
  const loaded = loadWorkloadFile(options.workload, cwd);
  // A trace named in the profile is relative to the profile's directory.
  const named = splitProfileTrace(loaded.raw).trace;
  const tracePath =
    options.trace !== undefined
      ? resolve(cwd, options.trace)
      : named
        ? resolve(cwd, dirname(options.workload), named.path)
        : undefined;
  if (tracePath === undefined) {
    throw new InputError(
      `simulate needs a trace. Fix: pass --trace FILE (azure, mooncake, servegen or csv), or set traffic.trace.path in ${loaded.where.file}`,
    );
  }
  const file = relative(cwd, tracePath) || tracePath;
  const format =
    options.format !== undefined
      ? parseTraceFormat(options.format)
      : options.trace === undefined
        ? named?.format
        : undefined;
  const lengthsFormat =
    options.lengthsFormat === undefined ? undefined : parseTraceFormat(options.lengthsFormat);
  const rpm = num("--api-rpm", options.apiRpm, (v) => v > 0, "1000");
  const tpm = num("--api-tpm", options.apiTpm, (v) => v > 0, "400000");
  let lastTenth = -1;
  const report = await simulateProfile({
    profile: loaded.raw,
    where: loaded.where,
    trace: {
      file,
      ...(format === undefined ? {} : { format }),
      ...optional(
        "seed",
        num("--seed", options.seed, (v) => Number.isInteger(v) && v >= 0, "42"),
      ),
      ...optional(
        "scale",
        num("--scale", options.scale, (v) => v > 0, "2"),
      ),
      ...optional(
        "repeat",
        num("--repeat", options.repeat, (v) => Number.isInteger(v) && v >= 1, "3"),
      ),
      ...optional(
        "startS",
        num("--start", options.start, (v) => v >= 0, "600"),
      ),
      ...optional(
        "durationS",
        num("--duration", options.duration, (v) => v > 0, "3600"),
      ),
      ...optional(
        "backwardToleranceS",
        num("--backward-tolerance", options.backwardTolerance, (v) => v >= 0, "1"),
      ),
      ...(options.strict ? { strict: true } : {}),
      ...(options.lengths === undefined
        ? {}
        : {
            lengths: {
              file: resolve(cwd, options.lengths),
              ...(lengthsFormat === undefined ? {} : { format: lengthsFormat }),
            },
          }),
      ...(options.progress === undefined
        ? {}
        : {
            onProgress: (read: number, total: number) => {
              if (total < PROGRESS_BYTES) return;
              const tenth = Math.floor((10 * read) / total);
              if (tenth === lastTenth) return;
              lastTenth = tenth;
              options.progress?.(`simulate: read ${tenth * 10} % of ${file}\n`);
            },
          }),
    },
    ...(rpm === undefined && tpm === undefined
      ? {}
      : { apiRateLimit: { requestsPerMinute: rpm ?? null, tokensPerMinute: tpm ?? null } }),
  });
  const chartFile =
    options.chart === undefined
      ? null
      : await writeChart(options.chart, cwd, () => renderSimulateChart(report));
  return { report, chartFile };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
