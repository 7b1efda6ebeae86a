import type { GpuType } from "./gpus.js";
import type { Cloud } from "./machines.js";
import type { Source } from "./source.js";

/** A serverless GPU instance shape: a Cloud Run GPU shape or a SageMaker endpoint instance. */
export interface ServerlessShape extends Source {
  /** Name used in `pricing.instances` overrides. */
  name: string;
  cloud: Cloud;
  service: "Cloud Run" | "SageMaker";
  gpuType: GpuType;
  gpuCount: number;
  /** Price per instance-hour while the instance exists (GPU, vCPU and memory), or `null` if unknown. */
  usdPerHour: number | null;
}

const CLOUD_RUN_SKUS =
  "Cloud Billing API SKUs quoted in a public repo doc, us-central1, instance-based billing, no zonal redundancy (cost-latency-data.md §2.4)";

/**
 * Cloud Run GPU shapes at their minimum CPU and memory (one GPU per instance, verified in the
 * Cloud Run GPU docs). L4: $0.0001867/GPU-s + 4 x $0.000018/vCPU-s + 16 x $0.000002/GiB-s =
 * $1.0465 an hour. The RTX PRO 6000 GPU SKU price is not in the reference.
 */
export const CLOUD_RUN_SHAPES: readonly ServerlessShape[] = [
  {
    name: "cloudrun-l4",
    cloud: "gcp",
    service: "Cloud Run",
    gpuType: "L4",
    gpuCount: 1,
    usdPerHour: (0.0001867 + 4 * 0.000018 + 16 * 0.000002) * 3600,
    source: CLOUD_RUN_SKUS,
    date: "2026-08",
    status: "3rd-party",
  },
  {
    name: "cloudrun-rtx-pro-6000",
    cloud: "gcp",
    service: "Cloud Run",
    gpuType: "RTX-PRO-6000",
    gpuCount: 1,
    usdPerHour: null,
    source:
      "cloud.google.com/run/docs/configuring/services/gpu (shape: 20 vCPU, 80 GiB); no GPU SKU price found",
    date: "2026",
    status: "verified",
  },
];

/** Regions with Cloud Run GPUs (examples in the Cloud Run GPU docs; availability varies by GPU type). */
export const CLOUD_RUN_GPU_REGIONS: readonly string[] = [
  "us-central1",
  "us-east4",
  "europe-west1",
  "europe-west4",
  "asia-southeast1",
];

function sagemaker(
  name: string,
  gpuType: GpuType,
  gpuCount: number,
  usdPerHour: number,
  source: string,
  date: string,
): ServerlessShape {
  return {
    name,
    cloud: "aws",
    service: "SageMaker",
    gpuType,
    gpuCount,
    usdPerHour,
    source,
    date,
    status: "3rd-party",
  };
}

const SM = "public repos quoting AWS pricing, us-east-1 (cost-latency-data.md §2.5)";

/** SageMaker real-time inference instances (inference components can scale to zero). */
export const SAGEMAKER_SHAPES: readonly ServerlessShape[] = [
  sagemaker("ml.g5.xlarge", "A10G", 1, 1.408, SM, "2025-2026"),
  sagemaker("ml.g5.12xlarge", "A10G", 4, 7.09, SM, "2025-2026"),
  sagemaker("ml.g5.48xlarge", "A10G", 8, 20.36, SM, "2025-2026"),
  sagemaker("ml.g6.xlarge", "L4", 1, 1.1267, SM, "2025-2026"),
  sagemaker("ml.g6.12xlarge", "L4", 4, 5.752, SM, "2025-2026"),
  sagemaker(
    "ml.g6e.xlarge",
    "L40S",
    1,
    2.61,
    `${SM}; AWS Pricing API via a repo cost_model.py`,
    "2026-08-17",
  ),
  sagemaker("ml.g6e.12xlarge", "L40S", 4, 13.12, SM, "2025-2026"),
  sagemaker("ml.p4d.24xlarge", "A100-40GB", 8, 37.688, `${SM}; price before the June-2025 cut`, "2025"),
];

/** Every serverless shape, both clouds. */
export const SERVERLESS_SHAPES: readonly ServerlessShape[] = [...CLOUD_RUN_SHAPES, ...SAGEMAKER_SHAPES];
