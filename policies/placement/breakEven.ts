import { evaluateOptionById } from "./options/evaluate.js";
import type { PlacementOption } from "./options/types.js";
import type { Platform } from "./profile.js";
import { type Workload, withTokensPerDay } from "./workload.js";

/** One end of a break-even: an option by platform and cloud. */
export interface BreakEvenSide {
  id: string;
  platform: Platform;
  cloud: string;
}

/**
 * Daily volume at which the cheapest self-hosted option and the cheapest pay-per-use option cost
 * the same (`plan --json` contract: `tokensPerDay`, `between`).
 */
export interface BreakEven {
  /** Tokens a day (input plus output) where the cost curves cross, or `null` when they do not. */
  tokensPerDay: number | null;
  /** `[self-hosted, pay-per-use]`, or `null` when one side has no feasible option. */
  between: [BreakEvenSide, BreakEvenSide] | null;
  /** In words: which side wins below and above, or why there is no crossing. */
  reason: string;
}

/** Volumes the search covers, tokens a day. */
export const BREAK_EVEN_RANGE = { min: 1e4, max: 1e13 } as const;
const STEPS_PER_DECADE = 24;

const SELF_HOSTED: readonly Platform[] = ["kubernetes"];
const PAY_PER_USE: readonly Platform[] = ["managed-api", "serverless-gpu"];

function cheapest(options: PlacementOption[], platforms: readonly Platform[]): PlacementOption | undefined {
  return options
    .filter((o) => o.feasible && o.monthlyCostUsd !== null && platforms.includes(o.platform))
    .reduce<PlacementOption | undefined>(
      (a, b) => (a === undefined || (b.monthlyCostUsd ?? 0) < (a.monthlyCostUsd ?? 0) ? b : a),
      undefined,
    );
}

/** Monthly cost of option `id` at `tokensPerDay`, or `undefined` where it is infeasible. */
export function costAt(workload: Workload, id: string, tokensPerDay: number): number | undefined {
  const o = evaluateOptionById(withTokensPerDay(workload, tokensPerDay), id);
  return o?.feasible && o.monthlyCostUsd !== null ? o.monthlyCostUsd : undefined;
}

/**
 * Finds the lowest volume at which the cheapest pay-per-use option (at the profile's volume)
 * costs at least as much as the cheapest self-hosted one: a log-spaced scan of
 * {@link BREAK_EVEN_RANGE}, then bisection on the first bracket.
 */
export function breakEven(workload: Workload, options: PlacementOption[]): BreakEven {
  const self = cheapest(options, SELF_HOSTED);
  const payg = cheapest(options, PAY_PER_USE);
  if (!self || !payg) {
    const missing = self ? "pay-per-use (managed-api, serverless-gpu)" : "self-hosted (kubernetes)";
    return { tokensPerDay: null, between: null, reason: `no feasible ${missing} option to compare` };
  }
  const between: [BreakEvenSide, BreakEvenSide] = [
    { id: self.id, platform: self.platform, cloud: self.cloud },
    { id: payg.id, platform: payg.platform, cloud: payg.cloud },
  ];
  const gap = (t: number): number | undefined => {
    const a = costAt(workload, payg.id, t);
    const b = costAt(workload, self.id, t);
    return a === undefined || b === undefined ? undefined : a - b;
  };
  const decades = Math.log10(BREAK_EVEN_RANGE.max / BREAK_EVEN_RANGE.min);
  let previous: number | undefined;
  for (let i = 0; i <= decades * STEPS_PER_DECADE; i++) {
    const t = BREAK_EVEN_RANGE.min * 10 ** (i / STEPS_PER_DECADE);
    const g = gap(t);
    if (g === undefined) {
      const stops = costAt(workload, self.id, t) === undefined ? self.id : payg.id;
      return {
        tokensPerDay: null,
        between,
        reason: `${payg.id} stays cheaper than ${self.id} up to ${fmt(previous ?? t)} tokens/day; above that ${stops} is infeasible (e.g. its replica bound)`,
      };
    }
    if (g >= 0) {
      if (previous === undefined) {
        return {
          tokensPerDay: null,
          between,
          reason: `${self.id} is cheaper than ${payg.id} at every volume from ${fmt(t)} tokens/day`,
        };
      }
      let lo = previous;
      let hi = t;
      for (let k = 0; k < 60 && hi / lo > 1 + 1e-9; k++) {
        const mid = Math.sqrt(lo * hi);
        const gm = gap(mid);
        if (gm !== undefined && gm >= 0) hi = mid;
        else lo = mid;
      }
      return {
        tokensPerDay: Math.ceil(hi),
        between,
        reason: `below ${fmt(hi)} tokens/day ${payg.id} is cheaper; above it ${self.id} is`,
      };
    }
    previous = t;
  }
  return {
    tokensPerDay: null,
    between,
    reason: `${payg.id} is cheaper than ${self.id} at every volume up to ${fmt(BREAK_EVEN_RANGE.max)} tokens/day`,
  };
}

/** `115.0M`, `1.26B`: a volume in words for reasons. */
export function fmt(tokens: number): string {
  if (tokens >= 1e9) return `${(tokens / 1e9).toPrecision(3)}B`;
  if (tokens >= 1e6) return `${(tokens / 1e6).toPrecision(3)}M`;
  if (tokens >= 1e3) return `${(tokens / 1e3).toPrecision(3)}k`;
  return tokens.toPrecision(3);
}
