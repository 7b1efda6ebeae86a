import { DEFAULT_EXEMPT_WORKLOADS } from "../lib/exemptions.js";
import { isLiteralSecret, matchesAny } from "../lib/match.js";
import { containersOf, objectRef, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** K8S-04: credentials from Secrets, and no service-account token unless the pod needs one. */
export const k8s04SecretsAndToken = resourceRule({
  name: "k8s-04-secrets-and-token",
  description:
    "Credentials (HF token, API keys) come from secretKeyRef or volumes, never literal env values; pods do not mount a service-account token unless listed.",
  guard: {
    checklistId: "K8S-04",
    priority: "P0",
    sources: [
      "checkov CKV_K8S_35, CKV_K8S_38",
      "kube-linter env-var-secret",
      "Polaris sensitiveContainerEnvVar",
      "trivy KSV-0036",
    ],
    exceptions:
      "pods that call the Kubernetes API, listed in `tokenWorkloads` (namespace/name globs; default the GPU system namespaces)",
  },
  config: {
    tokenWorkloads: {
      type: "array",
      items: { type: "string", pattern: "^[^/]+/[^/]+$" },
      default: DEFAULT_EXEMPT_WORKLOADS,
      description: "Workloads allowed to mount a service-account token.",
    },
  },
  defaults: { tokenWorkloads: DEFAULT_EXEMPT_WORKLOADS },
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    const ref = objectRef(props, ctx.name);
    for (const t of podTemplates(ctx.type, props)) {
      for (const c of containersOf(t)) {
        list(c.container.env).forEach((e, i) => {
          const env = rec(e) ?? {};
          const name = str(env.name) ?? "";
          if (isLiteralSecret(name, env.value)) {
            report(
              `${c.path}.env[${i}] (${name}) holds a literal credential: use valueFrom.secretKeyRef or a Secret volume.`,
            );
          }
        });
      }
      if (t.spec.automountServiceAccountToken !== false && !matchesAny(ref, ctx.config.tokenWorkloads)) {
        report(
          `${t.path}.automountServiceAccountToken is not false: inference pods need no API token (set it to false, or list the workload in \`tokenWorkloads\`).`,
        );
      }
    }
  },
});
