import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "./helmRelease.js";
import { type NvidiaGpuStackArgs, validateNvidiaGpuStackArgs } from "./nvidiaGpuStackArgs.js";
import { GPU_TOLERATION, planNvidiaGpuStack } from "./nvidiaGpuStackPlan.js";
import { podSecurityLabels } from "./podSecurity.js";
import { requireKubernetesProvider } from "./provider.js";

/**
 * Makes NVIDIA GPUs schedulable on a cluster, aware of what its nodes already ship: nothing
 * in-cluster on GKE by default (GKE-managed driver, device plugin and DCGM metrics), the
 * device plugin and DCGM exporter on EKS AL2023, the DCGM exporter on Bottlerocket, the full
 * GPU operator anywhere else (or everywhere, with `useGpuOperator`). Add-ons run in one
 * namespace that enforces the `privileged` Pod Security level they need (hostPath device-plugin
 * sockets, privileged operands) and audits at `baseline` so the exception stays visible.
 */
export class NvidiaGpuStack extends pulumi.ComponentResource {
  /** Namespace of the add-ons; undefined when nothing is installed in-cluster. */
  public readonly namespace: pulumi.Output<string | undefined>;
  /** Keys of the Helm releases installed (`gpu-operator`, `device-plugin`, `dcgm-exporter`). */
  public readonly installed: string[];
  /** Status of each release (`deployed` once Helm's wait succeeded). */
  public readonly releaseStatuses: pulumi.Output<Record<string, string>>;
  /** Tolerations GPU workloads need for the stack's GPU taint. */
  public readonly gpuTolerations: k8s.types.input.core.v1.Toleration[];
  /** Pieces the platform itself provides in this environment. */
  public readonly providedByPlatform: string[];
  /** What the GPU node pools must carry for this stack to work. */
  public readonly nodeRequirements: string[];

  constructor(name: string, args: NvidiaGpuStackArgs, opts?: pulumi.ComponentResourceOptions) {
    validateNvidiaGpuStackArgs(name, args);
    super("inferplane:index:NvidiaGpuStack", name, {}, opts);
    const provider = requireKubernetesProvider(this, "NvidiaGpuStack", name, args.provider);
    const plan = planNvidiaGpuStack(args);
    const childOpts = { parent: this, provider };

    let namespace: pulumi.Output<string> | undefined;
    const statuses: Record<string, pulumi.Output<string>> = {};
    if (plan.namespace !== undefined) {
      const ns = new k8s.core.v1.Namespace(
        `${name}-ns`,
        {
          metadata: {
            name: plan.namespace,
            labels: {
              "app.kubernetes.io/part-of": "nvidia-gpu-stack",
              "app.kubernetes.io/managed-by": "inferplane",
              // Device plugin and GFD mount hostPath sockets; the operator's operands are
              // privileged with hostPID; dcgm-exporter adds SYS_ADMIN. Baseline refuses all three.
              ...podSecurityLabels("privileged", "baseline"),
            },
          },
        },
        childOpts,
      );
      namespace = ns.metadata.name;
      const dependsOn: pulumi.Resource[] = [ns];
      if (plan.criticalPriorityQuota) {
        // GKE admits system-node-critical / system-cluster-critical pods outside kube-system
        // only under a matching ResourceQuota (NVIDIA google-gke-gpu-operator-quota.yaml).
        dependsOn.push(
          new k8s.core.v1.ResourceQuota(
            `${name}-critical-pods`,
            {
              metadata: { name: "gpu-critical-pods", namespace },
              spec: {
                hard: { pods: "100" },
                scopeSelector: {
                  matchExpressions: [
                    {
                      scopeName: "PriorityClass",
                      operator: "In",
                      values: ["system-node-critical", "system-cluster-critical"],
                    },
                  ],
                },
              },
            },
            childOpts,
          ),
        );
      }
      for (const release of plan.releases) {
        const r = pinnedRelease(
          `${name}-${release.key}`,
          {
            pin: release.pin,
            releaseName: release.key,
            namespace,
            values: release.values,
            timeoutSeconds: args.releaseTimeoutSeconds ?? 900,
          },
          { ...childOpts, dependsOn },
        );
        statuses[release.key] = r.status.status;
      }
    }

    this.namespace = namespace ?? pulumi.output(undefined);
    this.installed = plan.releases.map((r) => r.key);
    this.releaseStatuses = pulumi.output(statuses);
    this.gpuTolerations = [GPU_TOLERATION];
    this.providedByPlatform = plan.providedByPlatform;
    this.nodeRequirements = plan.nodeRequirements;
    this.registerOutputs({
      namespace: this.namespace,
      installed: this.installed,
      releaseStatuses: this.releaseStatuses,
      providedByPlatform: this.providedByPlatform,
      nodeRequirements: this.nodeRequirements,
    });
  }
}
