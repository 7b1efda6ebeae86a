import { costAt } from "./breakEven.js";
import type { PlacementOption } from "./options/types.js";
import type { Workload } from "./workload.js";

/** Monthly cost of one option across daily volumes; `null` where it is infeasible. */
export interface CostCurve {
  id: string;
  points: Array<{ tokensPerDay: number; monthlyCostUsd: number | null }>;
}

/**
 * Cost curves of the options that are feasible at the profile's volume, over `range` (default:
 * three decades either side of the profile's volume), `perDecade` points a decade.
 */
export function costCurves(
  workload: Workload,
  options: PlacementOption[],
  range: { min: number; max: number } = {
    min: Math.max(1e4, workload.traffic.tokensPerDay / 1000),
    max: workload.traffic.tokensPerDay * 1000,
  },
  perDecade = 10,
): CostCurve[] {
  const steps = Math.ceil(Math.log10(range.max / range.min) * perDecade);
  const volumes = Array.from(
    { length: steps + 1 },
    (_, i) => range.min * (range.max / range.min) ** (i / steps),
  );
  return options
    .filter((o) => o.feasible)
    .map((o) => ({
      id: o.id,
      points: volumes.map((t) => ({ tokensPerDay: t, monthlyCostUsd: costAt(workload, o.id, t) ?? null })),
    }));
}
