/**
 * One GPU shape of an {@link EksGpuClusterArgs}: it becomes an on-demand and a Spot managed node
 * group with the same instance types, taints and subnets.
 * https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html
 */
export interface EksGpuNodeGroupArgs {
  /** Short name of the shape (DNS label, at most 20 characters), e.g. `l4` or `h100`. */
  name: string;
  /**
   * Catalog GPU type: `T4`, `A10G`, `L4`, `L40S`, `A100-40GB`, `A100-80GB`, `H100-80GB`,
   * `H200-141GB`, `B200` (components/shared/gpuCatalog.ts).
   * https://aws.amazon.com/ec2/instance-types/#Accelerated_Computing
   */
  gpuType: string;
  /** GPUs per node. Default 1. */
  gpusPerNode?: number;
  /**
   * EC2 instance types, each with exactly `gpusPerNode` GPUs of `gpuType`. Default: the catalog's
   * types for that shape (up to three, in preference order). A Spot group needs two or more
   * (SPOT-03: each type and AZ is a separate Spot capacity pool).
   */
  instanceTypes?: string[];
  /** Minimum nodes per group. Default 0: GPU groups scale from zero (through the cluster autoscaler). */
  minSize?: number;
  /** Maximum nodes per group. Default 4. */
  maxSize?: number;
  /** Create an on-demand group, the fallback when Spot runs out (SPOT-01). Default true. */
  onDemand?: boolean;
  /**
   * Create a Spot group (`capacityType: SPOT`; Capacity Rebalancing and price-capacity-optimized
   * allocation are on for Spot managed node groups). Default true.
   * https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html#managed-node-group-capacity-types
   */
  spot?: boolean;
  /**
   * Cost-over-availability trade: allow a Spot group without an on-demand fallback. GPU workloads
   * stay Pending when Spot runs out. Default false.
   */
  allowSpotOnly?: boolean;
  /**
   * Availability trade: allow a Spot group with a single instance type (one capacity pool per AZ,
   * interrupted together). Needed for shapes only one instance type has (8 x H100: p5.48xlarge).
   * Default false.
   */
  allowSingleSpotInstanceType?: boolean;
  /** Data volume size in GiB (gp3, encrypted) for images and model caches. Default 200. */
  diskSizeGib?: number;
}

/** Arguments of {@link EksGpuCluster}. Every default is the secure, reliable choice. */
export interface EksGpuClusterArgs {
  /** AWS region. Default: the `aws:region` config. */
  region?: string;
  /**
   * Kubernetes version (`1.33`). Default `1.33`.
   * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
   */
  kubernetesVersion?: string;
  /** EKS cluster name. Default `<component name>-<stack>`. */
  clusterName?: string;
  /**
   * Availability zones for the created VPC's subnets (at least two). Default: the first
   * `azCount` available zones of the region.
   */
  availabilityZones?: string[];
  /** Number of zones when `availabilityZones` is not given. Default 3. */
  azCount?: number;
  /** CIDR of the created VPC (a /16 to /20). Default `10.0.0.0/16`. */
  vpcCidr?: string;
  /**
   * Cost trade: one NAT gateway for all zones instead of one per zone. A zone outage then cuts
   * every private subnet's egress. Default false.
   */
  singleNatGateway?: boolean;
  /** Existing VPC id; with `privateSubnetIds`, no network is created. */
  vpcId?: string;
  /** Existing private subnets (two or more AZs, with a NAT or VPC endpoints for egress). */
  privateSubnetIds?: string[];
  /**
   * Security trade for a sandbox: keep the public API endpoint on, restricted to
   * `publicAccessCidrs` (then required; 0.0.0.0/0 is refused). The private endpoint stays on.
   * Default false. https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
   */
  publicEndpoint?: boolean;
  /** CIDR ranges allowed to reach a public endpoint. */
  publicAccessCidrs?: string[];
  /**
   * Existing KMS key ARN for envelope encryption of Secrets. Default: a key with rotation on is
   * created. https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
   */
  kmsKeyArn?: string;
  /** Retention of the control-plane log group (all five log types are on). Default 90 days. */
  logRetentionDays?: number;
  /**
   * IAM principal ARNs given cluster-admin through access entries (authentication mode API).
   * https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
   */
  adminPrincipalArns?: string[];
  /**
   * Give the identity that creates the cluster (the one running Pulumi) cluster-admin, so the
   * Kubernetes provider can install the GPU layer. Default true; set false and list
   * `adminPrincipalArns` to keep admin rights explicit.
   */
  bootstrapCreatorAdmin?: boolean;
  /**
   * GPU node OS: `AL2023` (AL2023 NVIDIA AMI: driver and toolkit, no device plugin; default) or
   * `BOTTLEROCKET` (Bottlerocket NVIDIA: driver, toolkit and device plugin). Tells the NVIDIA
   * stack what to install. https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html
   */
  gpuAmiFamily?: string;
  /** Instance types of the system group (add-ons, autoscaler). Default `m7i.xlarge`, `m6i.xlarge`. */
  systemInstanceTypes?: string[];
  /** Minimum system nodes. Default 2. */
  systemMinSize?: number;
  /** Maximum system nodes. Default 4. */
  systemMaxSize?: number;
  /** GPU shapes, each an on-demand + Spot pair by default. At least one. */
  gpuNodeGroups: EksGpuNodeGroupArgs[];
  /**
   * IMDSv2 hop limit on every node. Default 1: pods cannot reach the node role's credentials
   * (EKS-03). 2 is the named exception for host-network agents that need IMDS from a container.
   */
  imdsHopLimit?: number;
  /**
   * Install the Kubernetes Cluster Autoscaler (Pod Identity, priority expander preferring Spot
   * groups) so GPU groups scale from and to zero. Default true; turn off when another autoscaler
   * manages the groups. A Karpenter mode is not built yet (docs/components/clusters.md).
   */
  clusterAutoscaler?: boolean;
  /** Pinned cluster-autoscaler chart version. Default `9.43.1`. */
  clusterAutoscalerChartVersion?: string;
  /**
   * Also taint Spot GPU nodes `spot=true:NoSchedule` (EKS has no Spot taint of
   * its own), so only workloads that accept interruption land there. Every GPU daemon must then
   * tolerate it (see the `gpuTaints` output). Default false: Spot nodes are labelled only.
   */
  spotTaint?: boolean;
  /** Deletion protection on the cluster. Default true. */
  deletionProtection?: boolean;
  /** Skip the catalog check that the region offers the instance types. Default false. */
  skipCatalogRegionCheck?: boolean;
  /** Tags on every AWS resource. */
  tags?: Record<string, string>;
}
