/**
 * One GPU shape of a {@link GkeGpuClusterArgs}: it becomes a pair of node pools (on-demand and
 * Spot) with the same machine type, taints and zones, plus optional reservation and queued
 * provisioning pools. See https://cloud.google.com/kubernetes-engine/docs/how-to/gpus
 */
export interface GkeGpuPoolArgs {
  /**
   * Short name of the shape (DNS label, at most 20 characters), e.g. `l4` or `h100`. Pools are
   * named `<name>-od`, `<name>-spot`, `<name>-res`, `<name>-dws`.
   */
  name: string;
  /**
   * Catalog GPU type (`L4`, `T4`, `A100-40GB`, `A100-80GB`, `H100-80GB`, `H100-MEGA-80GB`,
   * `H200-141GB`, `B200`) or its GKE accelerator name (`nvidia-l4`). Must be offered in the
   * cluster's region according to components/shared/gpuCatalog.ts.
   * https://cloud.google.com/compute/docs/gpus/gpu-regions-zones
   */
  gpuType: string;
  /** GPUs per node (the decision's GPUs per replica on one node). Default 1. */
  gpusPerNode?: number;
  /**
   * Compute Engine machine type. Default: the catalog's default machine for the GPU type and
   * count (e.g. `g2-standard-8` for one L4). Must carry exactly `gpusPerNode` GPUs of `gpuType`.
   * https://cloud.google.com/compute/docs/accelerator-optimized-machines
   */
  machineType?: string;
  /** Minimum nodes per pool across all zones. Default 0: GPU pools scale from zero. */
  minNodes?: number;
  /** Maximum nodes per pool across all zones (`totalMaxNodeCount`). Default 4. */
  maxNodes?: number;
  /**
   * Create an on-demand pool. Default true. It is the fallback when Spot capacity runs out
   * (SPOT-01); turning it off with `spot` on requires `allowSpotOnly`.
   */
  onDemand?: boolean;
  /**
   * Create a Spot pool (`nodeConfig.spot`), tainted `cloud.google.com/gke-spot=true:NoSchedule`,
   * so only workloads that tolerate preemption (30 s notice) land there. Default true.
   * https://cloud.google.com/kubernetes-engine/docs/how-to/spot-vms
   */
  spot?: boolean;
  /**
   * Cost-over-availability trade: allow a Spot pool without an on-demand fallback. When Spot
   * capacity is exhausted, GPU workloads stay Pending. Default false.
   */
  allowSpotOnly?: boolean;
  /**
   * Zones for this shape's pools (a subset of the cluster's `zones` where the GPU is offered).
   * Default: the cluster's `zones`.
   */
  zones?: string[];
  /**
   * Name of a Compute Engine reservation to consume: adds a `<name>-res` pool with
   * `reservationAffinity` SPECIFIC_RESERVATION, tried before on-demand by the ComputeClass.
   * https://cloud.google.com/kubernetes-engine/docs/how-to/consuming-reservations
   */
  reservationName?: string;
  /**
   * Add a `<name>-dws` pool with queued provisioning (Dynamic Workload Scheduler). GKE's DWS guide creates
   * such pools with auto-repair off (a repair would disrupt the provisioned group) and no
   * reservation; the guard's NODE-01 flags that, the named trade of this option. Default false.
   * https://cloud.google.com/kubernetes-engine/docs/how-to/provisioningrequest
   */
  queuedProvisioning?: boolean;
  /**
   * GKE-managed NVIDIA driver: `LATEST` (default), `DEFAULT`, or `INSTALLATION_DISABLED` (bring
   * the GPU operator's driver: Secure Boot is then turned off for this pool, GKE-06 exception, and
   * GKE's device plugin is disabled by label).
   * https://cloud.google.com/kubernetes-engine/docs/how-to/gpus#install-drivers
   */
  gpuDriverVersion?: string;
  /** Boot disk size in GB (container images with CUDA are large). Default 200. */
  diskSizeGb?: number;
  /** Local NVMe SSDs used as ephemeral storage, for model caches. Default 0. */
  localSsdCount?: number;
}

/** Arguments of {@link GkeGpuCluster}. Every default is the secure, reliable choice. */
export interface GkeGpuClusterArgs {
  /** Google Cloud project. Default: the provider's project. */
  project?: string;
  /**
   * Region of the cluster, its KMS key ring and its network. Default: the `gcp:region` config.
   * https://cloud.google.com/kubernetes-engine/docs/concepts/regional-clusters
   */
  region?: string;
  /**
   * Zones for nodes (`nodeLocations`), in the region. At least two unless `singleZone` (SPOT-03,
   * REL-03); GPU pools may narrow them per shape.
   */
  zones: string[];
  /**
   * Cost trade: a zonal cluster (control plane in `zones[0]`) instead of a regional one. A
   * zonal control plane is unavailable during its upgrades and zone outages. Default false.
   */
  zonal?: boolean;
  /**
   * Availability trade: allow nodes in a single zone. A zone stock-out or outage then takes every
   * GPU node. Default false.
   */
  singleZone?: boolean;
  /** Explicit cluster name. Default: auto-named from the component name. */
  clusterName?: string;
  /**
   * Release channel: `RAPID`, `REGULAR` (default), `STABLE` or `EXTENDED`.
   * https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels
   */
  releaseChannel?: string;
  /**
   * Daily maintenance window start, `HH:MM` UTC (GKE allots 4 h). Default `03:00`.
   * https://cloud.google.com/kubernetes-engine/docs/concepts/maintenance-windows-and-exclusions
   */
  maintenanceStartTime?: string;
  /**
   * Security trade for a sandbox: keep the control plane's public endpoint on (restricted to
   * `authorizedNetworks`, which is then required and may not contain 0.0.0.0/0). Default false:
   * the endpoint is private and only reachable from the VPC (or peered/VPN networks).
   * https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept
   */
  publicEndpoint?: boolean;
  /**
   * CIDR ranges allowed to reach the control plane (`masterAuthorizedNetworksConfig`). Default:
   * the node subnet's primary range only.
   * https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
   */
  authorizedNetworks?: string[];
  /** Control-plane range for private clusters (a /28). Default `172.16.0.0/28`. */
  masterIpv4CidrBlock?: string;
  /**
   * Existing VPC network self link or name; with `subnetwork`, no network is created. The
   * subnetwork needs secondary ranges named `podsRangeName` and `servicesRangeName`.
   */
  network?: string;
  /** Existing subnetwork self link or name (used with `network`). */
  subnetwork?: string;
  /** Primary range of the created subnetwork. Default `10.0.0.0/20`. */
  nodesCidr?: string;
  /** Secondary range for pods. Default `10.16.0.0/14`. */
  podsCidr?: string;
  /** Secondary range for services. Default `10.20.0.0/20`. */
  servicesCidr?: string;
  /** Name of the pods secondary range. Default `pods`. */
  podsRangeName?: string;
  /** Name of the services secondary range. Default `services`. */
  servicesRangeName?: string;
  /**
   * Existing Cloud KMS key (`projects/.../cryptoKeys/...`) for application-layer Secret
   * encryption; the GKE service agent must be able to use it. Default: a key ring and a key
   * (90-day rotation) are created and granted. https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
   */
  kmsKeyName?: string;
  /** Cloud KMS key for node boot disks (CMEK, CIS GKE 5.9.2). Default: Google-managed keys. */
  bootDiskKmsKey?: string;
  /**
   * Binary Authorization in project-singleton-policy mode (the project's policy decides; its
   * default allows every image; the Binary Authorization API must be enabled). Default true.
   * https://cloud.google.com/binary-authorization/docs
   */
  binaryAuthorization?: boolean;
  /**
   * Deletion protection on the cluster (a `pulumi destroy` fails until it is turned off).
   * Default true.
   */
  deletionProtection?: boolean;
  /** Machine type of the system pool (cluster add-ons, no GPUs). Default `e2-standard-4`. */
  systemMachineType?: string;
  /** Minimum system nodes across zones. Default 2 (add-ons survive a node loss). */
  systemMinNodes?: number;
  /** Maximum system nodes across zones. Default 6. */
  systemMaxNodes?: number;
  /** GPU shapes, each an on-demand + Spot pair by default. At least one. */
  gpuPools: GkeGpuPoolArgs[];
  /**
   * Also render one GKE custom ComputeClass per GPU shape listing its pools in priority order
   * (reservation, Spot, on-demand, queued provisioning). Pools then carry the class's label and
   * taint, so only pods that select the class (`cloud.google.com/compute-class: <class>`) land on
   * them. Needs the cluster API reachable from where Pulumi runs. Default false: fallback by
   * paired pools and the cluster autoscaler.
   * https://cloud.google.com/kubernetes-engine/docs/concepts/about-custom-compute-classes
   */
  computeClasses?: boolean;
  /**
   * With `computeClasses`: let GKE move workloads back to higher-priority capacity (Spot) when it
   * returns (`activeMigration.optimizeRulePriority`). Evicts pods; default false.
   */
  computeClassActiveMigration?: boolean;
  /**
   * Cost trade: skip the catalog check that the GPU type is offered in the region (for a region
   * newer than the catalog). Default false.
   */
  skipCatalogRegionCheck?: boolean;
  /** Labels on the cluster and nodes (`resourceLabels`). */
  resourceLabels?: Record<string, string>;
}
