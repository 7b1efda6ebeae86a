import type { Source } from "./source.js";

/** GPU types the catalogs use. */
export type GpuType = "A10G" | "L4" | "L40S" | "A100-40GB" | "A100-80GB" | "H100-80GB" | "RTX-PRO-6000";

/** One GPU type: memory decides what fits, memory bandwidth drives the decode-rate estimate. */
export interface GpuSpec extends Source {
  type: GpuType;
  /** Memory per GPU, GB. */
  memoryGB: number;
  /** Memory bandwidth per GPU, GB/s. */
  bandwidthGBps: number;
}

const DATASHEET = "3rd-party" as const;

/** GPU memory and bandwidth. Memory sizes are in the reference's instance tables. */
export const GPUS: Readonly<Record<GpuType, GpuSpec>> = {
  A10G: {
    type: "A10G",
    memoryGB: 24,
    bandwidthGBps: 600,
    source: "cost-latency-data.md §2.1 (24 GB), §4 (600 GB/s, 'L4 300 vs A10G 600 GB/s')",
    date: "2026-12-04",
    status: DATASHEET,
  },
  L4: {
    type: "L4",
    memoryGB: 24,
    bandwidthGBps: 300,
    source: "cost-latency-data.md §2.1 (24 GB), §4 (300 GB/s)",
    date: "2026-12-04",
    status: DATASHEET,
  },
  L40S: {
    type: "L40S",
    memoryGB: 48,
    bandwidthGBps: 864,
    source:
      "cost-latency-data.md §2.1 (48 GB); NVIDIA L40S datasheet, nvidia.com/en-us/data-center/l40s (864 GB/s)",
    date: "2026-12-04",
    status: DATASHEET,
  },
  "A100-40GB": {
    type: "A100-40GB",
    memoryGB: 40,
    bandwidthGBps: 1555,
    source:
      "cost-latency-data.md §2.1 (40 GB); NVIDIA A100 datasheet, nvidia.com/en-us/data-center/a100 (1,555 GB/s)",
    date: "2026-12-04",
    status: DATASHEET,
  },
  "A100-80GB": {
    type: "A100-80GB",
    memoryGB: 80,
    bandwidthGBps: 2039,
    source: "cost-latency-data.md §2.3 (80 GB); NVIDIA A100 datasheet (2,039 GB/s SXM)",
    date: "2026-12-04",
    status: DATASHEET,
  },
  "H100-80GB": {
    type: "H100-80GB",
    memoryGB: 80,
    bandwidthGBps: 3350,
    source:
      "cost-latency-data.md §2.1 (80 GB); NVIDIA H100 datasheet, nvidia.com/en-us/data-center/h100 (3.35 TB/s SXM)",
    date: "2026-12-04",
    status: DATASHEET,
  },
  "RTX-PRO-6000": {
    type: "RTX-PRO-6000",
    memoryGB: 96,
    bandwidthGBps: 1792,
    source:
      "cost-latency-data.md §2.4 (96 GB, Cloud Run GPU docs); NVIDIA RTX PRO 6000 Blackwell Server Edition datasheet (1,792 GB/s)",
    date: "2026-12-04",
    status: DATASHEET,
  },
};
