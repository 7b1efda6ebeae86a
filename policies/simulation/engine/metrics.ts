import { LogHistogram } from "../histogram.js";
import { Timeline } from "./timeline.js";

/** What a replay of one option measured, accumulated in constant memory. */
export class OptionMetrics {
  requests = 0;
  inputTokens = 0;
  outputTokens = 0;
  /** Requests whose time to first token exceeded the SLO threshold. */
  ttftAboveSlo = 0;
  /** Requests that waited for an instance or replica that started after they arrived. */
  coldStartRequests = 0;
  /** Instances or replicas started after time 0 (each a cold start). */
  coldStarts = 0;
  /** Failed first attempts (SageMaker scale from zero), retried until served. */
  errors = 0;
  peakInstances = 0;
  peakNodes = 0;
  nodesProvisioned = 0;
  spotInterruptions = 0;
  /** Requests a hybrid sent to its overflow. */
  overflowRequests = 0;
  /** Most overflow instances at once (hybrid with a serverless overflow). */
  overflowPeakInstances = 0;
  /** Last completion, s. */
  lastCompletion = 0;
  /** USD by named part. */
  readonly cost: Record<string, number> = {};
  /** Time to first token, ms, anchored on the SLO so "p95 <= SLO" is exact. */
  readonly ttftMs: LogHistogram;
  /** Instances or nodes running over time (the most in each bucket). */
  readonly capacity = new Timeline("max");
  /** Time from arrival to a slot on a replica (or the API accepting it), s. */
  readonly queueDelayS = new LogHistogram(1);

  constructor(readonly sloTtftMs: number) {
    this.ttftMs = new LogHistogram(sloTtftMs);
  }

  /** Records one served request. */
  served(input: number, output: number, queueDelayS: number, ttftMs: number): void {
    this.requests++;
    this.inputTokens += input;
    this.outputTokens += output;
    this.queueDelayS.add(queueDelayS);
    this.ttftMs.add(ttftMs);
    if (ttftMs > this.sloTtftMs) this.ttftAboveSlo++;
  }

  /** Adds `usd` to the named cost part. */
  addCost(part: string, usd: number): void {
    this.cost[part] = (this.cost[part] ?? 0) + usd;
  }
}

/**
 * Gives back their classes to metrics that crossed threads (a structured clone keeps the fields,
 * typed arrays included, but not the prototypes).
 */
export function reviveMetrics(clone: unknown): OptionMetrics {
  const m = Object.setPrototypeOf(clone as object, OptionMetrics.prototype) as OptionMetrics;
  Object.setPrototypeOf(m.ttftMs, LogHistogram.prototype);
  Object.setPrototypeOf(m.queueDelayS, LogHistogram.prototype);
  Object.setPrototypeOf(m.capacity, Timeline.prototype);
  return m;
}
