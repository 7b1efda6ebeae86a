import { InputError } from "../../../common/inputError.js";
import { Rng } from "../random.js";
import { BATCH_SIZE, newBatch, type TraceBatch, type TraceSource } from "./types.js";

/** Fills batches one request at a time and hands out the full ones. */
class BatchWriter {
  batch = newBatch(BATCH_SIZE);
  /** Appends a request; returns a full batch to yield, or null. */
  add(t: number, input: number, output: number): TraceBatch | null {
    const b = this.batch;
    const n = b.length;
    b.t[n] = t;
    b.input[n] = input;
    b.output[n] = output;
    b.length = n + 1;
    if (b.length < BATCH_SIZE) return null;
    this.batch = newBatch(BATCH_SIZE);
    return b;
  }
  /** The partial last batch, or null. */
  rest(): TraceBatch | null {
    return this.batch.length > 0 ? this.batch : null;
  }
}

/**
 * The part of a trace in `[startS, startS + durationS)`, shifted to start at 0. Stops reading the
 * source at the end of the window.
 */
export function cutTrace(source: TraceSource, startS: number, durationS: number): TraceSource {
  const end = startS + durationS;
  return {
    async *[Symbol.asyncIterator]() {
      const out = new BatchWriter();
      let kept = 0;
      outer: for await (const b of source) {
        for (let i = 0; i < b.length; i++) {
          const t = b.t[i] as number;
          if (t < startS) continue;
          if (t >= end) break outer;
          kept++;
          const full = out.add(t - startS, b.input[i] as number, b.output[i] as number);
          if (full) yield full;
        }
      }
      const rest = out.rest();
      if (rest) yield rest;
      if (kept === 0) {
        throw new InputError(
          `--start ${startS} --duration ${durationS}: no request of the trace falls in [${startS} s, ${end} s). Fix: pick a window inside the trace`,
          { fieldPath: "--start" },
        );
      }
    },
  };
}

/**
 * The trace at `factor` times its request rate, over the same span: each request is replayed
 * `floor(factor)` times, plus once more with probability `factor - floor(factor)` (so 0.5 keeps
 * every other request on average); the copies after the first are spread uniformly over the gap to
 * the next request, which keeps the bursts where they were. Deterministic per seed.
 */
export function scaleTrace(source: TraceSource, factor: number, seed: number): TraceSource {
  return {
    async *[Symbol.asyncIterator]() {
      const rng = new Rng(seed, "scale");
      const out = new BatchWriter();
      const whole = Math.floor(factor);
      const frac = factor - whole;
      const offsets: number[] = [];
      let have = false;
      let ht = 0;
      let hin = 0;
      let hout = 0;
      function* emit(nextT: number): Generator<TraceBatch> {
        const copies = whole + (frac > 0 && rng.next() < frac ? 1 : 0);
        if (copies === 0) return;
        const first = out.add(ht, hin, hout);
        if (first) yield first;
        if (copies === 1) return;
        offsets.length = 0;
        for (let c = 1; c < copies; c++) offsets.push(rng.next());
        offsets.sort((a, b) => a - b);
        const gap = nextT - ht;
        for (const u of offsets) {
          const full = out.add(ht + u * gap, hin, hout);
          if (full) yield full;
        }
      }
      for await (const b of source) {
        for (let i = 0; i < b.length; i++) {
          const t = b.t[i] as number;
          if (have) yield* emit(t);
          have = true;
          ht = t;
          hin = b.input[i] as number;
          hout = b.output[i] as number;
        }
      }
      if (have) yield* emit(ht);
      const rest = out.rest();
      if (rest) yield rest;
    },
  };
}

/**
 * The trace replayed `times` times back to back (reading the source again each time): pass k is
 * shifted by k periods, a period being the first pass's span plus its mean gap.
 */
export function repeatTrace(source: TraceSource, times: number): TraceSource {
  return {
    async *[Symbol.asyncIterator]() {
      let period = 0;
      for (let pass = 0; pass < times; pass++) {
        const offset = pass * period;
        let count = 0;
        let last = 0;
        for await (const b of source) {
          if (b.length > 0) {
            count += b.length;
            last = b.t[b.length - 1] as number;
          }
          if (offset === 0) {
            yield b;
            continue;
          }
          const shifted = newBatch(b.length);
          for (let i = 0; i < b.length; i++) shifted.t[i] = (b.t[i] as number) + offset;
          shifted.input.set(b.input.subarray(0, b.length));
          shifted.output.set(b.output.subarray(0, b.length));
          shifted.length = b.length;
          yield shifted;
        }
        if (pass === 0) period = last + (count > 1 ? last / (count - 1) : 1);
      }
    },
  };
}
