import type { GpuType } from "./gpus.js";
import type { Source } from "./source.js";

/** A cloud the policy places on. */
export type Cloud = "gcp" | "aws";

/** A GPU VM a Kubernetes node pool can use (EC2 instance type or Compute Engine machine type). */
export interface Machine extends Source {
  name: string;
  cloud: Cloud;
  gpuType: GpuType;
  gpuCount: number;
  /** On-demand price, USD per hour. */
  onDemandUsdPerHour: number;
  /** Spot price, USD per hour, or `null` when the reference has no figure. */
  spotUsdPerHour: number | null;
  /**
   * Chance a Spot node is interrupted in a month (the Spot Advisor bucket's upper bound; `>20%`
   * is taken as 0.25). `null`: no published figure, the policy assumes 0.25.
   */
  spotInterruptionPerMonth: number | null;
}

const EC2 =
  "instances.vantage.sh via github.com/tsaol/aws-gpu data/all_gpu_instances.js (cost-latency-data.md §2.1)";
const EC2_DATE = "2025-11-30";
const SPOT_AWS =
  "implied from AWS Spot Instance Advisor savings in github.com/alexei-led/spotinfo spot-advisor-data.json 5eedf20, 2025-06-28";

function ec2(
  name: string,
  gpuType: GpuType,
  gpuCount: number,
  onDemand: number,
  spotSavingsPercent: number,
  interruption: number,
): Machine {
  return {
    name,
    cloud: "aws",
    gpuType,
    gpuCount,
    onDemandUsdPerHour: onDemand,
    spotUsdPerHour: Math.round(onDemand * (1 - spotSavingsPercent / 100) * 10000) / 10000,
    spotInterruptionPerMonth: interruption,
    source: `${EC2}; Spot ${SPOT_AWS}`,
    date: EC2_DATE,
    status: "3rd-party",
  };
}

/** EC2 GPU instance types for EKS node groups (us-east-1, Linux, on-demand). */
export const AWS_MACHINES: readonly Machine[] = [
  ec2("g5.xlarge", "A10G", 1, 1.006, 59, 0.25),
  ec2("g5.12xlarge", "A10G", 4, 5.672, 58, 0.25),
  ec2("g6.xlarge", "L4", 1, 0.8048, 49, 0.25),
  ec2("g6.12xlarge", "L4", 4, 4.6016, 59, 0.25),
  ec2("g6e.xlarge", "L40S", 1, 1.861, 58, 0.1),
  ec2("g6e.12xlarge", "L40S", 4, 10.49264, 56, 0.25),
  ec2("g6e.48xlarge", "L40S", 8, 30.13118, 68, 0.25),
  ec2("p4d.24xlarge", "A100-40GB", 8, 21.957642, 67, 0.15),
  ec2("p5.48xlarge", "H100-80GB", 8, 55.04, 52, 0.25),
];

/** Compute Engine GPU machine types for GKE node pools (us-central1). */
export const GCP_MACHINES: readonly Machine[] = [
  {
    name: "g2-standard-4",
    cloud: "gcp",
    gpuType: "L4",
    gpuCount: 1,
    onDemandUsdPerHour: Math.SQRT1_2,
    spotUsdPerHour: 0.361,
    spotInterruptionPerMonth: null,
    source:
      "several repos' price tables (0.702-0.721); Spot from Cloud Billing Catalog SKUs quoted in a repo note (cost-latency-data.md §2.3)",
    date: "2025-2026",
    status: "3rd-party",
  },
  {
    name: "a2-highgpu-1g",
    cloud: "gcp",
    gpuType: "A100-40GB",
    gpuCount: 1,
    onDemandUsdPerHour: 3.673385,
    spotUsdPerHour: 1.1,
    spotInterruptionPerMonth: null,
    source: "burla-cloud price table; Spot from 3rd-party tables, low confidence (cost-latency-data.md §2.3)",
    date: "2024-2025",
    status: "3rd-party",
  },
  {
    name: "a2-ultragpu-1g",
    cloud: "gcp",
    gpuType: "A100-80GB",
    gpuCount: 1,
    onDemandUsdPerHour: 5.06879789,
    spotUsdPerHour: null,
    spotInterruptionPerMonth: null,
    source: "burla-cloud price table (cost-latency-data.md §2.3)",
    date: "2025-2026",
    status: "3rd-party",
  },
  {
    name: "a3-highgpu-8g",
    cloud: "gcp",
    gpuType: "H100-80GB",
    gpuCount: 8,
    onDemandUsdPerHour: 88.49,
    // a3-highgpu-1g Spot ~$6.571 per GPU-hour including vCPU and memory, times 8.
    spotUsdPerHour: 52.568,
    spotInterruptionPerMonth: null,
    source:
      "burla-cloud; Spot from github.com/tgarg01/silybench-data prices/gpu_hourly.yaml, volatile (cost-latency-data.md §2.3)",
    date: "2026-09-26",
    status: "3rd-party",
  },
];

/** Every Kubernetes node machine, both clouds. */
export const MACHINES: readonly Machine[] = [...AWS_MACHINES, ...GCP_MACHINES];

/** Assumed monthly Spot interruption chance where the reference has none (the `>20%` bucket). */
export const DEFAULT_SPOT_INTERRUPTION_PER_MONTH = 0.25;
