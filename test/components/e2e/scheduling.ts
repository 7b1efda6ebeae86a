/**
 * Just enough of the Kubernetes scheduler's node filtering to check, offline, that a rendered pod
 * template can land on a rendered node pool: taints against tolerations, required node affinity
 * against node labels. https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: Requirement[];
}
export interface PodSpecLike {
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
      preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
    };
  };
}
/** A node as the scheduler sees it: its labels and taints. */
export interface NodeLike {
  labels: Record<string, string>;
  taints: Taint[];
}

/** `NO_SCHEDULE` (cloud APIs) -> `NoSchedule` (Kubernetes). */
export function k8sEffect(effect: string): string {
  return effect
    .toLowerCase()
    .split("_")
    .map((w) => (w[0]?.toUpperCase() ?? "") + w.slice(1))
    .join("");
}

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === "Exists") return t.key === undefined || t.key === "" || t.key === taint.key;
  return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
}

function matches(term: NodeSelectorTerm, labels: Record<string, string>): boolean {
  return (term.matchExpressions ?? []).every((r) => {
    const v = labels[r.key];
    switch (r.operator) {
      case "In":
        return v !== undefined && (r.values ?? []).includes(v);
      case "NotIn":
        return v === undefined || !(r.values ?? []).includes(v);
      case "Exists":
        return v !== undefined;
      case "DoesNotExist":
        return v === undefined;
      default:
        throw new Error(`operator ${r.operator} not modelled`);
    }
  });
}

/** The taints of `node` the pod does not tolerate (NoSchedule / NoExecute only). */
export function untoleratedTaints(pod: PodSpecLike, node: NodeLike): Taint[] {
  return node.taints.filter(
    (taint) =>
      taint.effect !== "PreferNoSchedule" && !(pod.tolerations ?? []).some((t) => tolerates(t, taint)),
  );
}

/** Whether the pod's nodeSelector and required node affinity accept the node's labels. */
export function affinityAccepts(pod: PodSpecLike, node: NodeLike): boolean {
  const selectorOk = Object.entries(pod.nodeSelector ?? {}).every(([k, v]) => node.labels[k] === v);
  const required = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return selectorOk && (!required || required.nodeSelectorTerms.some((term) => matches(term, node.labels)));
}

/** Whether the pod can be scheduled on the node (ignoring resources). */
export function schedulable(pod: PodSpecLike, node: NodeLike): boolean {
  return untoleratedTaints(pod, node).length === 0 && affinityAccepts(pod, node);
}

/** Whether one of the pod's preferred node-affinity terms matches the node. */
export function preferred(pod: PodSpecLike, node: NodeLike): boolean {
  return (pod.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((p) =>
    matches(p.preference, node.labels),
  );
}
