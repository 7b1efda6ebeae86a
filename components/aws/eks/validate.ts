import { ArgChecker } from "../../shared/argChecks.js";
import {
  EC2_GPU_SHAPES,
  ec2GpuShape,
  ec2InstanceTypesFor,
  ec2OfferedIn,
  findGpuType,
  offeredCounts,
} from "../../shared/gpuCatalog.js";
import type { EksGpuClusterArgs, EksGpuNodeGroupArgs } from "./args.js";

/** A GPU shape after validation. */
export interface ResolvedEksGpuNodeGroup {
  name: string;
  gpuType: string;
  gpusPerNode: number;
  instanceTypes: string[];
  minSize: number;
  maxSize: number;
  onDemand: boolean;
  spot: boolean;
  diskSizeGib: number;
}

/** {@link EksGpuClusterArgs} after validation, with defaults filled in. */
export interface ResolvedEksArgs {
  region: string;
  kubernetesVersion: string;
  availabilityZones: string[] | undefined;
  azCount: number;
  vpcCidr: string;
  singleNatGateway: boolean;
  existingVpc: { vpcId: string; privateSubnetIds: string[] } | undefined;
  publicEndpoint: boolean;
  publicAccessCidrs: string[];
  logRetentionDays: number;
  adminPrincipalArns: string[];
  bootstrapCreatorAdmin: boolean;
  gpuAmiFamily: string;
  systemInstanceTypes: string[];
  systemMinSize: number;
  systemMaxSize: number;
  gpuNodeGroups: ResolvedEksGpuNodeGroup[];
  imdsHopLimit: number;
  clusterAutoscaler: boolean;
  clusterAutoscalerChartVersion: string;
  spotTaint: boolean;
  deletionProtection: boolean;
}

/** CloudWatch Logs accepts only these retention values (PutRetentionPolicy API). */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Checks {@link EksGpuClusterArgs} before any resource exists and fills in the defaults. Throws an
 * InputError naming the field and the fix for: zero zones or subnets (EKS needs two AZs), an
 * instance type without GPUs (or other GPUs) in a GPU group, a GPU type or instance type the catalog
 * does not offer in the region, Spot without an on-demand fallback (unless `allowSpotOnly`), a Spot
 * group with one instance type (unless `allowSingleSpotInstanceType`), a public endpoint without
 * CIDRs, 0.0.0.0/0, a hop limit other than 1 or 2.
 */
export function validateEksGpuClusterArgs(
  args: EksGpuClusterArgs,
  region: string | undefined,
): ResolvedEksArgs {
  const c: ArgChecker = new ArgChecker("EksGpuCluster");
  const r = args.region ?? region;
  if (!r) c.fail("region", "no region given and no aws:region config", "set args.region or `aws:region`");
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r))
    c.fail("region", `"${r}" is not an AWS region`, 'e.g. "us-east-1"');

  const kubernetesVersion = args.kubernetesVersion ?? "1.33";
  if (!/^1\.\d{2}$/.test(kubernetesVersion)) {
    c.fail(
      "kubernetesVersion",
      `"${kubernetesVersion}" is not a Kubernetes minor version`,
      'write it like "1.33"',
    );
  }

  if (args.clusterName !== undefined && !/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(args.clusterName)) {
    c.fail(
      "clusterName",
      `"${args.clusterName}" is not an EKS cluster name`,
      "use up to 100 letters, digits, - and _",
    );
  }
  let existingVpc: ResolvedEksArgs["existingVpc"];
  if (args.vpcId !== undefined || args.privateSubnetIds !== undefined) {
    const subnets = args.privateSubnetIds ?? [];
    if (args.vpcId === undefined)
      c.fail("vpcId", "privateSubnetIds given without vpcId", "give both, or neither");
    if (subnets.length === 0)
      c.fail("privateSubnetIds", "no subnets (zero zones) given", "list private subnets in two or more AZs");
    if (subnets.length < 2)
      c.fail("privateSubnetIds", "EKS needs subnets in at least two AZs", "list two or more private subnets");
    c.unique("privateSubnetIds", subnets);
    existingVpc = { vpcId: args.vpcId, privateSubnetIds: subnets };
  }
  if (args.availabilityZones !== undefined) {
    const zones = args.availabilityZones;
    if (zones.length === 0)
      c.fail("availabilityZones", "no zones given", `list two or more zones of ${r}, e.g. ${r}a, ${r}b`);
    if (zones.length < 2)
      c.fail("availabilityZones", "EKS and Spot fallback need at least two AZs", "list two or more zones");
    c.unique("availabilityZones", zones);
    zones.forEach((z, i) => {
      if (!new RegExp(`^${r}[a-z]$`).test(z))
        c.fail(`availabilityZones[${i}]`, `"${z}" is not a zone of ${r}`, `use ${r}a, ${r}b, ...`);
    });
  }
  const azCount = args.azCount ?? 3;
  c.integer("azCount", azCount, 2, 6);
  const vpcCidr = args.vpcCidr ?? "10.0.0.0/16";
  c.cidr("vpcCidr", vpcCidr);
  const prefix = Number(vpcCidr.split("/")[1]);
  if (prefix < 16 || prefix > 20)
    c.fail("vpcCidr", `a /${prefix} VPC cannot be split into the subnets`, "use a /16 to /20");

  const publicEndpoint = args.publicEndpoint ?? false;
  const publicAccessCidrs = args.publicAccessCidrs ?? [];
  c.restrictedCidrs("publicAccessCidrs", publicAccessCidrs);
  if (publicEndpoint && publicAccessCidrs.length === 0) {
    c.fail(
      "publicAccessCidrs",
      "a public endpoint without CIDRs defaults to 0.0.0.0/0 (EKS-01, CIS EKS 5.4.1)",
      "list the ranges that may reach the API server, or keep publicEndpoint false",
    );
  }
  const logRetentionDays = args.logRetentionDays ?? 90;
  if (!RETENTION_DAYS.includes(logRetentionDays)) {
    c.fail(
      "logRetentionDays",
      `${logRetentionDays} is not a CloudWatch retention value`,
      `use one of ${RETENTION_DAYS.join(", ")}`,
    );
  }
  (args.adminPrincipalArns ?? []).forEach((arn, i) => {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/.test(arn)) {
      c.fail(
        `adminPrincipalArns[${i}]`,
        `"${arn}" is not an IAM role or user ARN`,
        "give arn:aws:iam::<account>:role/<name>",
      );
    }
  });
  const gpuAmiFamily = args.gpuAmiFamily ?? "AL2023";
  c.oneOf("gpuAmiFamily", gpuAmiFamily, ["AL2023", "BOTTLEROCKET"]);
  const imdsHopLimit = args.imdsHopLimit ?? 1;
  c.integer("imdsHopLimit", imdsHopLimit, 1, 2);

  const systemInstanceTypes = args.systemInstanceTypes ?? ["m7i.xlarge", "m6i.xlarge"];
  if (systemInstanceTypes.length === 0)
    c.fail("systemInstanceTypes", "no instance types", "list one or more");
  const systemMinSize = args.systemMinSize ?? 2;
  const systemMaxSize = args.systemMaxSize ?? 4;
  c.integer("systemMinSize", systemMinSize, 1, 100);
  c.integer("systemMaxSize", systemMaxSize, systemMinSize, 100);

  const groups = args.gpuNodeGroups ?? [];
  if (groups.length === 0) c.fail("gpuNodeGroups", "no GPU node groups given", "add at least one GPU shape");
  c.unique(
    "gpuNodeGroups",
    groups.map((g) => g.name),
  );
  const gpuNodeGroups = groups.map((g, i) =>
    resolveGroup(c, g, `gpuNodeGroups[${i}]`, r, args.skipCatalogRegionCheck),
  );

  return {
    region: r,
    kubernetesVersion,
    availabilityZones: args.availabilityZones,
    azCount,
    vpcCidr,
    singleNatGateway: args.singleNatGateway ?? false,
    existingVpc,
    publicEndpoint,
    publicAccessCidrs,
    logRetentionDays,
    adminPrincipalArns: args.adminPrincipalArns ?? [],
    bootstrapCreatorAdmin: args.bootstrapCreatorAdmin ?? true,
    gpuAmiFamily,
    systemInstanceTypes,
    systemMinSize,
    systemMaxSize,
    gpuNodeGroups,
    imdsHopLimit,
    clusterAutoscaler: args.clusterAutoscaler ?? true,
    clusterAutoscalerChartVersion: args.clusterAutoscalerChartVersion ?? "9.43.1",
    spotTaint: args.spotTaint ?? false,
    deletionProtection: args.deletionProtection ?? true,
  };
}

function resolveGroup(
  c: ArgChecker,
  g: EksGpuNodeGroupArgs,
  at: string,
  region: string,
  skipRegionCheck: boolean | undefined,
): ResolvedEksGpuNodeGroup {
  c.dnsLabel(`${at}.name`, g.name, 20);
  const gpu = findGpuType(g.gpuType);
  const onAws = [...new Set(EC2_GPU_SHAPES.map((s) => s.gpuType))];
  if (!gpu || !onAws.includes(gpu.id)) {
    c.fail(
      `${at}.gpuType`,
      `"${g.gpuType}" is not a GPU type EC2 offers in the catalog`,
      `use one of ${onAws.join(", ")}`,
    );
  }
  const gpusPerNode = g.gpusPerNode ?? 1;
  c.integer(`${at}.gpusPerNode`, gpusPerNode, 1, 16);
  const candidates = ec2InstanceTypesFor(gpu.id, gpusPerNode);
  if (candidates.length === 0) {
    c.fail(
      `${at}.gpusPerNode`,
      `EC2 offers ${gpu.id} instances with ${offeredCounts(EC2_GPU_SHAPES, gpu.id).join(", ")} GPUs, not ${gpusPerNode}`,
      "use one of those counts",
    );
  }
  const regional = candidates.filter((s) => skipRegionCheck || ec2OfferedIn(s.instanceType, region));
  if (regional.length === 0) {
    c.fail(
      `${at}.gpuType`,
      `no ${gpusPerNode} x ${gpu.id} instance type is offered in ${region} according to the catalog`,
      "pick another region or GPU type, or set skipCatalogRegionCheck if the catalog is out of date",
    );
  }
  const instanceTypes = g.instanceTypes ?? regional.slice(0, 3).map((s) => s.instanceType);
  if (instanceTypes.length === 0)
    c.fail(`${at}.instanceTypes`, "no instance types", "list one or more, or leave it out");
  c.unique(`${at}.instanceTypes`, instanceTypes);
  instanceTypes.forEach((t, i) => {
    const shape = ec2GpuShape(t);
    if (!shape) {
      c.fail(
        `${at}.instanceTypes[${i}]`,
        `${t} has no NVIDIA GPUs in the catalog, so it cannot back a GPU node group`,
        `use GPU instance types such as ${regional.map((s) => s.instanceType).join(", ")}`,
      );
    }
    if (shape.gpuType !== gpu.id || shape.gpuCount !== gpusPerNode) {
      c.fail(
        `${at}.instanceTypes[${i}]`,
        `${t} carries ${shape.gpuCount} x ${shape.gpuType}, not ${gpusPerNode} x ${gpu.id}`,
        "give instance types of one GPU shape per group",
      );
    }
    if (!skipRegionCheck && !ec2OfferedIn(t, region)) {
      c.fail(
        `${at}.instanceTypes[${i}]`,
        `${t} is not offered in ${region} according to the catalog`,
        "pick another type",
      );
    }
  });

  const onDemand = g.onDemand ?? true;
  const spot = g.spot ?? true;
  if (!onDemand && !spot)
    c.fail(`${at}`, "no capacity type: onDemand and spot are both false", "enable at least one");
  if (spot && !onDemand && !g.allowSpotOnly) {
    c.fail(
      `${at}.onDemand`,
      "a Spot group without an on-demand fallback leaves GPU workloads Pending when Spot runs out (SPOT-01)",
      "keep onDemand true, or set allowSpotOnly: true to accept the risk",
    );
  }
  if (spot && instanceTypes.length < 2 && !g.allowSingleSpotInstanceType) {
    c.fail(
      `${at}.instanceTypes`,
      `a Spot group with one instance type (${instanceTypes[0]}) has one capacity pool per AZ (SPOT-03)`,
      "list two or more instance types of the shape, set spot: false, or set allowSingleSpotInstanceType: true",
    );
  }
  const minSize = g.minSize ?? 0;
  const maxSize = g.maxSize ?? 4;
  c.integer(`${at}.minSize`, minSize, 0, 1000);
  c.integer(`${at}.maxSize`, maxSize, Math.max(1, minSize), 1000);
  const diskSizeGib = g.diskSizeGib ?? 200;
  c.integer(`${at}.diskSizeGib`, diskSizeGib, 20, 16384);
  return {
    name: g.name,
    gpuType: gpu.id,
    gpusPerNode,
    instanceTypes,
    minSize,
    maxSize,
    onDemand,
    spot,
    diskSizeGib,
  };
}
