/**
 * Worker side of {@link readTraceStatsSync}: streams the trace with the ordinary readers, posts its
 * statistics (or the error) on the port, then wakes the waiting thread.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import { isInputError } from "../../../common/inputError.js";
import { openTrace, type TraceSpec } from "./open.js";
import { type TraceStats, TraceStatsAccumulator } from "./stats.js";

/** What {@link readTraceStatsSync} starts the worker with. */
export interface StatsWorkerData {
  spec: Pick<TraceSpec, "file" | "format">;
  port: MessagePort;
  /** Set to 1 (and notified) once the answer is on the port. */
  signal: Int32Array;
}

/** The answer: statistics, or an error to throw in the caller. */
export type StatsAnswer =
  | { ok: true; stats: TraceStats }
  | { ok: false; input: boolean; message: string; file?: string; fieldPath?: string };

async function answer(data: StatsWorkerData): Promise<StatsAnswer> {
  try {
    const opened = await openTrace(data.spec);
    const acc = new TraceStatsAccumulator();
    for await (const b of opened.source) acc.add(b);
    return { ok: true, stats: acc.result() };
  } catch (error) {
    if (isInputError(error)) {
      return {
        ok: false,
        input: true,
        message: error.message,
        ...(error.file === undefined ? {} : { file: error.file }),
        ...(error.fieldPath === undefined ? {} : { fieldPath: error.fieldPath }),
      };
    }
    return { ok: false, input: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const data = workerData as StatsWorkerData | undefined;
if (data?.port) {
  const reply = await answer(data);
  data.port.postMessage(reply);
  Atomics.store(data.signal, 0, 1);
  Atomics.notify(data.signal, 0);
}
