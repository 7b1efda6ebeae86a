import { ArgChecker } from "../../shared/argChecks.js";
import {
  findGpuType,
  GKE_MACHINE_SHAPES,
  type GkeMachineShape,
  GPU_TYPES,
  gkeMachineShape,
  gkeMachineTypesFor,
  offeredCounts,
} from "../../shared/gpuCatalog.js";
import type { GkeGpuClusterArgs, GkeGpuPoolArgs } from "./args.js";

/** A GPU shape after validation, with every default filled in. */
export interface ResolvedGkeGpuPool {
  name: string;
  gpuType: string;
  gkeAccelerator: string;
  gpusPerNode: number;
  machine: GkeMachineShape;
  minNodes: number;
  maxNodes: number;
  onDemand: boolean;
  spot: boolean;
  zones: string[];
  reservationName: string | undefined;
  queuedProvisioning: boolean;
  gpuDriverVersion: string;
  diskSizeGb: number;
  localSsdCount: number;
}

/** {@link GkeGpuClusterArgs} after validation, with defaults filled in. */
export interface ResolvedGkeArgs {
  region: string;
  zones: string[];
  zonal: boolean;
  releaseChannel: string;
  maintenanceStartTime: string;
  publicEndpoint: boolean;
  authorizedNetworks: string[] | undefined;
  masterIpv4CidrBlock: string;
  nodesCidr: string;
  podsCidr: string;
  servicesCidr: string;
  podsRangeName: string;
  servicesRangeName: string;
  binaryAuthorization: boolean;
  deletionProtection: boolean;
  systemMachineType: string;
  systemMinNodes: number;
  systemMaxNodes: number;
  gpuPools: ResolvedGkeGpuPool[];
  computeClasses: boolean;
  computeClassActiveMigration: boolean;
}

const RELEASE_CHANNELS = ["RAPID", "REGULAR", "STABLE", "EXTENDED"];
const DRIVER_VERSIONS = ["LATEST", "DEFAULT", "INSTALLATION_DISABLED"];

/**
 * Checks {@link GkeGpuClusterArgs} before any resource exists and fills in the defaults. Throws an
 * InputError naming the field and the fix for: an unknown GPU type, a GPU type the catalog does
 * not offer in the region, zero zones (or one without `singleZone`), zones outside the region, a
 * machine type without the requested GPUs, Spot without an on-demand fallback (unless
 * `allowSpotOnly`), a public endpoint without authorized networks, 0.0.0.0/0.
 */
export function validateGkeGpuClusterArgs(
  args: GkeGpuClusterArgs,
  region: string | undefined,
): ResolvedGkeArgs {
  const c: ArgChecker = new ArgChecker("GkeGpuCluster");
  const r = args.region ?? region;
  if (!r) c.fail("region", "no region given and no gcp:region config", "set args.region or `gcp:region`");
  if (!/^[a-z]+-[a-z]+\d+$/.test(r))
    c.fail("region", `"${r}" is not a Google Cloud region`, 'e.g. "us-central1"');

  const zones = args.zones ?? [];
  if (zones.length === 0)
    c.fail("zones", "no zones given", `list at least two zones of ${r}, e.g. ${r}-a, ${r}-b`);
  c.unique("zones", zones);
  zones.forEach((z, i) => {
    if (!z.startsWith(`${r}-`))
      c.fail(`zones[${i}]`, `"${z}" is not a zone of ${r}`, `use zones named ${r}-<letter>`);
  });
  if (zones.length < 2 && !args.singleZone) {
    c.fail(
      "zones",
      "one zone puts every GPU node in one capacity pool and one failure domain (SPOT-03, REL-03)",
      "list two or more zones, or set singleZone: true to accept the risk",
    );
  }

  if (args.clusterName !== undefined) c.dnsLabel("clusterName", args.clusterName, 40);
  const releaseChannel = args.releaseChannel ?? "REGULAR";
  c.oneOf("releaseChannel", releaseChannel, RELEASE_CHANNELS);
  const maintenanceStartTime = args.maintenanceStartTime ?? "03:00";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(maintenanceStartTime)) {
    c.fail("maintenanceStartTime", `"${maintenanceStartTime}" is not HH:MM`, 'write a UTC time like "03:00"');
  }

  const publicEndpoint = args.publicEndpoint ?? false;
  if (args.authorizedNetworks !== undefined) c.restrictedCidrs("authorizedNetworks", args.authorizedNetworks);
  if (publicEndpoint && (args.authorizedNetworks ?? []).length === 0) {
    c.fail(
      "authorizedNetworks",
      "a public endpoint without authorized networks is reachable from the whole internet (GKE-01)",
      "list the CIDR ranges that may reach the control plane, or keep publicEndpoint false",
    );
  }
  const masterIpv4CidrBlock = args.masterIpv4CidrBlock ?? "172.16.0.0/28";
  c.cidr("masterIpv4CidrBlock", masterIpv4CidrBlock);
  const nodesCidr = args.nodesCidr ?? "10.0.0.0/20";
  const podsCidr = args.podsCidr ?? "10.16.0.0/14";
  const servicesCidr = args.servicesCidr ?? "10.20.0.0/20";
  c.cidr("nodesCidr", nodesCidr);
  c.cidr("podsCidr", podsCidr);
  c.cidr("servicesCidr", servicesCidr);
  if ((args.network === undefined) !== (args.subnetwork === undefined)) {
    c.fail(
      "subnetwork",
      "network and subnetwork must be given together",
      "give both, or neither to create them",
    );
  }

  const systemMinNodes = args.systemMinNodes ?? 2;
  const systemMaxNodes = args.systemMaxNodes ?? 6;
  c.integer("systemMinNodes", systemMinNodes, 1, 1000);
  c.integer("systemMaxNodes", systemMaxNodes, systemMinNodes, 1000);

  const pools = args.gpuPools ?? [];
  if (pools.length === 0) c.fail("gpuPools", "no GPU pools given", "add at least one GPU shape");
  c.unique(
    "gpuPools",
    pools.map((p) => p.name),
  );
  const gpuPools = pools.map((p, i) =>
    resolvePool(c, p, `gpuPools[${i}]`, r, zones, args.skipCatalogRegionCheck),
  );

  return {
    region: r,
    zones,
    zonal: args.zonal ?? false,
    releaseChannel,
    maintenanceStartTime,
    publicEndpoint,
    authorizedNetworks: args.authorizedNetworks,
    masterIpv4CidrBlock,
    nodesCidr,
    podsCidr,
    servicesCidr,
    podsRangeName: args.podsRangeName ?? "pods",
    servicesRangeName: args.servicesRangeName ?? "services",
    binaryAuthorization: args.binaryAuthorization ?? true,
    deletionProtection: args.deletionProtection ?? true,
    systemMachineType: args.systemMachineType ?? "e2-standard-4",
    systemMinNodes,
    systemMaxNodes,
    gpuPools,
    computeClasses: args.computeClasses ?? false,
    computeClassActiveMigration: args.computeClassActiveMigration ?? false,
  };
}

function resolvePool(
  c: ArgChecker,
  p: GkeGpuPoolArgs,
  at: string,
  region: string,
  clusterZones: string[],
  skipRegionCheck: boolean | undefined,
): ResolvedGkeGpuPool {
  c.dnsLabel(`${at}.name`, p.name, 20);
  const gpu = findGpuType(p.gpuType);
  const onGcp = GPU_TYPES.filter((g) => g.gkeAccelerator !== undefined).map((g) => g.id);
  if (!gpu?.gkeAccelerator) {
    c.fail(
      `${at}.gpuType`,
      `"${p.gpuType}" is not a GPU type GKE offers in the catalog`,
      `use one of ${onGcp.join(", ")}`,
    );
  }
  const accelerator = gpu.gkeAccelerator;
  if (!skipRegionCheck && !gpu.gcpRegions.includes(region)) {
    c.fail(
      `${at}.gpuType`,
      `${gpu.id} is not offered in ${region} according to the catalog (offered in ${gpu.gcpRegions.join(", ")})`,
      "pick another region or GPU type, or set skipCatalogRegionCheck if the catalog is out of date",
    );
  }
  const gpusPerNode = p.gpusPerNode ?? 1;
  c.integer(`${at}.gpusPerNode`, gpusPerNode, 1, 16);

  let machine: GkeMachineShape | undefined;
  if (p.machineType !== undefined) {
    machine = gkeMachineShape(p.machineType);
    if (!machine) {
      c.fail(
        `${at}.machineType`,
        `${p.machineType} has no GPUs in the catalog, so it cannot back a GPU pool`,
        `use a GPU machine type such as ${gkeMachineTypesFor(gpu.id, gpusPerNode)[0]?.machineType ?? "a2-highgpu-1g"}`,
      );
    }
    if (machine.gpuType !== gpu.id || machine.gpuCount !== gpusPerNode) {
      c.fail(
        `${at}.machineType`,
        `${p.machineType} carries ${machine.gpuCount} x ${machine.gpuType}, not ${gpusPerNode} x ${gpu.id}`,
        "match machineType to gpuType and gpusPerNode, or leave machineType out",
      );
    }
  } else {
    machine = gkeMachineTypesFor(gpu.id, gpusPerNode).find((m) => !m.spotOrFlexOnly);
    machine ??= gkeMachineTypesFor(gpu.id, gpusPerNode)[0];
    if (!machine) {
      c.fail(
        `${at}.gpusPerNode`,
        `GKE offers ${gpu.id} nodes with ${offeredCounts(GKE_MACHINE_SHAPES, gpu.id).join(", ")} GPUs, not ${gpusPerNode}`,
        "use one of those counts",
      );
    }
  }

  const onDemand = p.onDemand ?? true;
  const spot = p.spot ?? true;
  if (!onDemand && !spot && !p.queuedProvisioning && !p.reservationName) {
    c.fail(`${at}`, "no capacity type: onDemand and spot are both false", "enable at least one of them");
  }
  if (spot && !onDemand && !p.reservationName && !p.allowSpotOnly) {
    c.fail(
      `${at}.onDemand`,
      "a Spot pool without an on-demand or reserved fallback leaves GPU workloads Pending when Spot runs out (SPOT-01)",
      "keep onDemand true, add a reservationName, or set allowSpotOnly: true to accept the risk",
    );
  }
  if (onDemand && machine.spotOrFlexOnly) {
    c.fail(
      `${at}.machineType`,
      `${machine.machineType} is offered only as Spot or flex-start, so its on-demand pool would never get a node`,
      "use an 8-GPU machine, or set onDemand: false with queuedProvisioning: true",
    );
  }

  const zones = p.zones ?? clusterZones;
  if (zones.length === 0)
    c.fail(`${at}.zones`, "no zones given", "list zones of the cluster or leave zones out");
  zones.forEach((z, i) => {
    if (!clusterZones.includes(z)) {
      c.fail(
        `${at}.zones[${i}]`,
        `"${z}" is not one of the cluster's zones`,
        `use a subset of ${clusterZones.join(", ")}`,
      );
    }
  });

  const minNodes = p.minNodes ?? 0;
  const maxNodes = p.maxNodes ?? 4;
  c.integer(`${at}.minNodes`, minNodes, 0, 1000);
  c.integer(`${at}.maxNodes`, maxNodes, Math.max(1, minNodes), 1000);
  const gpuDriverVersion = p.gpuDriverVersion ?? "LATEST";
  c.oneOf(`${at}.gpuDriverVersion`, gpuDriverVersion, DRIVER_VERSIONS);
  const diskSizeGb = p.diskSizeGb ?? 200;
  c.integer(`${at}.diskSizeGb`, diskSizeGb, 50, 65536);
  const localSsdCount = p.localSsdCount ?? 0;
  c.integer(`${at}.localSsdCount`, localSsdCount, 0, 24);
  if (p.reservationName !== undefined && !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(p.reservationName)) {
    c.fail(
      `${at}.reservationName`,
      `"${p.reservationName}" is not a reservation name`,
      "give the reservation's name",
    );
  }

  return {
    name: p.name,
    gpuType: gpu.id,
    gkeAccelerator: accelerator,
    gpusPerNode,
    machine,
    minNodes,
    maxNodes,
    onDemand,
    spot,
    zones,
    reservationName: p.reservationName,
    queuedProvisioning: p.queuedProvisioning ?? false,
    gpuDriverVersion,
    diskSizeGb,
    localSsdCount,
  };
}
