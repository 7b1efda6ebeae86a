import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { InputError } from "../../../common/inputError.js";
import { startSimulationWorker } from "../worker.js";
import type { TraceStats } from "./stats.js";
import type { StatsAnswer, StatsWorkerData } from "./statsWorker.js";
import type { TraceFormat } from "./types.js";

/** Longest a caller waits for a trace to be read, ms. */
const TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The statistics of a trace (one streaming pass with the ordinary readers, so in constant memory),
 * for synchronous callers such as loading a workload profile that names a trace. The pass runs in a
 * worker thread while this one waits; ~0.3 s of start-up plus the read. Throws the readers'
 * {@link InputError} (missing file, unknown format, empty trace) as is.
 */
export function readTraceStatsSync(spec: { file: string; format?: TraceFormat }): TraceStats {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const workerData: StatsWorkerData = { spec, port: port2, signal };
  const worker = startSimulationWorker(
    "trace/statsWorker",
    { workerData, transferList: [port2] },
    // Loading failed: answer with the error rather than leave the caller waiting.
    `const d = require("node:worker_threads").workerData; d.port.postMessage({ ok: false, input: false, message: String(e && e.message || e) }); Atomics.store(d.signal, 0, 1); Atomics.notify(d.signal, 0);`,
  );
  worker.unref();
  try {
    if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === "timed-out") {
      throw new Error(`${spec.file}: reading the trace took over ${TIMEOUT_MS / 60_000} minutes`);
    }
    const reply = receiveMessageOnPort(port1)?.message as StatsAnswer | undefined;
    if (!reply) throw new Error(`${spec.file}: the trace reader gave no answer`);
    if (reply.ok) return reply.stats;
    if (reply.input) {
      throw new InputError(reply.message, {
        ...(reply.file === undefined ? {} : { file: reply.file }),
        ...(reply.fieldPath === undefined ? {} : { fieldPath: reply.fieldPath }),
      });
    }
    throw new Error(`${spec.file}: reading the trace failed: ${reply.message}`);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
