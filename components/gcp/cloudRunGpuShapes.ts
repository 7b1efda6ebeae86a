/**
 * GPU shapes Cloud Run services can attach, with the platform's minimum CPU and memory per
 * instance. One GPU per instance is a platform rule. Source: https://cloud.google.com/run/docs/configuring/services/gpu
 * (checked 2026-08; see ../shared/reference/anchors-and-api-facts.md §2.4 and cost-latency-data.md §2.4).
 */
export interface CloudRunGpuShape {
  /** Value of `template.nodeSelector.accelerator`. */
  accelerator: string;
  /** GPU memory in GiB available to the model (weights, KV cache, activations). */
  vramGiB: number;
  /** Platform minimum vCPU for an instance with this GPU. */
  minCpu: number;
  /** Platform minimum memory (GiB) for an instance with this GPU. */
  minMemoryGiB: number;
  /** Platform maximum vCPU, when the docs state one. */
  maxCpu: number | undefined;
  /** Platform maximum memory (GiB), when the docs state one. */
  maxMemoryGiB: number | undefined;
  /** CPU we default to: enough host threads for vLLM's scheduler and tokenizer. */
  defaultCpu: number;
  /** Memory we default to: room to stage weights in page cache while loading. */
  defaultMemoryGiB: number;
}

export const CLOUD_RUN_GPU_SHAPES: Readonly<Record<string, CloudRunGpuShape>> = {
  // L4 24 GB: >= 4 vCPU / 16 GiB; Cloud Run's general ceiling is 8 vCPU / 32 GiB per instance.
  "nvidia-l4": {
    accelerator: "nvidia-l4",
    vramGiB: 24,
    minCpu: 4,
    minMemoryGiB: 16,
    maxCpu: 8,
    maxMemoryGiB: 32,
    defaultCpu: 8,
    defaultMemoryGiB: 32,
  },
  // RTX PRO 6000 Blackwell 96 GB: >= 20 vCPU / 80 GiB. The accelerator string is not yet
  // confirmed in IaC (anchors-and-api-facts.md Part 5, item 5): verify before relying on it.
  "nvidia-rtx-pro-6000": {
    accelerator: "nvidia-rtx-pro-6000",
    vramGiB: 96,
    minCpu: 20,
    minMemoryGiB: 80,
    maxCpu: undefined,
    maxMemoryGiB: undefined,
    defaultCpu: 20,
    defaultMemoryGiB: 80,
  },
};

/** Names of the supported accelerators, for error messages. */
export const CLOUD_RUN_GPU_TYPES = Object.keys(CLOUD_RUN_GPU_SHAPES);
