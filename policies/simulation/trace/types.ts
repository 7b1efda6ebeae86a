/** Trace formats `inferplane simulate` reads. */
export const TRACE_FORMATS = ["azure", "mooncake", "servegen", "csv"] as const;
/** A trace format name. */
export type TraceFormat = (typeof TRACE_FORMATS)[number];

/**
 * A run of requests in arrival order, in struct-of-arrays form so that a replay of millions of
 * requests allocates per batch, not per request. Only the first `length` entries are valid.
 */
export interface TraceBatch {
  /** Arrival, seconds from the first request of the trace (non-decreasing). */
  t: Float64Array;
  /** Input (prompt) tokens. */
  input: Float64Array;
  /** Output (generated) tokens. */
  output: Float64Array;
  length: number;
}

/** A new empty batch with room for `capacity` requests. */
export function newBatch(capacity: number): TraceBatch {
  return {
    t: new Float64Array(capacity),
    input: new Float64Array(capacity),
    output: new Float64Array(capacity),
    length: 0,
  };
}

/** A stream of request batches. Iterating it again reads the source again. */
export type TraceSource = AsyncIterable<TraceBatch>;

/** Requests per batch the readers produce. */
export const BATCH_SIZE = 4096;
