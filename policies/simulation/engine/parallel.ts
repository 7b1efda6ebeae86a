import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { TraceStatsAccumulator } from "../trace/stats.js";
import type { TraceSource } from "../trace/types.js";
import { startSimulationWorker } from "../worker.js";
import { type OptionMetrics, reviveMetrics } from "./metrics.js";
import type { OptionParams } from "./params.js";
import type { ReplayWorkerData, ToWorker } from "./replayWorker.js";
import { openingLoad, type ReplayResult, replay, simulatorFor } from "./simulate.js";
import { Timeline } from "./timeline.js";

/**
 * Relative cost of replaying one request on an option of each kind, measured on the 1-million-
 * request bench trace: a GPU pool ~0.3 us (one unit), a model API ~0.07 us, a hybrid whose
 * overflow is a model API ~0.12 us; reading and parsing it ~0.7 us with the batches' bookkeeping.
 */
const COST = { read: 2.3, "managed-api": 0.25, "serverless-gpu": 1, kubernetes: 1, hybrid: 1 } as const;
/** A hybrid overflowing to a model API mostly runs its base below saturation: cheaper. */
const HYBRID_TO_API = 0.4;
/** The worker's start (tsx and the engine's modules, ~0.25 s), in the same units. */
const WORKER_START = 0.9;
/** Batches posted to the worker and not yet replayed there, at most (keeps memory flat). */
const IN_FLIGHT = 64;
/** Fewer options than this are not worth a thread. */
const MIN_OPTIONS = 3;
/** Up to this many options the split is searched exhaustively (2^n subsets). */
const EXHAUSTIVE = 16;

function cost(o: OptionParams | undefined): number {
  if (!o) return 0;
  if (o.kind === "hybrid" && o.overflow.kind === "managed-api") return HYBRID_TO_API;
  return COST[o.kind];
}

/**
 * Splits option indices between the main thread (which also reads the trace) and the worker (which
 * first has to start) so that the busier of the two has the least to do.
 */
export function splitOptions(options: readonly OptionParams[]): { main: number[]; worker: number[] } {
  const costs = options.map(cost);
  const n = options.length;
  let best = 0;
  let bestLoad = Number.POSITIVE_INFINITY;
  if (n <= EXHAUSTIVE) {
    for (let mask = 0; mask < 1 << n; mask++) {
      let main: number = COST.read;
      let worker = WORKER_START;
      for (let i = 0; i < n; i++) {
        if (mask & (1 << i)) main += costs[i] as number;
        else worker += costs[i] as number;
      }
      const load = Math.max(main, worker);
      if (load < bestLoad - 1e-9) {
        bestLoad = load;
        best = mask;
      }
    }
    const main: number[] = [];
    const worker: number[] = [];
    for (let i = 0; i < n; i++) (best & (1 << i) ? main : worker).push(i);
    return { main, worker };
  }
  // Many options: the heaviest first, each to the less loaded side.
  const order = costs.map((_, i) => i).sort((x, y) => (costs[y] as number) - (costs[x] as number) || x - y);
  let mainLoad: number = COST.read;
  let workerLoad = WORKER_START;
  const main: number[] = [];
  const worker: number[] = [];
  for (const i of order) {
    if (workerLoad <= mainLoad) {
      worker.push(i);
      workerLoad += costs[i] as number;
    } else {
      main.push(i);
      mainLoad += costs[i] as number;
    }
  }
  return { main: main.sort((x, y) => x - y), worker: worker.sort((x, y) => x - y) };
}

/** Whether {@link replayParallel} would use a worker thread for these options. */
export function usesWorker(options: readonly OptionParams[]): boolean {
  return (
    options.length >= MIN_OPTIONS && availableParallelism() > 1 && process.env.INFERPLANE_SIM_THREADS !== "1"
  );
}

/**
 * {@link replay} on two threads: the main thread reads the trace and replays part of the options,
 * a worker replays the rest on copies of the same batches. Options never interact (each has its
 * own events and random streams) and the horizon is still common, so the result is the same as
 * {@link replay}'s, field for field. Falls back to {@link replay} on one core, with few options,
 * or with `INFERPLANE_SIM_THREADS=1`.
 */
export async function replayParallel(
  source: TraceSource,
  options: readonly OptionParams[],
  sloTtftMs: number,
  started: ReplayWorker | null = null,
): Promise<ReplayResult> {
  if (!usesWorker(options)) return replay(source, options, sloTtftMs);
  const worker = started ?? startReplayWorker();
  if (!worker) return replay(source, options, sloTtftMs);
  const split = splitOptions(options);
  const data: ReplayWorkerData = { options: split.worker.map((i) => options[i] as OptionParams), sloTtftMs };
  try {
    worker.thread.postMessage({ type: "init", ...data } satisfies ToWorker);
    const result = await drive(worker.thread, source, options, split, sloTtftMs);
    worker.healthy = true;
    return result;
  } catch (error) {
    // Mid-protocol (a bad row, a worker crash): the thread may still answer the old replay.
    worker.healthy = false;
    throw error;
  } finally {
    if (!started) await worker.release();
  }
}

/**
 * A replay worker. One is kept between replays in a process (started, modules loaded, code
 * optimised by the JIT), as a thread pool would; it never keeps the process alive.
 */
export interface ReplayWorker {
  readonly thread: Worker;
  /** False once a replay failed on it: it is then ended, not kept. */
  healthy: boolean;
  /** Hands the worker back: kept for the next replay when healthy and none is kept, else ended. */
  release(): Promise<void>;
}

let spare: ReplayWorker | null = null;

/**
 * A replay worker: the one kept from an earlier replay, else a new one, started now so that its
 * start (~0.25 s under tsx) overlaps opening the trace and planning; null where
 * {@link replayParallel} would not use one. Pass it to `replayParallel`, then `release()` it.
 */
export function startReplayWorker(): ReplayWorker | null {
  if (availableParallelism() < 2 || process.env.INFERPLANE_SIM_THREADS === "1") return null;
  if (spare) {
    const kept = spare;
    spare = null;
    return kept;
  }
  const thread = startSimulationWorker("engine/replayWorker", {});
  thread.unref();
  let ended = false;
  const worker: ReplayWorker = {
    thread,
    healthy: true,
    release: async () => {
      if (ended || spare === worker) return;
      if (worker.healthy && spare === null) {
        thread.unref();
        spare = worker;
        return;
      }
      ended = true;
      await thread.terminate();
    },
  };
  thread.once("exit", () => {
    ended = true;
    if (spare === worker) spare = null;
  });
  return worker;
}

type FromWorker =
  | { type: "ready" }
  | { type: "fed" }
  | { type: "drained"; lastS: number }
  | { type: "closed"; metrics: unknown[] };

async function drive(
  worker: Worker,
  source: TraceSource,
  options: readonly OptionParams[],
  split: { main: number[]; worker: number[] },
  sloTtftMs: number,
): Promise<ReplayResult> {
  worker.ref();
  let failure: unknown = null;
  let waiting: ((m: FromWorker | null) => void) | null = null;
  const inbox: FromWorker[] = [];
  const deliver = (m: FromWorker | null) => {
    const w = waiting;
    waiting = null;
    if (w) w(m);
    else if (m) inbox.push(m);
  };
  /** The next message other than "ready"; throws if the worker failed. */
  const next = async (): Promise<FromWorker> => {
    for (;;) {
      const m =
        inbox.shift() ?? (failure ? null : await new Promise<FromWorker | null>((r) => (waiting = r)));
      if (m === null || m === undefined) throw failure ?? new Error("simulation worker failed");
      if (m.type !== "ready") return m;
    }
  };
  const onMessage = (m: FromWorker) => deliver(m);
  const onError = (e: unknown) => {
    failure = e;
    deliver(null);
  };
  const onExit = () => {
    failure ??= new Error("simulation worker exited early");
    deliver(null);
  };
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  try {
    return await session(worker, source, options, split, sloTtftMs, next);
  } finally {
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
  }
}

async function session(
  worker: Worker,
  source: TraceSource,
  options: readonly OptionParams[],
  split: { main: number[]; worker: number[] },
  sloTtftMs: number,
  next: () => Promise<FromWorker>,
): Promise<ReplayResult> {
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);

  const sims = split.main.map((i) => simulatorFor(options[i] as OptionParams, sloTtftMs));
  const stats = new TraceStatsAccumulator();
  const load = new Timeline("sum");
  let first = true;
  let inFlight = 0;
  for await (const b of source) {
    const n = b.length;
    const t = b.t.slice(0, n);
    const input = b.input.slice(0, n);
    const output = b.output.slice(0, n);
    if (inFlight >= IN_FLIGHT) {
      await next();
      inFlight--;
    }
    post({ type: "batch", t, input, output, length: n }, [t.buffer, input.buffer, output.buffer]);
    inFlight++;
    if (first && n > 0) {
      first = false;
      const opening = openingLoad(b);
      for (const sim of sims)
        sim.warmStart?.(opening.requestsPerSecond, opening.meanInput, opening.meanOutput);
    }
    stats.add(b);
    for (let i = 0; i < n; i++) load.note(b.t[i] as number, 1);
    for (const sim of sims) sim.feed(b.t, b.input, b.output, n);
  }
  for (; inFlight > 0; inFlight--) await next();
  post({ type: "drain" });
  const trace = stats.result();
  let horizon = trace.endS;
  for (const sim of sims) horizon = Math.max(horizon, sim.drain());
  const drained = await next();
  if (drained.type !== "drained") throw new Error(`simulation worker: unexpected ${drained.type}`);
  horizon = Math.max(horizon, drained.lastS);
  post({ type: "close", horizonS: horizon });
  const metrics: OptionMetrics[] = new Array(options.length);
  split.main.forEach((i, k) => {
    metrics[i] = (sims[k] as (typeof sims)[number]).close(horizon);
  });
  const closed = await next();
  if (closed.type !== "closed") throw new Error(`simulation worker: unexpected ${closed.type}`);
  split.worker.forEach((i, k) => {
    metrics[i] = reviveMetrics(closed.metrics[k]);
  });
  return { metrics, trace, load, horizonS: horizon };
}
