import { dirname, isAbsolute, relative, resolve } from "node:path";
import { InputError, isInputError } from "../../common/inputError.js";
import { readTraceStatsSync } from "../simulation/trace/statsSync.js";
import { splitProfileTrace, trafficFromTrace, withNamedTraceTraffic } from "../simulation/traffic.js";
import type { ProfileSource } from "./resolve.js";

/**
 * A raw profile naming a trace (`traffic.trace: { path, format }`) with the trace's traffic filled
 * in where the profile is silent, as `simulate` does (`trafficFromTrace`): tokens a day, mean
 * lengths, the busiest minute over the mean of the active hours as peak-to-mean, and active hours
 * outside idle gaps of 15 minutes or more. So `plan` and `simulate` size from the same input.
 * `traffic.trace.path` is relative to `baseDir` (the profile's directory). A profile without a
 * trace is returned as is, without touching the disk.
 */
export function withProfileTrace(raw: unknown, where: ProfileSource, baseDir: string): unknown {
  const split = splitProfileTrace(raw);
  const field = `${where.pathPrefix ? `${where.pathPrefix}.` : ""}traffic.trace`;
  const head = where.file ? `${where.file}: ` : "";
  const location = { ...(where.file === undefined ? {} : { file: where.file }), fieldPath: field };
  if (split.problem) {
    throw new InputError(
      `${head}${where.pathPrefix ? `${where.pathPrefix}.` : ""}${split.problem}. Fix: e.g. trace: { path: data/traces/azure-2023/conv.csv, format: azure }`,
      location,
    );
  }
  if (!split.trace) return raw;
  const absolute = isAbsolute(split.trace.path) ? split.trace.path : resolve(baseDir, split.trace.path);
  const file = relative(process.cwd(), absolute) || absolute;
  try {
    const stats = readTraceStatsSync({
      file,
      ...(split.trace.format === undefined ? {} : { format: split.trace.format }),
    });
    return withNamedTraceTraffic(raw, trafficFromTrace(stats));
  } catch (error) {
    if (!isInputError(error)) throw error;
    throw new InputError(`${head}${field}.path: ${error.message}`, location);
  }
}

/** {@link withProfileTrace} for a profile read from `file` (paths relative to its directory). */
export function withProfileFileTrace(raw: unknown, where: ProfileSource, absoluteFile: string): unknown {
  return withProfileTrace(raw, where, dirname(absoluteFile));
}
