import { CONTROL_PLANES } from "../catalog/controlPlanes.js";
import type { Cloud } from "../catalog/machines.js";
import { loadTokensPerSecond, type Workload } from "../workload.js";
import {
  type NodePoolCandidate,
  nodePoolBill,
  nodePoolCandidates,
  nodePoolSizing,
  nodeScaleUpS,
  peakReplicas,
} from "./nodePool.js";
import { cents, infeasible, type PlacementOption, total } from "./types.js";

/** The Kubernetes variant the profile allows: Spot only when `constraints.spot` is true. */
export function kubernetesVariant(workload: Workload): string {
  return workload.profile.constraints.spot ? "on-demand+spot" : "on-demand";
}

/**
 * Kubernetes on `cloud` (GKE or EKS): the cheapest allowed node type that holds a replica, sized
 * for the peak during active hours, within the profile's replica bounds.
 */
export function kubernetesOption(workload: Workload, cloud: Cloud): PlacementOption {
  const service = CONTROL_PLANES[cloud].service;
  const variant = kubernetesVariant(workload);
  const base = { platform: "kubernetes" as const, cloud, variant, service };
  const { candidates, noFit } = nodePoolCandidates(workload, cloud);
  if (candidates.length === 0) return infeasible(base, noFit);
  const { profile } = workload;
  const peak = loadTokensPerSecond(workload.traffic).peak;
  const maxReplicas = profile.constraints.kubernetes.maxReplicas;
  let best:
    | { c: NodePoolCandidate; replicas: number; cost: number; bill: ReturnType<typeof nodePoolBill> }
    | undefined;
  let tooMany: { c: NodePoolCandidate; replicas: number } | undefined;
  for (const c of candidates) {
    const replicas = peakReplicas(workload, c, peak);
    if (replicas > maxReplicas) {
      if (!tooMany || replicas < tooMany.replicas) tooMany = { c, replicas };
      continue;
    }
    const bill = nodePoolBill(workload, c, replicas);
    const cost = total(bill.breakdown);
    if (!best || cost < best.cost || (cost === best.cost && bill.peakNodes < best.bill.peakNodes)) {
      best = { c, replicas, cost, bill };
    }
  }
  if (!best) {
    const t = tooMany as { c: NodePoolCandidate; replicas: number };
    return infeasible(
      base,
      `the ${Math.round(peak)} tok/s peak needs ${t.replicas} replicas on ${t.c.machine.name} (${Math.round(t.c.tokensPerSecond)} tok/s each at 80 % utilisation), above constraints.kubernetes.maxReplicas ${maxReplicas}`,
    );
  }
  const { c, replicas, cost, bill } = best;
  const budget = profile.constraints.budgetUsdPerMonth;
  const ttft = c.warmTtftMs;
  const scaleUp = nodeScaleUpS(workload);
  const notes = [
    `${c.machine.name} at $${c.prices.onDemand}/h on demand${c.prices.spot === null ? "" : `, $${c.prices.spot}/h Spot`} (${c.prices.overridden ? "pricing.instances" : `${c.machine.source}, ${c.machine.date}`})`,
    `throughput ${Math.round(c.tokensPerSecond)} tok/s per replica (${c.basis === "profile" ? "constraints.kubernetes.tokensPerSecondPerReplica" : `${c.rate.basis}: ${c.rate.source}`})`,
    `sized for the peak during active hours; a new GPU node takes ~${Math.round(scaleUp)} s to serve, so bursts above the peak-to-mean ratio queue`,
  ];
  if (profile.constraints.spot && bill.spotNodes === 0) {
    notes.push("Spot allowed but unused: every node is part of the on-demand floor");
  }
  return {
    id: `kubernetes/${cloud}/${variant}`,
    ...base,
    feasible: true,
    monthlyCostUsd: cents(cost),
    costBreakdown: Object.fromEntries(Object.entries(bill.breakdown).map(([k, v]) => [k, cents(v)])),
    ttftP95Ms: Math.round(ttft),
    meetsSlo: ttft <= profile.slo.ttftP95Ms,
    withinBudget: budget === undefined || cost <= budget,
    sizing: nodePoolSizing(c, replicas, bill.peakNodes),
    latency: { warmTtftP95Ms: Math.round(ttft), coldStartS: Math.round(scaleUp), coldStartShare: 0 },
    notes,
  };
}
