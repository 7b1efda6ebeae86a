import { containersOf, gpuCount, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

function budgetSeconds(probe: Record<string, unknown>): number {
  return (
    (num(probe.initialDelaySeconds) ?? 0) +
    (num(probe.failureThreshold) ?? 3) * (num(probe.periodSeconds) ?? 10)
  );
}

/** GPU-03: model servers survive slow loads and keep liveness independent of readiness. */
export const gpu03ModelProbes = resourceRule({
  name: "gpu-03-model-server-probes",
  description:
    "GPU model servers have a startup probe that covers the model-load budget, a readiness probe on /health, and a liveness probe that differs from readiness and calls nothing external.",
  guard: {
    checklistId: "GPU-03",
    priority: "P1",
    sources: [
      "vLLM docs deployment/k8s.md (troubleshooting)",
      "EKS BP reliability/application.adoc",
      "kube-score pod-probes, pod-probes-identical",
      "checkov CKV_K8S_8/9",
    ],
    exceptions: "LeaderWorkerSet workers (only the leader serves); the budget is `modelLoadSeconds`",
  },
  config: {
    modelLoadSeconds: {
      type: "integer",
      minimum: 0,
      default: 600,
      description: "Seconds a model may take to load before the startup probe gives up.",
    },
    readinessPaths: {
      type: "array",
      items: { type: "string" },
      default: ["/health"],
      description: "HTTP paths accepted for the readiness probe.",
    },
  },
  defaults: { modelLoadSeconds: 600, readinessPaths: ["/health"] },
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    for (const t of podTemplates(ctx.type, props)) {
      if (t.role === "worker") continue;
      for (const c of containersOf(t)) {
        if (c.init || gpuCount(c.container) === 0) continue;
        const startup = rec(c.container.startupProbe);
        if (!startup) {
          report(
            `${c.path} has no startupProbe: liveness kills a model server that is still loading weights.`,
          );
        } else if (budgetSeconds(startup) < ctx.config.modelLoadSeconds) {
          report(
            `${c.path}.startupProbe allows ${budgetSeconds(startup)} s (initialDelaySeconds + failureThreshold x periodSeconds), below the ${ctx.config.modelLoadSeconds} s model-load budget: raise failureThreshold.`,
          );
        }
        const readiness = rec(c.container.readinessProbe);
        const path = str(at(readiness, "httpGet", "path"));
        if (!readiness || !path || !ctx.config.readinessPaths.includes(path)) {
          report(
            `${c.path} needs a readinessProbe with httpGet.path in ${ctx.config.readinessPaths.join(", ")} (found ${path ?? "none"}).`,
          );
        }
        const liveness = rec(c.container.livenessProbe);
        if (liveness && readiness && JSON.stringify(liveness) === JSON.stringify(readiness)) {
          report(
            `${c.path} liveness and readiness probes are identical: a slow request then restarts the server; give liveness a longer period or threshold.`,
          );
        }
        if (liveness && str(at(liveness, "httpGet", "host"))) {
          report(
            `${c.path}.livenessProbe.httpGet.host points elsewhere: liveness must not depend on an external service.`,
          );
        }
      }
    }
  },
});
