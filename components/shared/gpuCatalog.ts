/**
 * GPU shapes per cloud: which GKE machine types and EC2 instance types carry which GPU, how many,
 * and in which regions they are offered. One source of truth for the cluster components (pool
 * shapes, validation) and for the placement catalog (sizing maps a GPU type and count to a machine
 * or instance type through {@link gkeMachineTypesFor} / {@link ec2InstanceTypesFor}).
 *
 * Pure data, no Pulumi imports, so policies/placement can import it without the SDKs.
 *
 * Sources (read 2026-12, re-check before relying on a region list; offerings change monthly):
 * - GKE/Compute Engine machine shapes: https://cloud.google.com/compute/docs/gpus and
 *   https://cloud.google.com/compute/docs/accelerator-optimized-machines
 * - GPU regions and zones: https://cloud.google.com/compute/docs/gpus/gpu-regions-zones
 * - GKE accelerator names (`nvidia-l4`, ...): https://cloud.google.com/kubernetes-engine/docs/how-to/gpus
 * - EC2 accelerated instances: https://aws.amazon.com/ec2/instance-types/#Accelerated_Computing and
 *   `aws ec2 describe-instance-type-offerings --filters Name=instance-type,Values=<type>`
 * - EKS GPU AMI coverage: awsdocs/amazon-eks-user-guide `latest/ug/ml/ml-eks-optimized-ami.adoc`
 *   (see ../shared/reference/anchors-and-api-facts.md §2.5)
 * Region lists are a conservative subset of the published pages (status: 3rd-party summary of the
 * pages above, 2026-12); a region missing here can be allowed with `skipCatalogRegionCheck`.
 */

/** A GPU model, named the same on every cloud. */
export interface GpuType {
  /** Canonical id, e.g. `L4`, `H100-80GB`. */
  id: string;
  /** GPU memory in GB. */
  memoryGb: number;
  /** GKE `guestAccelerators[].type`, when Google Cloud offers the GPU. */
  gkeAccelerator: string | undefined;
  /** Google Cloud regions with this GPU (subset of the GPU regions page). */
  gcpRegions: readonly string[];
}

/** A Compute Engine machine type with GPUs, as a GKE node pool uses it. */
export interface GkeMachineShape {
  machineType: string;
  gpuType: string;
  gpuCount: number;
  vcpus: number;
  memoryGb: number;
  /** Offered only as Spot or flex-start (DWS), never on-demand (a3-highgpu-1g/2g/4g). */
  spotOrFlexOnly: boolean;
}

/** An EC2 instance type with NVIDIA GPUs. */
export interface Ec2GpuShape {
  instanceType: string;
  gpuType: string;
  gpuCount: number;
  vcpus: number;
  memoryGib: number;
  arch: "x86_64" | "arm64";
}

const US_EU_ASIA_L4 = [
  "us-central1",
  "us-east1",
  "us-east4",
  "us-west1",
  "us-west4",
  "northamerica-northeast2",
  "southamerica-east1",
  "europe-west1",
  "europe-west2",
  "europe-west3",
  "europe-west4",
  "europe-west6",
  "asia-east1",
  "asia-northeast1",
  "asia-northeast3",
  "asia-south1",
  "asia-southeast1",
];

/** GPU models; Google Cloud regions from the GPU regions and zones page (2026-12). */
export const GPU_TYPES: readonly GpuType[] = [
  {
    id: "T4",
    memoryGb: 16,
    gkeAccelerator: "nvidia-tesla-t4",
    gcpRegions: [
      "us-central1",
      "us-east1",
      "us-east4",
      "us-west1",
      "us-west2",
      "us-west3",
      "us-west4",
      "northamerica-northeast1",
      "southamerica-east1",
      "europe-west1",
      "europe-west2",
      "europe-west3",
      "europe-west4",
      "europe-central2",
      "asia-east1",
      "asia-east2",
      "asia-northeast1",
      "asia-northeast3",
      "asia-south1",
      "asia-southeast1",
      "australia-southeast1",
    ],
  },
  { id: "A10G", memoryGb: 24, gkeAccelerator: undefined, gcpRegions: [] },
  { id: "L4", memoryGb: 24, gkeAccelerator: "nvidia-l4", gcpRegions: US_EU_ASIA_L4 },
  { id: "L40S", memoryGb: 48, gkeAccelerator: undefined, gcpRegions: [] },
  {
    id: "A100-40GB",
    memoryGb: 40,
    gkeAccelerator: "nvidia-tesla-a100",
    gcpRegions: [
      "us-central1",
      "us-east1",
      "us-west1",
      "us-west3",
      "us-west4",
      "europe-west4",
      "asia-northeast1",
      "asia-northeast3",
      "asia-southeast1",
      "me-west1",
    ],
  },
  {
    id: "A100-80GB",
    memoryGb: 80,
    gkeAccelerator: "nvidia-a100-80gb",
    gcpRegions: ["us-central1", "us-east4", "us-east5", "europe-west4", "asia-southeast1"],
  },
  {
    id: "H100-80GB",
    memoryGb: 80,
    gkeAccelerator: "nvidia-h100-80gb",
    gcpRegions: [
      "us-central1",
      "us-east4",
      "us-east5",
      "us-west1",
      "us-west4",
      "us-south1",
      "europe-west1",
      "europe-west4",
      "asia-northeast1",
      "asia-southeast1",
    ],
  },
  {
    id: "H100-MEGA-80GB",
    memoryGb: 80,
    gkeAccelerator: "nvidia-h100-mega-80gb",
    gcpRegions: ["us-central1", "us-east4", "us-east5", "us-west1", "europe-west4", "asia-northeast1"],
  },
  {
    id: "H200-141GB",
    memoryGb: 141,
    gkeAccelerator: "nvidia-h200-141gb",
    gcpRegions: ["us-central1", "us-east4", "us-east5", "us-south1", "europe-west1", "asia-south1"],
  },
  {
    id: "B200",
    memoryGb: 180,
    gkeAccelerator: "nvidia-b200",
    gcpRegions: ["us-central1", "us-east4", "us-south1", "europe-west4"],
  },
];

const g2 = (machineType: string, gpuCount: number, vcpus: number, memoryGb: number): GkeMachineShape => ({
  machineType,
  gpuType: "L4",
  gpuCount,
  vcpus,
  memoryGb,
  spotOrFlexOnly: false,
});

/**
 * GKE machine shapes. The first shape listed for a (GPU type, count) pair is the default one,
 * and it is the machine the placement catalog prices for that pair
 * (policies/placement/catalog/machines.ts; test/components/shared/gpuCatalog.test.ts keeps them in step).
 */
export const GKE_MACHINE_SHAPES: readonly GkeMachineShape[] = [
  g2("g2-standard-4", 1, 4, 16),
  g2("g2-standard-8", 1, 8, 32),
  g2("g2-standard-12", 1, 12, 48),
  g2("g2-standard-16", 1, 16, 64),
  g2("g2-standard-32", 1, 32, 128),
  g2("g2-standard-24", 2, 24, 96),
  g2("g2-standard-48", 4, 48, 192),
  g2("g2-standard-96", 8, 96, 384),
  ...(
    [
      ["n1-standard-8", 1, 8, 30],
      ["n1-standard-16", 2, 16, 60],
      ["n1-standard-32", 4, 32, 120],
    ] as const
  ).map(([machineType, gpuCount, vcpus, memoryGb]) => ({
    machineType,
    gpuType: "T4",
    gpuCount,
    vcpus,
    memoryGb,
    spotOrFlexOnly: false,
  })),
  ...(
    [
      ["a2-highgpu-1g", "A100-40GB", 1, 12, 85],
      ["a2-highgpu-2g", "A100-40GB", 2, 24, 170],
      ["a2-highgpu-4g", "A100-40GB", 4, 48, 340],
      ["a2-highgpu-8g", "A100-40GB", 8, 96, 680],
      ["a2-megagpu-16g", "A100-40GB", 16, 96, 1360],
      ["a2-ultragpu-1g", "A100-80GB", 1, 12, 170],
      ["a2-ultragpu-2g", "A100-80GB", 2, 24, 340],
      ["a2-ultragpu-4g", "A100-80GB", 4, 48, 680],
      ["a2-ultragpu-8g", "A100-80GB", 8, 96, 1360],
      ["a3-highgpu-8g", "H100-80GB", 8, 208, 1872],
      ["a3-megagpu-8g", "H100-MEGA-80GB", 8, 208, 1872],
      ["a3-ultragpu-8g", "H200-141GB", 8, 224, 2952],
      ["a4-highgpu-8g", "B200", 8, 224, 3968],
    ] as const
  ).map(([machineType, gpuType, gpuCount, vcpus, memoryGb]) => ({
    machineType,
    gpuType,
    gpuCount,
    vcpus,
    memoryGb,
    spotOrFlexOnly: false,
  })),
  // "a3-highgpu-1g, -2g and -4g are available only with Spot VMs or flex-start" (accelerator-optimized
  // machines page, 2026-12): an on-demand pool of these would never get a node.
  ...(
    [
      ["a3-highgpu-1g", 1, 26, 234],
      ["a3-highgpu-2g", 2, 52, 468],
      ["a3-highgpu-4g", 4, 104, 936],
    ] as const
  ).map(([machineType, gpuCount, vcpus, memoryGb]) => ({
    machineType,
    gpuType: "H100-80GB",
    gpuCount,
    vcpus,
    memoryGb,
    spotOrFlexOnly: true,
  })),
];

type Ec2Row = readonly [string, string, number, number, number];
const ec2 = (rows: readonly Ec2Row[]): Ec2GpuShape[] =>
  rows.map(([instanceType, gpuType, gpuCount, vcpus, memoryGib]) => ({
    instanceType,
    gpuType,
    gpuCount,
    vcpus,
    memoryGib,
    arch: "x86_64",
  }));

/**
 * EC2 GPU instance types (x86_64; all covered by the AL2023 NVIDIA and Bottlerocket NVIDIA EKS
 * AMIs). Within one (GPU type, count) pair the order is the default preference: the type the
 * placement catalog prices first, then the next sizes, so a Spot group gets several types.
 */
export const EC2_GPU_SHAPES: readonly Ec2GpuShape[] = ec2([
  ["g4dn.xlarge", "T4", 1, 4, 16],
  ["g4dn.2xlarge", "T4", 1, 8, 32],
  ["g4dn.4xlarge", "T4", 1, 16, 64],
  ["g4dn.8xlarge", "T4", 1, 32, 128],
  ["g4dn.16xlarge", "T4", 1, 64, 256],
  ["g4dn.12xlarge", "T4", 4, 48, 192],
  ["g4dn.metal", "T4", 8, 96, 384],
  ["g5.xlarge", "A10G", 1, 4, 16],
  ["g5.2xlarge", "A10G", 1, 8, 32],
  ["g5.4xlarge", "A10G", 1, 16, 64],
  ["g5.8xlarge", "A10G", 1, 32, 128],
  ["g5.16xlarge", "A10G", 1, 64, 256],
  ["g5.12xlarge", "A10G", 4, 48, 192],
  ["g5.24xlarge", "A10G", 4, 96, 384],
  ["g5.48xlarge", "A10G", 8, 192, 768],
  ["g6.xlarge", "L4", 1, 4, 16],
  ["g6.2xlarge", "L4", 1, 8, 32],
  ["g6.4xlarge", "L4", 1, 16, 64],
  ["g6.8xlarge", "L4", 1, 32, 128],
  ["g6.16xlarge", "L4", 1, 64, 256],
  ["gr6.4xlarge", "L4", 1, 16, 128],
  ["gr6.8xlarge", "L4", 1, 32, 256],
  ["g6.12xlarge", "L4", 4, 48, 192],
  ["g6.24xlarge", "L4", 4, 96, 384],
  ["g6.48xlarge", "L4", 8, 192, 768],
  ["g6e.xlarge", "L40S", 1, 4, 32],
  ["g6e.2xlarge", "L40S", 1, 8, 64],
  ["g6e.4xlarge", "L40S", 1, 16, 128],
  ["g6e.8xlarge", "L40S", 1, 32, 256],
  ["g6e.16xlarge", "L40S", 1, 64, 512],
  ["g6e.12xlarge", "L40S", 4, 48, 384],
  ["g6e.24xlarge", "L40S", 4, 96, 768],
  ["g6e.48xlarge", "L40S", 8, 192, 1536],
  ["p4d.24xlarge", "A100-40GB", 8, 96, 1152],
  ["p4de.24xlarge", "A100-80GB", 8, 96, 1152],
  ["p5.4xlarge", "H100-80GB", 1, 16, 256],
  ["p5.48xlarge", "H100-80GB", 8, 192, 2048],
  ["p5e.48xlarge", "H200-141GB", 8, 192, 2048],
  ["p5en.48xlarge", "H200-141GB", 8, 192, 2048],
  ["p6-b200.48xlarge", "B200", 8, 192, 2048],
]);

const AWS_MAJOR = ["us-east-1", "us-east-2", "us-west-2"];

/**
 * Regions offering each EC2 GPU family (instance-type offerings, 2026-12; conservative subset).
 */
export const EC2_FAMILY_REGIONS: Readonly<Record<string, readonly string[]>> = {
  g4dn: [
    ...AWS_MAJOR,
    "us-west-1",
    "ca-central-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-north-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "sa-east-1",
  ],
  g5: [
    ...AWS_MAJOR,
    "ca-central-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-north-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-2",
    "sa-east-1",
  ],
  g6: [
    ...AWS_MAJOR,
    "ca-central-1",
    "eu-central-1",
    "eu-west-2",
    "ap-northeast-1",
    "ap-south-1",
    "sa-east-1",
  ],
  gr6: [...AWS_MAJOR, "eu-central-1"],
  g6e: [...AWS_MAJOR, "eu-north-1", "eu-west-1", "ap-northeast-1"],
  p4d: [...AWS_MAJOR, "eu-central-1", "eu-west-1", "ap-northeast-1", "ap-northeast-2"],
  p4de: ["us-east-1", "us-west-2"],
  p5: [...AWS_MAJOR, "eu-north-1", "ap-northeast-1", "ap-south-1", "ap-southeast-2", "sa-east-1"],
  p5e: ["us-east-2", "us-west-2"],
  p5en: [...AWS_MAJOR, "ap-northeast-1"],
  "p6-b200": ["us-east-1", "us-west-2"],
};

/** The catalog GPU type for an id or a GKE accelerator name, case-insensitively. */
export function findGpuType(idOrAccelerator: string): GpuType | undefined {
  const key = idOrAccelerator.toLowerCase();
  return GPU_TYPES.find((g) => g.id.toLowerCase() === key || g.gkeAccelerator === key);
}

/** Every GKE machine shape with `count` GPUs of `gpuType`; the first one is the default. */
export function gkeMachineTypesFor(gpuType: string, count: number): GkeMachineShape[] {
  return GKE_MACHINE_SHAPES.filter((m) => m.gpuType === gpuType && m.gpuCount === count);
}

/** Every EC2 instance type with `count` GPUs of `gpuType`, in default preference order. */
export function ec2InstanceTypesFor(gpuType: string, count: number): Ec2GpuShape[] {
  return EC2_GPU_SHAPES.filter((s) => s.gpuType === gpuType && s.gpuCount === count);
}

/** The GKE machine shape named `machineType`, if it has GPUs. */
export function gkeMachineShape(machineType: string): GkeMachineShape | undefined {
  return GKE_MACHINE_SHAPES.find((m) => m.machineType === machineType);
}

/** The EC2 GPU shape named `instanceType`, if it has NVIDIA GPUs. */
export function ec2GpuShape(instanceType: string): Ec2GpuShape | undefined {
  return EC2_GPU_SHAPES.find((s) => s.instanceType === instanceType);
}

/** The family of an EC2 instance type (`g6e.2xlarge` -> `g6e`). */
export function ec2Family(instanceType: string): string {
  return instanceType.split(".")[0] ?? instanceType;
}

/** Whether `region` offers `instanceType`, according to the catalog. */
export function ec2OfferedIn(instanceType: string, region: string): boolean {
  return (EC2_FAMILY_REGIONS[ec2Family(instanceType)] ?? []).includes(region);
}

/** GPU counts per node that the cloud offers for a GPU type, for error messages. */
export function offeredCounts(shapes: ReadonlyArray<{ gpuType: string; gpuCount: number }>, gpuType: string) {
  return [...new Set(shapes.filter((s) => s.gpuType === gpuType).map((s) => s.gpuCount))].sort(
    (a, b) => a - b,
  );
}
