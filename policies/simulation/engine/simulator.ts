import type { OptionMetrics } from "./metrics.js";

/**
 * One option replayed against a trace. The driver calls `advanceTo(t)` then `arrive(t, ...)` for
 * each request in arrival order, then `drain()` for every option, then `close(horizon)` with the
 * common horizon, so that every option is billed over the same span.
 */
export interface OptionSimulator {
  /**
   * Sets the capacity running at time 0 from the trace's opening load (requests a second and
   * mean lengths over its first minute), as if the traffic had been going on before the trace.
   */
  warmStart?(requestsPerSecond: number, meanInput: number, meanOutput: number): void;
  /**
   * Feeds the first `n` requests of a batch: `advanceTo` then `arrive` for each. Implemented per
   * class so that the hot loop calls monomorphic methods.
   */
  feed(t: Float64Array, input: Float64Array, output: Float64Array, n: number): void;
  /** Runs every internal event due at or before `t`. */
  advanceTo(t: number): void;
  /** A request arrives at `t` (after `advanceTo(t)`). */
  arrive(t: number, input: number, output: number): void;
  /** Runs events until every request has finished; returns the last completion time. */
  drain(): number;
  /** Bills everything still running up to `horizon` and returns the metrics. */
  close(horizon: number): OptionMetrics;
}
