/**
 * Node labels and taints the cluster components put on GPU nodes, shared by GKE and EKS so that
 * the Kubernetes GPU layer (NvidiaGpuStack, LlmInferenceService) can tolerate and select them
 * without knowing the cloud. The clusters also expose the exact taints as an output.
 */

/** A Kubernetes node taint as the Kubernetes API writes it. */
export interface NodeTaint {
  key: string;
  value: string;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
  effect: string;
}

/**
 * Every GPU node carries this taint. Declared explicitly: GKE adds it only when a non-GPU pool
 * already exists (a race when pools are created in parallel), EKS never adds it
 * (anchors-and-api-facts.md §2.7). The ExtendedResourceToleration admission plugin (GKE) and our
 * workloads add the matching toleration to pods that request `nvidia.com/gpu`.
 */
export const GPU_TAINT: NodeTaint = { key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" };

/** Label with the capacity type of a node pool: `spot` or `on-demand` (or `flex-start`). */
export const CAPACITY_TYPE_LABEL = "inferplane.dev/capacity-type";
/** Label with the GPU pool (shape) name the node belongs to, same for its Spot and on-demand pools. */
export const GPU_POOL_LABEL = "inferplane.dev/gpu-pool";
/** Label with the canonical catalog GPU type (`L4`, `H100-80GB`). */
export const GPU_TYPE_LABEL = "inferplane.dev/gpu-type";

/** Kubernetes effect name to the enum the GKE and EKS APIs use (`NoSchedule` -> `NO_SCHEDULE`). */
export function cloudTaintEffect(effect: string): string {
  return effect.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

/** A toleration for `taint` (Kubernetes `core/v1` Toleration shape). */
export interface NodeToleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

/** Tolerations matching `taints` exactly, for GPU DaemonSets (e.g. NvidiaGpuStack `extraTolerations`). */
export function tolerationsFor(taints: ReadonlyArray<NodeTaint>): NodeToleration[] {
  return taints.map((t) => ({ key: t.key, operator: "Equal", value: t.value, effect: t.effect }));
}
