import { GPUS, type GpuType } from "./catalog/gpus.js";
import { LATENCY } from "./catalog/latency.js";
import { BYTES_PER_PARAM, type Precision } from "./catalog/models.js";
import { THROUGHPUT_MEASUREMENTS, THROUGHPUT_MODEL } from "./catalog/throughput.js";
import type { ResolvedModel, ResolvedTraffic } from "./workload.js";

/** How a replica's throughput was obtained. */
export type ThroughputBasis = "measured" | "estimate" | "profile";

/** Decode rate of one replica and where it comes from. */
export interface DecodeRate {
  /** Aggregate decode (output) tokens per second at full batch. */
  decodeTokensPerSecond: number;
  basis: ThroughputBasis;
  source: string;
}

/** Precisions with the same bytes per parameter run at about the same speed. */
const sameWidth = (a: Precision, b: Precision) => BYTES_PER_PARAM[a] === BYTES_PER_PARAM[b];

/**
 * Decode tokens per second of one replica of `model` on `gpus` GPUs of `gpuType`: a published
 * measurement when one matches (parameters within 10 %, same precision and GPUs), else the
 * bandwidth estimate `decodeK x gpus^scalingExponent x bandwidth / weights`.
 */
export function decodeRate(model: ResolvedModel, gpuType: GpuType, gpus: number): DecodeRate {
  const match = THROUGHPUT_MEASUREMENTS.find(
    (m) =>
      m.gpuType === gpuType &&
      m.gpus === gpus &&
      sameWidth(m.precision, model.precision) &&
      Math.abs(m.paramsB - model.paramsB) <= 0.1 * m.paramsB,
  );
  if (match) {
    // A measurement with a known mix includes prefill time; take it out to get the decode rate.
    const decode = match.mix
      ? (match.outputTokensPerSecond *
          (match.mix.output + match.mix.input / THROUGHPUT_MODEL.prefillToDecode)) /
        match.mix.output
      : match.outputTokensPerSecond;
    return { decodeTokensPerSecond: decode, basis: "measured", source: `${match.source}, ${match.date}` };
  }
  const bandwidth = GPUS[gpuType].bandwidthGBps * gpus ** THROUGHPUT_MODEL.scalingExponent;
  return {
    decodeTokensPerSecond: (THROUGHPUT_MODEL.decodeK * bandwidth) / model.weightsGB,
    basis: "estimate",
    source: THROUGHPUT_MODEL.source,
  };
}

/**
 * Input plus output tokens per second one replica sustains at the traffic's mix: each request
 * costs `output / decode + input / (prefillToDecode x decode)` seconds of the replica's time.
 */
export function replicaTokensPerSecond(rate: DecodeRate, traffic: ResolvedTraffic): number {
  const { avgInputTokens: input, avgOutputTokens: output } = traffic;
  return (
    (rate.decodeTokensPerSecond * (input + output)) / (output + input / THROUGHPUT_MODEL.prefillToDecode)
  );
}

/** p95 time to first token of a warm replica, ms: a fixed part plus the prefill wait under load. */
export function warmTtftP95Ms(rate: DecodeRate, traffic: ResolvedTraffic): number {
  const prefillSeconds =
    traffic.avgInputTokens / (THROUGHPUT_MODEL.prefillToDecode * rate.decodeTokensPerSecond);
  return LATENCY.warmBaseMs.value + LATENCY.warmQueueFactor.value * prefillSeconds * 1000;
}

/** Seconds to load the model's weights onto GPUs with an unoptimised loader. */
export function weightLoadSeconds(model: ResolvedModel): number {
  return model.weightsGB / LATENCY.weightLoadGBps.value;
}
