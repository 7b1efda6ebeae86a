/**
 * Pinned Helm charts of the NVIDIA GPU stack. A pin changes only in a reviewed commit; every
 * pin names where its version comes from.
 */
export interface ChartPin {
  chart: string;
  repo: string;
  version: string;
  source: string;
}

/**
 * NVIDIA device plugin. 0.19.0 turned gds/gdrcopy/mofed on by default and 0.19.3 reverted it
 * (NVIDIA/k8s-device-plugin CHANGELOG, #1837), so nothing below 0.19.3 is accepted.
 */
export const DEVICE_PLUGIN_CHART: ChartPin = {
  chart: "nvidia-device-plugin",
  repo: "https://nvidia.github.io/k8s-device-plugin",
  version: "0.20.0",
  source: "NVIDIA/k8s-device-plugin @1b826acc (2026-08-19): chart and app 0.20.0",
};

/** The oldest device plugin chart accepted as an override (see {@link DEVICE_PLUGIN_CHART}). */
export const DEVICE_PLUGIN_MIN_VERSION = "0.19.3";

/** NVIDIA GPU operator (ClusterPolicy-driven driver, toolkit, device plugin, GFD, NFD, DCGM). */
export const GPU_OPERATOR_CHART: ChartPin = {
  chart: "gpu-operator",
  repo: "https://helm.ngc.nvidia.com/nvidia",
  version: "v26.7.0",
  source: "NVIDIA/gpu-operator @a22dbf67 (2026-08-21), tag v26.7.0, deployments/gpu-operator/values.yaml",
};

/** Standalone DCGM exporter, for clusters where neither GKE nor the operator provides GPU metrics. */
export const DCGM_EXPORTER_CHART: ChartPin = {
  chart: "dcgm-exporter",
  repo: "https://nvidia.github.io/dcgm-exporter/helm-charts",
  version: "4.8.1",
  source: "awslabs/ai-on-eks infra/base/terraform variables.tf: enable_nvidia_dcgm_exporter chart 4.8.1",
};

/** Compares dotted versions numerically (`v` prefix ignored); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, "")
      .split(/[.-]/)
      .slice(0, 3)
      .map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
