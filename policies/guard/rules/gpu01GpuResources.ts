import { containersOf, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, num, rec } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const GPU = "nvidia.com/gpu";

/** GPU-01: GPUs in limits; memory request and limit; CPU request. */
export const gpu01GpuResources = resourceRule({
  name: "gpu-01-gpu-resources",
  description:
    "Containers that use GPUs declare them in limits (requests equal if set), with memory request and limit and a CPU request.",
  guard: {
    checklistId: "GPU-01",
    priority: "P0",
    sources: [
      "Kubernetes, Schedule GPUs (https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/)",
      "checkov CKV_K8S_10/12/13",
      "kube-score container-resources --ignore-container-cpu-limit",
      "Kyverno other/forbid-cpu-limits",
    ],
    exceptions: "none (a CPU limit is optional)",
  },
  defaults: {},
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    for (const t of podTemplates(ctx.type, props)) {
      for (const c of containersOf(t)) {
        const limits = rec(at(c.container, "resources", "limits")) ?? {};
        const requests = rec(at(c.container, "resources", "requests")) ?? {};
        const limit = num(limits[GPU]);
        const request = num(requests[GPU]);
        if (limit === undefined && request === undefined) continue;
        if (limit === undefined) {
          report(`${c.path} requests ${GPU} without a limit: GPUs are set in resources.limits.`);
        } else if (request !== undefined && request !== limit) {
          report(`${c.path} ${GPU} request ${request} differs from its limit ${limit}: they must be equal.`);
        }
        if (requests.memory === undefined || limits.memory === undefined) {
          report(
            `${c.path} needs resources.requests.memory and resources.limits.memory (a GPU pod that is OOM-killed loses its model).`,
          );
        }
        if (requests.cpu === undefined) report(`${c.path} needs resources.requests.cpu.`);
      }
    }
  },
});
