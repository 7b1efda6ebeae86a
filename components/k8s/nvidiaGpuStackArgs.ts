import type * as k8s from "@pulumi/kubernetes";
import { closest } from "../../common/zodIssues.js";
import { checkDnsLabel, checkInteger, inputError } from "./names.js";
import { compareVersions, DEVICE_PLUGIN_MIN_VERSION } from "./nvidiaCharts.js";

/** Cluster environments NvidiaGpuStack knows how to make GPUs schedulable on. */
export const GPU_ENVIRONMENTS = ["gke", "eks-al2023", "eks-bottlerocket", "generic"];

/** Arguments of {@link NvidiaGpuStack}. */
export interface NvidiaGpuStackArgs {
  /**
   * Kubernetes provider for the cluster (built from its kubeconfig). Optional only when one is
   * given through `opts.provider` / `opts.providers`; the ambient kubeconfig is never used.
   */
  provider?: k8s.Provider;
  /**
   * Where the GPU nodes run, which decides what is already on them: `gke` (GKE-managed driver
   * and device plugin), `eks-al2023` (EKS AL2023 NVIDIA AMI: driver and toolkit, no device
   * plugin), `eks-bottlerocket` (Bottlerocket NVIDIA: driver, toolkit and device plugin) or
   * `generic` (anything else: nothing is assumed, the full GPU operator is installed).
   */
  environment: string;
  /**
   * Install the NVIDIA GPU operator, configured for the environment (driver and toolkit off on
   * EKS and GKE, device plugin off too on Bottlerocket). Default `false`, except `generic`,
   * which always needs it. On GKE, Google recommends its own GPU management instead.
   */
  useGpuOperator?: boolean;
  /**
   * Export GPU metrics with NVIDIA DCGM exporter. Default `true` on EKS (standalone chart, or
   * the operator's exporter) and `generic` (the operator's). On GKE metrics come from the
   * cluster's managed DCGM package (`monitoringConfig.enableComponents: ["DCGM"]`), so this may
   * only be set there together with `useGpuOperator`.
   */
  dcgmExporter?: boolean;
  /**
   * Label GPU nodes with node feature discovery and GPU feature discovery
   * (`nvidia.com/gpu.present`, `nvidia.com/gpu.product`...). Default `true`: the device plugin
   * only schedules on nodes carrying one of those labels (NVIDIA/k8s-device-plugin default
   * affinity; eksctl#8858).
   */
  nodeFeatureDiscovery?: boolean;
  /**
   * Namespace for the NVIDIA add-ons, created by this component with Pod Security `privileged`.
   * Default `gpu-operator` with the operator, else `nvidia-device-plugin`: NVIDIA's own names,
   * and the only ones the guard pack lets enforce `privileged` unless configured otherwise.
   */
  namespace?: string;
  /**
   * Extra tolerations for the NVIDIA DaemonSets, for every other taint your GPU nodes carry
   * (Spot, reservation or dedicated-pool taints). `nvidia.com/gpu:NoSchedule` is always tolerated.
   */
  extraTolerations?: k8s.types.input.core.v1.Toleration[];
  /** Device plugin chart version; default the pinned 0.20.0; 0.19.3 or later. */
  devicePluginChartVersion?: string;
  /** GPU operator chart version; default the pinned v26.7.0. */
  gpuOperatorChartVersion?: string;
  /** DCGM exporter chart version; default the pinned 4.8.1. */
  dcgmExporterChartVersion?: string;
  /** Seconds each Helm release may take to become ready before the update fails. Default 900. */
  releaseTimeoutSeconds?: number;
}

/**
 * Checks NvidiaGpuStack arguments before any resource is created; throws an InputError naming
 * the field and the fix.
 */
export function validateNvidiaGpuStackArgs(name: string, args: NvidiaGpuStackArgs): void {
  const where = `NvidiaGpuStack "${name}"`;
  if (!GPU_ENVIRONMENTS.includes(args.environment)) {
    const hint = closest(String(args.environment), GPU_ENVIRONMENTS);
    throw inputError(
      where,
      "args.environment",
      `is "${String(args.environment)}"${hint ? ` (did you mean "${hint}"?)` : ""}`,
      `use one of ${GPU_ENVIRONMENTS.map((e) => `"${e}"`).join(", ")}`,
    );
  }
  if (args.environment === "generic" && args.useGpuOperator === false) {
    throw inputError(
      where,
      "args.useGpuOperator",
      'is false on a "generic" cluster, where nothing installs the driver, toolkit or device plugin',
      'leave useGpuOperator unset, or pick the environment ("gke", "eks-al2023", "eks-bottlerocket") whose images ship the driver',
    );
  }
  if (args.environment === "gke" && args.dcgmExporter === true && args.useGpuOperator !== true) {
    throw inputError(
      where,
      "args.dcgmExporter",
      "is true on GKE without the GPU operator; a standalone exporter cannot find GKE's driver",
      "enable DCGM in the cluster's monitoringConfig.enableComponents (GKE managed DCGM) or set useGpuOperator: true",
    );
  }
  if (
    args.devicePluginChartVersion !== undefined &&
    compareVersions(args.devicePluginChartVersion, DEVICE_PLUGIN_MIN_VERSION) < 0
  ) {
    throw inputError(
      where,
      "args.devicePluginChartVersion",
      `is ${args.devicePluginChartVersion}, older than ${DEVICE_PLUGIN_MIN_VERSION} (0.19.0-0.19.2 turned gds/gdrcopy/mofed on by default)`,
      `use ${DEVICE_PLUGIN_MIN_VERSION} or later, or leave it unset for the pinned version`,
    );
  }
  if (args.namespace !== undefined) checkDnsLabel(where, "args.namespace", args.namespace);
  if (args.releaseTimeoutSeconds !== undefined) {
    checkInteger(where, "args.releaseTimeoutSeconds", args.releaseTimeoutSeconds, 60, 3600);
  }
}
