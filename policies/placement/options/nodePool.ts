import { GPUS } from "../catalog/gpus.js";
import { LATENCY } from "../catalog/latency.js";
import { type Cloud, MACHINES, type Machine } from "../catalog/machines.js";
import { TARGET_UTILISATION } from "../catalog/throughput.js";
import {
  type DecodeRate,
  decodeRate,
  replicaTokensPerSecond,
  type ThroughputBasis,
  warmTtftP95Ms,
  weightLoadSeconds,
} from "../performance.js";
import { controlPlaneUsdPerHour, type NodePrices, nodePrices } from "../prices.js";
import {
  availabilityFloor,
  fitReplica,
  MAX_NODES_PER_REPLICA,
  memoryPerReplicaGB,
  nodesFor,
  type ReplicaLayout,
  type Sizing,
  USABLE_MEMORY_FRACTION,
} from "../sizing.js";
import { HOURS_PER_MONTH, type Workload } from "../workload.js";

/** A GPU node machine that can hold one replica, with its layout, prices and throughput. */
export interface NodePoolCandidate {
  machine: Machine;
  prices: NodePrices;
  layout: ReplicaLayout;
  rate: DecodeRate;
  /** Input plus output tokens per second per replica. */
  tokensPerSecond: number;
  basis: ThroughputBasis;
  needGB: number;
  warmTtftMs: number;
}

/** Machines allowed on `cloud` that hold the model, and why the others do not. */
export function nodePoolCandidates(
  workload: Workload,
  cloud: Cloud,
): { candidates: NodePoolCandidate[]; noFit: string } {
  const { model, traffic, profile } = workload;
  const pinned = profile.constraints.kubernetes.instanceTypes;
  const machines = MACHINES.filter(
    (m) => m.cloud === cloud && (pinned === undefined || pinned.includes(m.name)),
  );
  const needGB = memoryPerReplicaGB(model, traffic);
  const candidates: NodePoolCandidate[] = [];
  for (const machine of machines) {
    const layout = fitReplica(needGB, machine.gpuType, machine.gpuCount, MAX_NODES_PER_REPLICA);
    if (!layout) continue;
    const rate = decodeRate(model, machine.gpuType, layout.gpusPerReplica);
    const override = profile.constraints.kubernetes.tokensPerSecondPerReplica;
    candidates.push({
      machine,
      prices: nodePrices(machine, profile.pricing),
      layout,
      rate,
      tokensPerSecond: override ?? replicaTokensPerSecond(rate, traffic),
      basis: override === undefined ? rate.basis : "profile",
      needGB,
      warmTtftMs: warmTtftP95Ms(rate, traffic),
    });
  }
  const largest = machines.reduce<Machine | undefined>(
    (a, b) =>
      a === undefined || GPUS[b.gpuType].memoryGB * b.gpuCount > GPUS[a.gpuType].memoryGB * a.gpuCount
        ? b
        : a,
    undefined,
  );
  const noFit =
    largest === undefined
      ? `no allowed ${cloud} node type`
      : `needs ${needGB.toFixed(0)} GB of GPU memory per replica (${model.weightsGB.toFixed(0)} GB of ${model.precision} weights plus KV cache); the largest allowed node, ${largest.name} (${largest.gpuCount} x ${largest.gpuType}), holds ${(GPUS[largest.gpuType].memoryGB * largest.gpuCount * USABLE_MEMORY_FRACTION).toFixed(0)} GB usable, and a replica may span at most ${MAX_NODES_PER_REPLICA} nodes`;
  return { candidates, noFit };
}

/** Replicas the peak needs at the target utilisation, at least the availability and profile floors. */
export function peakReplicas(
  workload: Workload,
  candidate: NodePoolCandidate,
  peakTokensPerSecond: number,
): number {
  const perReplica = candidate.tokensPerSecond * TARGET_UTILISATION.kubernetes;
  return Math.max(replicaFloor(workload), Math.ceil(peakTokensPerSecond / perReplica));
}

/** Fewest replicas: the profile's minimum and the availability floor. */
export function replicaFloor(workload: Workload): number {
  return Math.max(
    workload.profile.constraints.kubernetes.minReplicas,
    availabilityFloor(workload.profile.slo.availability),
  );
}

/** Seconds for a new GPU node to serve: autoscaler delay, node boot, image pull, engine start, weights. */
export function nodeScaleUpS(workload: Workload): number {
  return (
    LATENCY.autoscalerGpuDelayS.value +
    LATENCY.nodeProvisionS.value +
    LATENCY.imagePullS.value +
    LATENCY.engineInitS.value +
    weightLoadSeconds(workload.model)
  );
}

/** A node pool's monthly bill by part. */
export interface NodePoolBill {
  breakdown: Record<string, number>;
  peakNodes: number;
  baseNodes: number;
  spotNodes: number;
}

/**
 * Monthly bill of a GPU node pool with `replicas` replicas during active hours (docs/placement.md,
 * "Kubernetes"). The floor (profile minimum, availability) runs all month on demand; nodes above it
 * run during active hours, on Spot when allowed, with on-demand fallback for each interruption's
 * replacement time. The overhead factor applies to node cost; control plane and operations are
 * added once.
 */
export function nodePoolBill(workload: Workload, c: NodePoolCandidate, replicas: number): NodePoolBill {
  const { profile, traffic } = workload;
  const spread = profile.slo.availability > 0.99;
  const gpusPerNode = c.machine.gpuCount;
  const peakNodes = nodesFor(replicas, c.layout, gpusPerNode, spread);
  const baseNodes = Math.min(
    peakNodes,
    nodesFor(Math.min(replicas, replicaFloor(workload)), c.layout, gpusPerNode, spread),
  );
  const burstHours = (peakNodes - baseNodes) * HOURS_PER_MONTH * (traffic.activeHoursPerDay / 24);
  const spotPrice = profile.constraints.spot ? c.prices.spot : null;
  const breakdown: Record<string, number> = {};
  breakdown.onDemandNodes =
    (baseNodes * HOURS_PER_MONTH + (spotPrice === null ? burstHours : 0)) * c.prices.onDemand;
  let spotNodes = 0;
  if (spotPrice !== null && burstHours > 0) {
    spotNodes = peakNodes - baseNodes;
    breakdown.spotNodes = burstHours * spotPrice;
    breakdown.spotFallback =
      spotNodes * c.prices.interruptionPerMonth * (nodeScaleUpS(workload) / 3600) * c.prices.onDemand;
  }
  const nodeUsd = (breakdown.onDemandNodes ?? 0) + (breakdown.spotNodes ?? 0) + (breakdown.spotFallback ?? 0);
  breakdown.overhead = nodeUsd * (profile.pricing.overheadFactor - 1);
  breakdown.controlPlane = controlPlaneUsdPerHour(c.machine.cloud, profile.pricing) * HOURS_PER_MONTH;
  breakdown.operations = (profile.team.opsFte * profile.team.fteUsdPerYear) / 12;
  return { breakdown, peakNodes, baseNodes, spotNodes };
}

/** The `Sizing` of a node-pool deployment. */
export function nodePoolSizing(c: NodePoolCandidate, replicas: number, nodes: number): Sizing {
  return {
    gpuType: c.machine.gpuType,
    instanceType: c.machine.name,
    gpusPerReplica: c.layout.gpusPerReplica,
    tensorParallel: c.layout.tensorParallel,
    pipelineParallel: c.layout.pipelineParallel,
    nodesPerReplica: c.layout.nodesPerReplica,
    replicas,
    nodes,
    memoryPerReplicaGB: Math.round(c.needGB * 10) / 10,
    tokensPerSecondPerReplica: Math.round(c.tokensPerSecond),
    throughputBasis: c.basis,
  };
}
