import type { Props } from "../rule.js";
import { at, list, num, rec, str } from "./values.js";

/** LeaderWorkerSet's Pulumi type token (a CustomResource: match the token, not a class). */
export const LWS_TYPE = "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet";

/** Every Kubernetes type token whose objects carry pod templates. */
export const WORKLOAD_TYPES = [
  "kubernetes:core/v1:Pod",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:apps/v1:ReplicaSet",
  "kubernetes:batch/v1:Job",
  "kubernetes:batch/v1:CronJob",
  LWS_TYPE,
] as const;

/** One pod template of a workload (LeaderWorkerSet has two: leader and worker). */
export interface PodTemplate {
  /** `pod` for ordinary workloads, `leader`/`worker` for LeaderWorkerSet. */
  role: "pod" | "leader" | "worker";
  /** `spec` of the pod (or of the template). */
  spec: Record<string, unknown>;
  /** Labels of the pod template. */
  labels: Record<string, unknown>;
  /** Where the template sits in the resource, for messages (e.g. `spec.template.spec`). */
  path: string;
}

/** The pod templates of a workload's props; empty when the resource has none. */
export function podTemplates(type: string, props: Props): PodTemplate[] {
  const spec = rec(props.spec);
  if (!spec) return [];
  if (type === "kubernetes:core/v1:Pod") {
    return [{ role: "pod", spec, labels: rec(at(props, "metadata", "labels")) ?? {}, path: "spec" }];
  }
  if (type === LWS_TYPE) {
    const out: PodTemplate[] = [];
    const lwt = rec(spec.leaderWorkerTemplate);
    for (const [role, key] of [
      ["leader", "leaderTemplate"],
      ["worker", "workerTemplate"],
    ] as const) {
      const template = rec(lwt?.[key]);
      const podSpec = rec(template?.spec);
      if (template && podSpec) {
        out.push({
          role,
          spec: podSpec,
          labels: rec(at(template, "metadata", "labels")) ?? {},
          path: `spec.leaderWorkerTemplate.${key}.spec`,
        });
      }
    }
    return out;
  }
  const template = type.endsWith(":CronJob")
    ? rec(at(spec, "jobTemplate", "spec", "template"))
    : rec(spec.template);
  const podSpec = rec(template?.spec);
  if (!template || !podSpec) return [];
  return [
    {
      role: "pod",
      spec: podSpec,
      labels: rec(at(template, "metadata", "labels")) ?? {},
      path: type.endsWith(":CronJob") ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec",
    },
  ];
}

/** One container of a pod template, with where it sits. */
export interface ContainerRef {
  container: Record<string, unknown>;
  /** Container name, or its index when unnamed. */
  name: string;
  /** Field path of the container, e.g. `spec.template.spec.containers[0]`. */
  path: string;
  /** True for init and ephemeral containers. */
  init: boolean;
}

/** Containers, init containers and ephemeral containers of a pod spec. */
export function containersOf(template: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const field of ["containers", "initContainers", "ephemeralContainers"] as const) {
    list(template.spec[field]).forEach((c, i) => {
      const container = rec(c);
      if (!container) return;
      out.push({
        container,
        name: str(container.name) ?? `#${i}`,
        path: `${template.path}.${field}[${i}]`,
        init: field !== "containers",
      });
    });
  }
  return out;
}

/** GPUs a container asks for (`nvidia.com/gpu` in limits, else requests). */
export function gpuCount(container: Record<string, unknown>): number {
  const limits = rec(at(container, "resources", "limits"));
  const requests = rec(at(container, "resources", "requests"));
  return num(limits?.["nvidia.com/gpu"]) ?? num(requests?.["nvidia.com/gpu"]) ?? 0;
}

/** GPUs the whole pod asks for. */
export function podGpus(template: PodTemplate): number {
  return containersOf(template).reduce((sum, c) => sum + gpuCount(c.container), 0);
}

/** The namespace and name of a Kubernetes object's props (namespace defaults to `default`). */
export function objectRef(props: Props, fallbackName: string): { namespace: string; name: string } {
  const metadata = rec(props.metadata);
  return {
    namespace: str(metadata?.namespace) ?? "default",
    name: str(metadata?.name) ?? fallbackName,
  };
}

/** Container images a pod template runs. */
export function imagesOf(template: PodTemplate): string[] {
  return containersOf(template)
    .map((c) => str(c.container.image))
    .filter((i): i is string => i !== undefined);
}
