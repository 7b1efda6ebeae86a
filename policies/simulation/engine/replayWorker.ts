/**
 * Worker side of {@link replayParallel}: replays its share of the options on the batches the main
 * thread posts, then drains and closes them when told. See `parallel.ts` for the protocol.
 */
import { parentPort } from "node:worker_threads";
import type { OptionParams } from "./params.js";
import { openingLoad, simulatorFor } from "./simulate.js";
import type { OptionSimulator } from "./simulator.js";

/** What the worker is started with. */
export interface ReplayWorkerData {
  options: OptionParams[];
  sloTtftMs: number;
}

/** Messages from the main thread: `init` first, then batches, `drain` and `close`. */
export type ToWorker =
  | ({ type: "init" } & ReplayWorkerData)
  | { type: "batch"; t: Float64Array; input: Float64Array; output: Float64Array; length: number }
  | { type: "drain" }
  | { type: "close"; horizonS: number };

const port = parentPort;
if (port) {
  let sims: OptionSimulator[] = [];
  let first = true;
  port.on("message", (m: ToWorker) => {
    if (m.type === "init") {
      // A new replay (the worker is kept between replays).
      sims = m.options.map((p) => simulatorFor(p, m.sloTtftMs));
      first = true;
    } else if (m.type === "batch") {
      if (first && m.length > 0) {
        first = false;
        const opening = openingLoad(m);
        for (const sim of sims)
          sim.warmStart?.(opening.requestsPerSecond, opening.meanInput, opening.meanOutput);
      }
      for (const sim of sims) sim.feed(m.t, m.input, m.output, m.length);
      port.postMessage({ type: "fed" });
    } else if (m.type === "drain") {
      let last = 0;
      for (const sim of sims) last = Math.max(last, sim.drain());
      port.postMessage({ type: "drained", lastS: last });
    } else {
      port.postMessage({ type: "closed", metrics: sims.map((s) => s.close(m.horizonS)) });
    }
  });
  port.postMessage({ type: "ready" });
}
