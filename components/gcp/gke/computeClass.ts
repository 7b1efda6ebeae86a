import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { GpuNodePool } from "./nodePools.js";

const ORDER = ["reservation", "spot", "on-demand", "flex-start"];

/**
 * A GKE custom ComputeClass for one GPU shape: the autoscaler tries the shape's pools in order
 * (reservation, Spot, on-demand, queued provisioning) and falls back to the next when one has no
 * capacity. Only manually created pools are used (`nodePoolAutoCreation` off), and the class does
 * not scale anything else up when none of them can (`DoNotScaleUp`).
 * CRD reference: https://cloud.google.com/kubernetes-engine/docs/reference/crds/computeclass
 * (GKE >= 1.30.3-gke.1451000; security-reliability-checklist.md §3.1)
 */
export function createComputeClass(
  name: string,
  className: string,
  pools: GpuNodePool[],
  activeMigration: boolean,
  provider: k8s.Provider,
  parent: pulumi.Resource,
): k8s.apiextensions.CustomResource {
  const ordered = [...pools].sort((a, b) => ORDER.indexOf(a.capacity) - ORDER.indexOf(b.capacity));
  return new k8s.apiextensions.CustomResource(
    `${name}-${className}`,
    {
      apiVersion: "cloud.google.com/v1",
      kind: "ComputeClass",
      metadata: { name: className, labels: { "app.kubernetes.io/managed-by": "inferplane" } },
      spec: {
        priorities: ordered.map((p) => ({ nodepools: [p.poolName] })),
        nodePoolAutoCreation: { enabled: false },
        whenUnsatisfiable: "DoNotScaleUp",
        activeMigration: { optimizeRulePriority: activeMigration },
      },
    },
    { parent, provider, dependsOn: pools.map((p) => p.pool) },
  );
}
