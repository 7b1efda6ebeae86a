import { CONTROL_PLANES } from "../catalog/controlPlanes.js";
import type { Cloud } from "../catalog/machines.js";
import { TARGET_UTILISATION } from "../catalog/throughput.js";
import { loadTokensPerSecond, type Workload } from "../workload.js";
import { kubernetesVariant } from "./kubernetes.js";
import { managedApiOption } from "./managedApi.js";
import { nodePoolBill, nodePoolCandidates, nodePoolSizing, peakReplicas, replicaFloor } from "./nodePool.js";
import { serverlessOption } from "./serverlessGpu.js";
import { cents, infeasible, type PlacementOption, total } from "./types.js";

/** Share of requests above which the overflow's latency sets the p95. */
const P95_TAIL = 0.05;

/**
 * Tokens a day above `capacity` tok/s. The day's active hours are modelled as a peak window of
 * `1/(2p)` of them at `p` times the mean and the rest at `p/(2p-1)` times the mean, which keeps
 * the mean and the peak-to-mean ratio `p` (docs/placement.md, "Hybrid").
 */
export function overflowTokensPerDay(
  workload: Workload,
  capacity: number,
): { tokens: number; hours: number } {
  const { mean } = loadTokensPerSecond(workload.traffic);
  const p = workload.traffic.peakToMean;
  const h = 1 / (2 * p);
  const activeSec = workload.traffic.activeHoursPerDay * 3600;
  const peakOver = h * activeSec * Math.max(0, p * mean - capacity);
  const baseOver = (1 - h) * activeSec * Math.max(0, (p * mean) / (2 * p - 1) - capacity);
  const hours = workload.traffic.activeHoursPerDay * (baseOver > 0 ? 1 : h);
  return { tokens: peakOver + baseOver, hours };
}

/** The overflow traffic as a workload of its own, flat over the hours it occurs. */
function overflowWorkload(workload: Workload, tokens: number, hours: number): Workload {
  const perRequest = workload.traffic.avgInputTokens + workload.traffic.avgOutputTokens;
  return {
    ...workload,
    traffic: {
      ...workload.traffic,
      tokensPerDay: tokens,
      requestsPerDay: tokens / perRequest,
      peakToMean: 1,
      activeHoursPerDay: hours,
    },
  };
}

/**
 * Hybrid on `cloud`: a Kubernetes base with overflow to the cloud's serverless GPU (scaled to
 * zero) or managed API, whichever is cheaper. Every base size from the replica floor to the
 * peak's is tried and the cheapest total kept, so the cost never falls as traffic grows.
 */
export function hybridOption(workload: Workload, cloud: Cloud): PlacementOption {
  const variant = kubernetesVariant(workload);
  const k8s = CONTROL_PLANES[cloud].service;
  const base = { platform: "hybrid" as const, cloud, variant, service: k8s };
  const { candidates, noFit } = nodePoolCandidates(workload, cloud);
  if (candidates.length === 0) return infeasible(base, `its Kubernetes base ${noFit}`);
  const { profile, traffic } = workload;
  const peak = loadTokensPerSecond(traffic).peak;
  const maxReplicas = profile.constraints.kubernetes.maxReplicas;
  let best:
    | { cost: number; option: PlacementOption; overflow: PlacementOption | null; share: number; ttft: number }
    | undefined;
  let overflowReason = "";
  for (const c of candidates) {
    const top = Math.min(maxReplicas, peakReplicas(workload, c, peak));
    for (let r = replicaFloor(workload); r <= top; r++) {
      const capacity = r * c.tokensPerSecond * TARGET_UTILISATION.kubernetes;
      const over = overflowTokensPerDay(workload, capacity);
      let overflow: PlacementOption | null = null;
      if (over.tokens > 0) {
        const w = overflowWorkload(workload, over.tokens, over.hours);
        const choices = [managedApiOption(w, cloud), serverlessOption(w, cloud, "scale-to-zero", 0)].filter(
          (o): o is PlacementOption => o?.feasible === true && o.monthlyCostUsd !== null,
        );
        if (choices.length === 0) {
          overflowReason =
            "the base cannot cover the peak and neither the managed API nor serverless GPU can take the overflow";
          continue;
        }
        overflow = choices.reduce((a, b) => ((b.monthlyCostUsd ?? 0) < (a.monthlyCostUsd ?? 0) ? b : a));
      }
      const bill = nodePoolBill(workload, c, r);
      const breakdown = { ...bill.breakdown, overflow: overflow?.monthlyCostUsd ?? 0 };
      const cost = total(breakdown);
      if (best && cost >= best.cost) continue;
      const share = over.tokens / traffic.tokensPerDay;
      const coldShare = share * (overflow?.latency?.coldStartShare ?? 0);
      const warm =
        share > P95_TAIL ? Math.max(c.warmTtftMs, overflow?.latency?.warmTtftP95Ms ?? 0) : c.warmTtftMs;
      const ttft = coldShare > P95_TAIL ? warm + (overflow?.latency?.coldStartS ?? 0) * 1000 : warm;
      const budget = profile.constraints.budgetUsdPerMonth;
      best = {
        cost,
        overflow,
        share,
        ttft,
        option: {
          id: `hybrid/${cloud}/${variant}`,
          ...base,
          service: overflow ? `${k8s} + ${overflow.service}` : k8s,
          feasible: true,
          monthlyCostUsd: cents(cost),
          costBreakdown: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, cents(v)])),
          ttftP95Ms: Math.round(ttft),
          meetsSlo:
            ttft <= profile.slo.ttftP95Ms &&
            (overflow === null || cloud !== "aws" || coldShare <= 1 - profile.slo.availability),
          withinBudget: budget === undefined || cost <= budget,
          sizing: nodePoolSizing(c, r, bill.peakNodes),
          latency: {
            warmTtftP95Ms: Math.round(warm),
            coldStartS: overflow?.latency?.coldStartS ?? 0,
            coldStartShare: coldShare,
          },
          notes: [
            `base: ${r} replica(s) on ${c.machine.name}, ${Math.round(capacity)} tok/s at 80 % utilisation`,
            overflow
              ? `overflow: ${(share * 100).toFixed(1)} % of tokens to ${overflow.service} (${overflow.variant}), $${overflow.monthlyCostUsd}/month`
              : "no overflow: the cheapest base already covers the peak",
          ],
        },
      };
    }
  }
  return (
    best?.option ?? infeasible(base, overflowReason || "no base size within constraints.kubernetes bounds")
  );
}
