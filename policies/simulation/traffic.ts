import type { TraceStats } from "./trace/stats.js";
import { TRACE_FORMATS, type TraceFormat } from "./trace/types.js";

/** The `traffic` fields of a workload profile, as a trace shows them. */
export interface TraceTraffic {
  /** Input plus output tokens a day, averaged over the trace's span (idle time included). */
  tokensPerDay: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  /** Busiest minute over the mean of the active hours (at least 1). */
  peakToMean: number;
  /** Hours a day outside idle gaps of 15 minutes or more (the serverless idle tail). */
  activeHoursPerDay: number;
}

/**
 * The profile traffic a trace implies, so that `plan` and `simulate` size from the same input.
 * Idle gaps of at least 15 minutes count as inactive time; the peak is the busiest minute.
 */
export function trafficFromTrace(stats: TraceStats): TraceTraffic {
  const span = Math.max(1, stats.spanS);
  const idle = stats.idleGaps.find((g) => g.thresholdS === 900)?.share ?? 0;
  const activeShare = Math.min(1, Math.max(1 / 24 / 60, 1 - idle));
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    tokensPerDay: Math.max(1, Math.round(((stats.inputTokens + stats.outputTokens) / span) * 86_400)),
    avgInputTokens: Math.max(1, round(stats.avgInputTokens, 1)),
    avgOutputTokens: Math.max(1, round(stats.avgOutputTokens, 1)),
    peakToMean: Math.min(1000, Math.max(1, round(stats.peakToMeanPerMinute * activeShare, 2))),
    activeHoursPerDay: Math.max(0.01, round(24 * activeShare, 2)),
  };
}

/** A trace named in a profile (`traffic.trace`). */
export interface ProfileTrace {
  path: string;
  format?: TraceFormat;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Splits `traffic.trace` out of a raw profile (the placement schema does not know it yet) and
 * reports whether the profile gives its own volume. Returns a shallow copy; the input is untouched.
 */
export function splitProfileTrace(raw: unknown): {
  profile: unknown;
  trace: ProfileTrace | null;
  hasVolume: boolean;
  problem?: string;
} {
  if (!isRecord(raw) || !isRecord(raw.traffic)) return { profile: raw, trace: null, hasVolume: true };
  const { trace, ...traffic } = raw.traffic;
  const hasVolume = traffic.tokensPerDay !== undefined || traffic.requestsPerDay !== undefined;
  const profile = { ...raw, traffic };
  if (trace === undefined) return { profile, trace: null, hasVolume };
  if (!isRecord(trace) || typeof trace.path !== "string" || trace.path.length === 0) {
    return {
      profile,
      trace: null,
      hasVolume,
      problem: "traffic.trace: must be { path: FILE, format?: FORMAT }",
    };
  }
  const format = trace.format;
  if (format !== undefined && !(TRACE_FORMATS as readonly unknown[]).includes(format)) {
    return {
      profile,
      trace: null,
      hasVolume,
      problem: `traffic.trace.format: unknown format ${JSON.stringify(format)}; use one of ${TRACE_FORMATS.join(", ")}`,
    };
  }
  return {
    profile,
    trace: { path: trace.path, ...(format === undefined ? {} : { format: format as TraceFormat }) },
    hasVolume,
  };
}

/**
 * The raw profile with the trace's traffic filled in where the profile is silent: volume, mean
 * lengths, peak-to-mean and active hours. Fields the profile gives are kept.
 */
export function withTraceTraffic(profile: unknown, traffic: TraceTraffic): unknown {
  if (!isRecord(profile)) return profile;
  const given = isRecord(profile.traffic) ? profile.traffic : {};
  const hasVolume = given.tokensPerDay !== undefined || given.requestsPerDay !== undefined;
  return {
    ...profile,
    traffic: {
      ...(hasVolume ? {} : { tokensPerDay: traffic.tokensPerDay }),
      avgInputTokens: traffic.avgInputTokens,
      avgOutputTokens: traffic.avgOutputTokens,
      peakToMean: traffic.peakToMean,
      activeHoursPerDay: traffic.activeHoursPerDay,
      ...given,
    },
  };
}

/** Profiles whose traffic was filled in from their named trace, to the profile as written. */
const asWritten = new WeakMap<object, unknown>();

/**
 * {@link withTraceTraffic} for a profile that names its trace (`traffic.trace`, kept), remembering
 * the profile as written so that {@link profileAsWritten} can give it back.
 */
export function withNamedTraceTraffic(profile: unknown, traffic: TraceTraffic): unknown {
  const filled = withTraceTraffic(profile, traffic);
  if (isRecord(filled)) asWritten.set(filled, profile);
  return filled;
}

/**
 * The profile as written, before its named trace's traffic was filled in by the loader: `simulate`
 * derives the traffic from the trace it actually replays (`--trace` may name another file).
 */
export function profileAsWritten(profile: unknown): unknown {
  return isRecord(profile) ? (asWritten.get(profile) ?? profile) : profile;
}
