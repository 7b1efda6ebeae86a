import type { SkippedOption } from "./fromPlacement.js";
import type { TraceStats } from "./trace/stats.js";
import type { TraceFormat } from "./trace/types.js";

/** Time-to-first-token percentiles, ms (1 % buckets; exact against the SLO threshold). */
export interface TtftPercentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * One option replayed against the trace. Field names up to `meetsSlo` are the
 * `inferplane simulate --json` contract (design brief).
 */
export interface SimulatedOption {
  /** `<platform>/<cloud>/<variant>`, as in `plan`. */
  id: string;
  platform: string;
  cloud: string;
  variant: string;
  service: string;
  /** USD over the replayed span (the common horizon), every part included. */
  costUsd: number;
  /** `costUsd` over 730 h, as if the trace's traffic were sustained. */
  monthlyCostUsd: number;
  costBreakdown: Record<string, number>;
  requestsServed: number;
  inputTokensServed: number;
  outputTokensServed: number;
  tokensServed: number;
  ttftMs: TtftPercentiles;
  /** Instances or replicas started during the replay (each a cold start). */
  coldStarts: number;
  /** Requests that waited for an instance or replica started after they arrived. */
  coldStartRequests: number;
  /** Requests whose time to first token exceeded the SLO's p95 threshold. */
  sloViolations: number;
  /** Failed first attempts (SageMaker scaling from zero), retried until served. */
  errors: number;
  /** p95 time to first token within the SLO and failed attempts within 1 - availability. */
  meetsSlo: boolean;
  /** Time from arrival to a batch slot (or the API accepting the call), s. */
  queueDelayS: { mean: number; p95: number; max: number };
  peakInstances: number;
  peakNodes: number;
  nodesProvisioned: number;
  spotInterruptions: number;
  /** Requests a hybrid sent to its overflow. */
  overflowRequests: number;
  /** What `plan` predicted for this option from the profile. */
  planned: { monthlyCostUsd: number | null; ttftP95Ms: number | null; meetsSlo: boolean };
}

/** The trace as replayed. */
export interface ReplayedTrace {
  file: string;
  format: TraceFormat;
  seed: number;
  scale: number;
  repeat: number;
  startS: number | null;
  durationS: number | null;
  /** Malformed rows skipped, and the first few messages. */
  malformedRows: number;
  malformedSamples: string[];
  /** Where ServeGen token lengths came from. */
  lengthsSource: string | null;
  /** Exact totals and shape of the replayed requests. */
  stats: TraceStats;
  /** Common billing horizon of every option, s. */
  horizonS: number;
}

/** The `inferplane simulate --json` report. */
export interface SimulationReport {
  trace: ReplayedTrace;
  slo: { ttftP95Ms: number; availability: number };
  /** Whether the profile's traffic was derived from the trace (it gave no volume, or named the trace). */
  trafficFromTrace: boolean;
  /** The profile traffic the plan used. */
  plannedTraffic: {
    tokensPerDay: number;
    avgInputTokens: number;
    avgOutputTokens: number;
    peakToMean: number;
    activeHoursPerDay: number;
  };
  /** Every feasible option replayed, cheapest on the trace first. */
  options: SimulatedOption[];
  /** Options the plan found infeasible (or that cannot be replayed), with the reason. */
  skipped: SkippedOption[];
  /**
   * Load and capacity over time, for charts: bucket starts (s), requests a second in each bucket,
   * and per option the most instances or nodes running in it.
   */
  timeline: {
    bucketS: number;
    startsS: number[];
    requestsPerSecond: number[];
    capacity: Record<string, number[]>;
  };
  /** Cheapest option that met the SLO on this trace, or `null` when none did. */
  cheapestMeetingSlo: string | null;
  /** The static `plan` choice and what it would have cost against the best on this trace. */
  plan: {
    choice: string | null;
    /** Why plan chose nothing (its error), when it did not. */
    noChoiceReason: string | null;
    choiceMetSlo: boolean | null;
    /** (plan choice's cost - cheapest meeting the SLO) / the latter, percent; `null` if either is missing. */
    regretPercent: number | null;
  };
}
