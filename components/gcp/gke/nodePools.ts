import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
  CAPACITY_TYPE_LABEL,
  cloudTaintEffect,
  GPU_POOL_LABEL,
  GPU_TAINT,
  GPU_TYPE_LABEL,
  type NodeTaint,
} from "../../shared/gpuNodes.js";
import type { ResolvedGkeArgs, ResolvedGkeGpuPool } from "./validate.js";

type NodeConfig = gcp.types.input.container.NodePoolNodeConfig;

/**
 * Spot nodes in Standard pools are not tainted by GKE (only Autopilot and node auto-provisioning
 * do it; anchors-and-api-facts.md §2.7, open item 4), so the Spot pool declares GKE's own key.
 * https://cloud.google.com/kubernetes-engine/docs/how-to/spot-vms#use_taints_and_tolerations_for
 */
export const GKE_SPOT_TAINT: NodeTaint = {
  key: "cloud.google.com/gke-spot",
  value: "true",
  effect: "NoSchedule",
};

/** Label and taint GKE expects on manually created pools that a custom ComputeClass uses. */
export const COMPUTE_CLASS_KEY = "cloud.google.com/compute-class";

/** What every pool shares: the cluster, its node identity and the hardening settings. */
export interface PoolContext {
  name: string;
  project: pulumi.Input<string>;
  cluster: gcp.container.Cluster;
  location: string;
  serviceAccount: pulumi.Input<string>;
  bootDiskKmsKey: string | undefined;
  resourceLabels: Record<string, string>;
  parent: pulumi.Resource;
  dependsOn: pulumi.Resource[];
}

/** Capacity flavour of one node pool of a GPU shape. */
type Capacity = "on-demand" | "spot" | "reservation" | "flex-start";

/** One created GPU node pool with its capacity flavour. */
export interface GpuNodePool {
  shape: string;
  capacity: Capacity;
  poolName: string;
  pool: gcp.container.NodePool;
}

// GKE mutates taints and labels on GPU nodes (provider doc; accelerated-platforms does the same).
const IGNORE_MUTATED = ["nodeConfig.taints", "nodeConfig.labels", "nodeConfig.resourceLabels"];

/** Hardening every pool shares: CIS GKE 5.2.1, 5.4.1, 5.5.1, 5.5.5-5.5.7. */
export function hardenedNodeConfig(
  ctx: Pick<PoolContext, "serviceAccount" | "bootDiskKmsKey" | "resourceLabels">,
  secureBoot: boolean,
): NodeConfig {
  return {
    serviceAccount: ctx.serviceAccount,
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    workloadMetadataConfig: { mode: "GKE_METADATA" },
    shieldedInstanceConfig: { enableSecureBoot: secureBoot, enableIntegrityMonitoring: true },
    imageType: "COS_CONTAINERD",
    metadata: { "disable-legacy-endpoints": "true" },
    gcfsConfig: { enabled: true },
    gvnic: { enabled: true },
    resourceLabels: ctx.resourceLabels,
    ...(ctx.bootDiskKmsKey ? { bootDiskKmsKey: ctx.bootDiskKmsKey } : {}),
  };
}

/** The pool for cluster add-ons: no GPUs, no taints, on-demand, spread over every zone. */
export function createSystemPool(ctx: PoolContext, a: ResolvedGkeArgs): gcp.container.NodePool {
  return new gcp.container.NodePool(
    `${ctx.name}-system`,
    {
      name: "system",
      project: ctx.project,
      cluster: ctx.cluster.name,
      location: ctx.location,
      nodeLocations: a.zones,
      initialNodeCount: Math.max(1, Math.ceil(a.systemMinNodes / a.zones.length)),
      autoscaling: {
        totalMinNodeCount: a.systemMinNodes,
        totalMaxNodeCount: a.systemMaxNodes,
        locationPolicy: "BALANCED",
      },
      management: { autoRepair: true, autoUpgrade: true },
      upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
      nodeConfig: {
        ...hardenedNodeConfig(ctx, true),
        machineType: a.systemMachineType,
        diskType: "pd-balanced",
        diskSizeGb: 100,
        labels: { "inferplane.dev/pool": "system" },
      },
    },
    { parent: ctx.parent, dependsOn: ctx.dependsOn, ignoreChanges: ["initialNodeCount"] },
  );
}

/**
 * The pools of one GPU shape: on-demand and Spot (the fallback pair), plus optional reservation
 * and queued-provisioning pools. All share machine type, zones, GPU taint and labels, so a
 * workload that tolerates Spot can run on any of them and the cluster autoscaler falls back to
 * the next pool when one cannot get capacity. Pools scale from zero.
 */
export function createGpuPools(ctx: PoolContext, p: ResolvedGkeGpuPool, computeClass: string | undefined) {
  const capacities: Capacity[] = [];
  if (p.reservationName) capacities.push("reservation");
  if (p.spot) capacities.push("spot");
  if (p.onDemand) capacities.push("on-demand");
  if (p.queuedProvisioning) capacities.push("flex-start");
  return capacities.map((capacity): GpuNodePool => {
    const poolName = `${p.name}-${SUFFIX[capacity]}`;
    const pool = new gcp.container.NodePool(
      `${ctx.name}-${poolName}`,
      gpuPoolArgs(ctx, p, capacity, poolName, computeClass),
      {
        parent: ctx.parent,
        dependsOn: ctx.dependsOn,
        ignoreChanges: [...IGNORE_MUTATED, "initialNodeCount"],
        // Pool names are explicit (ComputeClasses and workloads refer to them), so a replacement
        // must delete first; the other pools of the shape keep serving meanwhile.
        deleteBeforeReplace: true,
      },
    );
    return { shape: p.name, capacity, poolName, pool };
  });
}

const SUFFIX: Record<Capacity, string> = {
  "on-demand": "od",
  spot: "spot",
  reservation: "res",
  "flex-start": "dws",
};

function gpuPoolArgs(
  ctx: PoolContext,
  p: ResolvedGkeGpuPool,
  capacity: Capacity,
  poolName: string,
  computeClass: string | undefined,
): gcp.container.NodePoolArgs {
  const driverDisabled = p.gpuDriverVersion === "INSTALLATION_DISABLED";
  const taints: NodeTaint[] = [GPU_TAINT];
  if (capacity === "spot") taints.push(GKE_SPOT_TAINT);
  if (computeClass) taints.push({ key: COMPUTE_CLASS_KEY, value: computeClass, effect: "NoSchedule" });
  const labels: Record<string, string> = {
    [GPU_POOL_LABEL]: p.name,
    [GPU_TYPE_LABEL]: p.gpuType,
    [CAPACITY_TYPE_LABEL]: capacity,
    ...(computeClass ? { [COMPUTE_CLASS_KEY]: computeClass } : {}),
    // Lets the NVIDIA GPU operator's device plugin replace GKE's (anchors §2.7).
    ...(driverDisabled ? { "gke-no-default-nvidia-gpu-device-plugin": "true" } : {}),
  };
  const scalesAny = capacity === "spot" || capacity === "flex-start";
  return {
    name: poolName,
    project: ctx.project,
    cluster: ctx.cluster.name,
    location: ctx.location,
    nodeLocations: p.zones,
    initialNodeCount: Math.ceil(p.minNodes / p.zones.length),
    autoscaling: {
      totalMinNodeCount: capacity === "flex-start" ? 0 : p.minNodes,
      totalMaxNodeCount: p.maxNodes,
      // ANY finds scarce GPU/Spot capacity in whichever zone has it; BALANCED spreads on-demand.
      locationPolicy: scalesAny ? "ANY" : "BALANCED",
    },
    // GKE's DWS guide turns auto-repair off on queued-provisioning pools: the named trade of that option.
    management: { autoRepair: capacity !== "flex-start", autoUpgrade: true },
    // No surge: a surge node needs GPU quota that is often not there; upgrade one node at a time.
    upgradeSettings: { strategy: "SURGE", maxSurge: 0, maxUnavailable: 1 },
    ...(capacity === "flex-start" ? { queuedProvisioning: { enabled: true } } : {}),
    nodeConfig: {
      // GKE-06 exception: operator-compiled drivers are unsigned, so Secure Boot would reject them.
      ...hardenedNodeConfig(ctx, !driverDisabled),
      machineType: p.machine.machineType,
      spot: capacity === "spot",
      guestAccelerators: [
        {
          type: p.gkeAccelerator,
          count: p.gpusPerNode,
          gpuDriverInstallationConfig: { gpuDriverVersion: p.gpuDriverVersion },
        },
      ],
      taints: taints.map((t) => ({ key: t.key, value: t.value, effect: cloudTaintEffect(t.effect) })),
      labels,
      diskType: diskTypeFor(p.machine.machineType),
      diskSizeGb: p.diskSizeGb,
      ...(p.localSsdCount > 0 ? { ephemeralStorageLocalSsdConfig: { localSsdCount: p.localSsdCount } } : {}),
      reservationAffinity: reservationAffinity(capacity, p.reservationName),
    },
  };
}

function reservationAffinity(capacity: Capacity, reservation: string | undefined) {
  if (capacity === "reservation" && reservation) {
    return {
      consumeReservationType: "SPECIFIC_RESERVATION",
      key: "compute.googleapis.com/reservation-name",
      values: [reservation],
    };
  }
  // On-demand VMs use any matching unused reservation (Compute Engine's default, already paid
  // for); Spot and queued-provisioning VMs cannot consume reservations.
  return { consumeReservationType: capacity === "on-demand" ? "ANY_RESERVATION" : "NO_RESERVATION" };
}

/** A3 Ultra and A4 machines boot only from Hyperdisk (accelerator-optimized machines page, 2026-12). */
function diskTypeFor(machineType: string): string {
  return /^(a3-ultragpu|a4-)/.test(machineType) ? "hyperdisk-balanced" : "pd-balanced";
}
