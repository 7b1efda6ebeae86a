import { type TraceStats, TraceStatsAccumulator } from "../trace/stats.js";
import type { TraceBatch, TraceSource } from "../trace/types.js";
import { HybridSimulator } from "./hybrid.js";
import { KubernetesSimulator } from "./kubernetes.js";
import { ManagedApiSimulator } from "./managedApi.js";
import type { OptionMetrics } from "./metrics.js";
import type { OptionParams } from "./params.js";
import { ServerlessSimulator } from "./serverless.js";
import type { OptionSimulator } from "./simulator.js";
import { Timeline } from "./timeline.js";

/** A simulator for any option. */
export function simulatorFor(p: OptionParams, sloTtftMs: number): OptionSimulator {
  switch (p.kind) {
    case "managed-api":
      return new ManagedApiSimulator(p, sloTtftMs);
    case "serverless-gpu":
      return new ServerlessSimulator(p, sloTtftMs);
    case "kubernetes":
      return new KubernetesSimulator(p, sloTtftMs);
    case "hybrid":
      return new HybridSimulator(p, sloTtftMs);
  }
}

/** What one streaming replay produced: per-option metrics, the trace's own statistics, the horizon. */
export interface ReplayResult {
  metrics: OptionMetrics[];
  trace: TraceStats;
  /** Requests per bucket over time. */
  load: Timeline;
  /** Common billing horizon: the last arrival or completion of any option, s. */
  horizonS: number;
}

/**
 * Replays `source` once against every option, side by side: each batch of requests is fed to each
 * option in turn, so the trace is read once and memory does not grow with its length. The
 * horizon is common to all options, so fixed costs cover the same span.
 */
export async function replay(
  source: TraceSource,
  options: readonly OptionParams[],
  sloTtftMs: number,
): Promise<ReplayResult> {
  const sims = options.map((p) => simulatorFor(p, sloTtftMs));
  const stats = new TraceStatsAccumulator();
  const load = new Timeline("sum");
  let first = true;
  for await (const b of source) {
    if (first && b.length > 0) {
      first = false;
      const opening = openingLoad(b);
      for (const sim of sims)
        sim.warmStart?.(opening.requestsPerSecond, opening.meanInput, opening.meanOutput);
    }
    stats.add(b);
    for (let i = 0; i < b.length; i++) load.note(b.t[i] as number, 1);
    const { t, input, output } = b;
    const n = b.length;
    for (const sim of sims) sim.feed(t, input, output, n);
  }
  const trace = stats.result();
  let horizon = trace.endS;
  for (const sim of sims) horizon = Math.max(horizon, sim.drain());
  return { metrics: sims.map((s) => s.close(horizon)), trace, load, horizonS: horizon };
}

/** Request rate and mean lengths over the first minute of a batch (its span, when shorter). */
export function openingLoad(b: TraceBatch): {
  requestsPerSecond: number;
  meanInput: number;
  meanOutput: number;
} {
  const t0 = b.t[0] as number;
  let n = 0;
  let input = 0;
  let output = 0;
  let last = t0;
  for (let i = 0; i < b.length && (b.t[i] as number) < t0 + 60; i++) {
    n++;
    input += b.input[i] as number;
    output += b.output[i] as number;
    last = b.t[i] as number;
  }
  const window = n === b.length && last - t0 < 60 ? Math.max(last - t0, 1) : 60;
  return { requestsPerSecond: n / window, meanInput: input / n, meanOutput: output / n };
}
