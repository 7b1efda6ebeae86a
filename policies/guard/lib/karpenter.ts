import { at, list, rec, str, strings } from "./values.js";

/** Karpenter v1 NodePool token (a CustomResource). */
export const KARPENTER_NODEPOOL = "kubernetes:karpenter.sh/v1:NodePool";

/** Capacity types a Karpenter NodePool allows (Karpenter defaults to on-demand when unconstrained). */
export function karpenterCapacityTypes(props: Record<string, unknown>): string[] {
  const req = list(at(props, "spec", "template", "spec", "requirements"))
    .map((r) => rec(r) ?? {})
    .find((r) => str(r.key) === "karpenter.sh/capacity-type");
  if (!req) return ["on-demand"];
  return strings(req.values);
}

/** True when a Karpenter NodePool provisions GPU nodes (GPU taint or a GPU requirement). */
export function karpenterHasGpu(props: Record<string, unknown>): boolean {
  const spec = rec(at(props, "spec", "template", "spec")) ?? {};
  if (list(spec.taints).some((t) => str(rec(t)?.key) === "nvidia.com/gpu")) return true;
  return list(spec.requirements).some((r) => {
    const req = rec(r) ?? {};
    const key = str(req.key) ?? "";
    if (/gpu/.test(key)) return true;
    return (
      key === "karpenter.k8s.aws/instance-family" && strings(req.values).some((v) => /^(p|g)[0-9]/.test(v))
    );
  });
}

/** Chart name of a Helm Release / Chart resource (last path segment of an OCI or repo reference). */
export function chartName(props: Record<string, unknown>): string {
  const chart = str(props.chart) ?? "";
  return chart.slice(chart.lastIndexOf("/") + 1);
}

/** Helm types whose `chart` and `values` we can read. */
export const HELM_TYPES = new Set([
  "kubernetes:helm.sh/v3:Release",
  "kubernetes:helm.sh/v4:Chart",
  "kubernetes:helm.sh/v3:Chart",
]);
