import type * as k8s from "@pulumi/kubernetes";
import {
  type ChartPin,
  DCGM_EXPORTER_CHART,
  DEVICE_PLUGIN_CHART,
  GPU_OPERATOR_CHART,
} from "./nvidiaCharts.js";
import type { NvidiaGpuStackArgs } from "./nvidiaGpuStackArgs.js";

type Toleration = k8s.types.input.core.v1.Toleration;

/** One Helm release the stack installs. */
export interface PlannedRelease {
  /** Stable key, also the child resource suffix and the Helm release name. */
  key: string;
  pin: ChartPin;
  values: Record<string, unknown>;
}

/** What NvidiaGpuStack installs for an environment, decided from its arguments alone. */
export interface GpuStackPlan {
  /** Namespace of the add-ons, or `undefined` when nothing runs in-cluster (GKE defaults). */
  namespace: string | undefined;
  releases: PlannedRelease[];
  /** GKE admits system-*-critical pods outside kube-system only under a ResourceQuota. */
  criticalPriorityQuota: boolean;
  /** Pieces the platform itself provides, so nobody installs them twice. */
  providedByPlatform: string[];
  /** What the GPU node pools must carry for this plan to work (cluster components' job). */
  nodeRequirements: string[];
}

/** The taint GPU node pools carry (declared explicitly by the cluster components, anchors §2.7). */
export const GPU_TOLERATION: Toleration = { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" };

/** Node labels that mark NVIDIA GPU nodes, any one of which is enough (NFD, GFD, Karpenter, Auto Mode). */
export const GPU_NODE_LABELS: ReadonlyArray<[string, string]> = [
  ["nvidia.com/gpu.present", "true"],
  ["feature.node.kubernetes.io/pci-10de.present", "true"],
  ["karpenter.k8s.aws/instance-gpu-manufacturer", "nvidia"],
  ["eks.amazonaws.com/instance-gpu-manufacturer", "nvidia"],
];

const GKE_DRIVER_DIR = "/home/kubernetes/bin/nvidia";

/** Decides the releases and values for `args` (already validated). Pure, so every branch is unit-tested. */
export function planNvidiaGpuStack(args: NvidiaGpuStackArgs): GpuStackPlan {
  const env = args.environment;
  const operator = env === "generic" || args.useGpuOperator === true;
  const nfd = args.nodeFeatureDiscovery ?? true;
  const dcgm = args.dcgmExporter ?? env !== "gke";
  const tolerations: Toleration[] = [GPU_TOLERATION, ...(args.extraTolerations ?? [])];
  const releases: PlannedRelease[] = [];
  const providedByPlatform: string[] = [];
  const nodeRequirements = ["GPU node pools tainted nvidia.com/gpu:NoSchedule (declared, not assumed)"];

  if (env === "gke") {
    providedByPlatform.push(
      "NVIDIA driver (node pool gpuDriverInstallationConfig.gpuDriverVersion LATEST or DEFAULT)",
    );
    if (!operator) {
      providedByPlatform.push("device plugin (GKE's DaemonSet in kube-system)");
      providedByPlatform.push('GPU metrics (cluster monitoringConfig.enableComponents includes "DCGM")');
      nodeRequirements.push(
        "gpuDriverInstallationConfig.gpuDriverVersion set to LATEST or DEFAULT on every GPU pool",
      );
    } else {
      nodeRequirements.push(
        "node label gke-no-default-nvidia-gpu-device-plugin=true on GPU pools, so GKE's plugin steps aside",
        "GKE-managed driver installed under /home/kubernetes/bin/nvidia (gpuDriverVersion LATEST or DEFAULT)",
      );
    }
  } else if (env === "eks-al2023") {
    providedByPlatform.push("NVIDIA driver and container toolkit (AL2023 NVIDIA AMI)");
  } else if (env === "eks-bottlerocket") {
    providedByPlatform.push(
      "NVIDIA driver, container toolkit, device plugin and MIG manager (Bottlerocket NVIDIA)",
    );
  }

  if (operator) {
    releases.push({
      key: "gpu-operator",
      pin: GPU_OPERATOR_CHART,
      values: operatorValues(env, nfd, dcgm, tolerations),
    });
  } else {
    if (env === "eks-al2023") {
      releases.push({
        key: "device-plugin",
        pin: DEVICE_PLUGIN_CHART,
        values: devicePluginValues(nfd, tolerations),
      });
    }
    if (dcgm && env !== "gke") {
      releases.push({
        key: "dcgm-exporter",
        pin: DCGM_EXPORTER_CHART,
        values: dcgmExporterValues(tolerations),
      });
      if (env === "eks-bottlerocket" && !nfd) {
        nodeRequirements.push(
          "a GPU node label (e.g. nvidia.com/gpu.present=true) so the DCGM exporter schedules",
        );
      }
    }
  }
  return {
    namespace: releases.length > 0 ? (args.namespace ?? defaultNamespace(operator)) : undefined,
    releases,
    criticalPriorityQuota: env === "gke" && releases.length > 0,
    providedByPlatform,
    nodeRequirements,
  };
}

/**
 * The conventional namespaces NVIDIA documents (`gpu-operator`, `nvidia-device-plugin`), which
 * are also the guard pack's default allowlist for the `privileged` Pod Security level (K8S-01).
 */
export function defaultNamespace(operator: boolean): string {
  return operator ? "gpu-operator" : "nvidia-device-plugin";
}

function operatorValues(
  env: string,
  nfd: boolean,
  dcgm: boolean,
  tolerations: Toleration[],
): Record<string, unknown> {
  // We label the namespace ourselves (privileged enforce, baseline audit), so the operator must not.
  const values: Record<string, unknown> = {
    psa: { enabled: false },
    nfd: { enabled: nfd },
    dcgmExporter: { enabled: dcgm },
    daemonsets: { tolerations, priorityClassName: "system-node-critical" },
  };
  if (env === "eks-al2023") {
    // The AMI ships the driver and toolkit (awsdocs ml-eks-optimized-ami.adoc).
    Object.assign(values, { driver: { enabled: false }, toolkit: { enabled: false } });
  } else if (env === "eks-bottlerocket") {
    // Bottlerocket also ships the device plugin and MIG manager.
    Object.assign(values, {
      driver: { enabled: false },
      toolkit: { enabled: false },
      devicePlugin: { enabled: false },
      migManager: { enabled: false },
    });
  } else if (env === "gke") {
    // NVIDIA cloud-native-docs gpu-operator/google-gke.rst: GKE installs the driver under
    // /home/kubernetes/bin/nvidia; the operator must neither install a driver nor rewrite
    // containerd's config (gpu-operator#1577), so CDI is used instead.
    Object.assign(values, {
      driver: { enabled: false },
      hostPaths: { driverInstallDir: GKE_DRIVER_DIR },
      toolkit: { installDir: GKE_DRIVER_DIR },
      cdi: { enabled: true },
    });
  }
  return values;
}

function devicePluginValues(nfd: boolean, tolerations: Toleration[]): Record<string, unknown> {
  return {
    // GFD labels GPU nodes (and pulls in NFD), which the plugin's default node affinity needs.
    gfd: { enabled: nfd },
    nfd: { enabled: nfd },
    // Explicit, so a chart default flip (as in 0.19.0) cannot turn them on behind our back.
    gdsEnabled: false,
    mofedEnabled: false,
    priorityClassName: "system-node-critical",
    tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, ...tolerations],
  };
}

function dcgmExporterValues(tolerations: Toleration[]): Record<string, unknown> {
  return {
    tolerations,
    // Only GPU nodes: on a CPU node the exporter crash-loops looking for a driver.
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: GPU_NODE_LABELS.map(([key, value]) => ({
            matchExpressions: [{ key, operator: "In", values: [value] }],
          })),
        },
      },
    },
    // No Prometheus operator is assumed; scrape the Service or enable this yourself.
    serviceMonitor: { enabled: false },
  };
}
