import type { Cloud } from "../catalog/machines.js";
import type { Platform } from "../profile.js";
import type { Sizing } from "../sizing.js";

/** Latency figures behind an option's `ttftP95Ms`. */
export interface LatencyDetail {
  /** p95 time to first token of a warm replica or API, ms. */
  warmTtftP95Ms: number;
  /** Time from no capacity to serving the first request, s (cold start or node scale-up); 0 if none. */
  coldStartS: number;
  /** Share of requests that wait for a cold start. */
  coldStartShare: number;
}

/**
 * One option the policy weighed: a platform on a cloud in one variant (e.g. Cloud Run scaled to
 * zero or with one warm instance). The field names up to `meetsSlo` are the `plan --json` contract.
 */
export interface PlacementOption {
  /** `<platform>/<cloud>/<variant>`, stable across runs. */
  id: string;
  platform: Platform;
  cloud: Cloud;
  /** e.g. `on-demand`, `scale-to-zero`, `min-1-instance`, `on-demand+spot`. */
  variant: string;
  /** The product: Bedrock, Vertex AI, Cloud Run, SageMaker, EKS, GKE. */
  service: string;
  /** Whether it can run at all (model fits, provider serves it, bounds allow it). */
  feasible: boolean;
  /** Why not, naming the number or constraint that rules it out. */
  infeasibleReason?: string;
  /** USD a month at 730 hours (30 days of traffic); `null` when infeasible. */
  monthlyCostUsd: number | null;
  /** Named parts of `monthlyCostUsd`, USD a month. */
  costBreakdown: Record<string, number>;
  /** p95 time to first token including cold starts, ms; `null` when infeasible. */
  ttftP95Ms: number | null;
  meetsSlo: boolean;
  /** Within `constraints.budgetUsdPerMonth` (true when there is none). */
  withinBudget: boolean;
  sizing: Sizing | null;
  latency: LatencyDetail | null;
  /** Assumptions worth knowing for this option (estimates used, region caveats). */
  notes: string[];
}

/** An option that cannot run, with its reason. */
export function infeasible(
  base: Pick<PlacementOption, "platform" | "cloud" | "variant" | "service">,
  reason: string,
): PlacementOption {
  return {
    id: `${base.platform}/${base.cloud}/${base.variant}`,
    ...base,
    feasible: false,
    infeasibleReason: reason,
    monthlyCostUsd: null,
    costBreakdown: {},
    ttftP95Ms: null,
    meetsSlo: false,
    withinBudget: false,
    sizing: null,
    latency: null,
    notes: [],
  };
}

/** Rounds to cents, so JSON output is stable and readable. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** Sums a cost breakdown. */
export function total(breakdown: Record<string, number>): number {
  return Object.values(breakdown).reduce((a, b) => a + b, 0);
}
