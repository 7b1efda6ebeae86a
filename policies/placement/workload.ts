import type { Cloud } from "./catalog/machines.js";
import type { Precision } from "./catalog/models.js";
import type { WorkloadProfile } from "./profile.js";

/** The model as the policy sizes it, after the catalog lookup. */
export interface ResolvedModel {
  /** Catalog name, or `custom-<N>b` for a model given by size only. */
  name: string;
  /** Whether `name` is a catalog model (managed APIs serve only catalog models). */
  inCatalog: boolean;
  paramsB: number;
  precision: Precision;
  contextTokens: number;
  custom: boolean;
  /** Weights in GB at the precision. */
  weightsGB: number;
  /** KV cache per token, GB. */
  kvGBPerToken: number;
  /** Whether `kvGBPerToken` comes from the model's config (true) or the size-based estimate. */
  kvFromConfig: boolean;
}

/** Daily traffic with both volume forms filled in. */
export interface ResolvedTraffic {
  tokensPerDay: number;
  requestsPerDay: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  peakToMean: number;
  activeHoursPerDay: number;
}

/**
 * A profile resolved against the catalogs: what the sizing, cost and latency models read. Pure
 * data; build it with `resolveWorkload` and rescale it with `withTokensPerDay`.
 */
export interface Workload {
  profile: WorkloadProfile;
  model: ResolvedModel;
  traffic: ResolvedTraffic;
  clouds: Cloud[];
}

/** The same workload at another daily volume (requests scale with it; the mix stays). */
export function withTokensPerDay(workload: Workload, tokensPerDay: number): Workload {
  const perRequest = workload.traffic.avgInputTokens + workload.traffic.avgOutputTokens;
  return {
    ...workload,
    traffic: { ...workload.traffic, tokensPerDay, requestsPerDay: tokensPerDay / perRequest },
  };
}

/** Mean and peak load during active hours, tokens per second (input plus output). */
export function loadTokensPerSecond(traffic: ResolvedTraffic): { mean: number; peak: number } {
  const mean = traffic.tokensPerDay / (traffic.activeHoursPerDay * 3600);
  return { mean, peak: mean * traffic.peakToMean };
}

/** Hours in a month for always-on capacity, and days for traffic volumes (the reference's conventions). */
export const HOURS_PER_MONTH = 730;
/** Days in a month for token and request volumes. */
export const DAYS_PER_MONTH = 30;
