import { DEFAULT_EXEMPT_WORKLOADS, exemptWorkloadsSchema } from "../lib/exemptions.js";
import { matchesAny } from "../lib/match.js";
import { containersOf, objectRef, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GPU-04 (advisory): read-only root filesystem with writable emptyDirs for caches. */
export const gpu04ReadOnlyRoot = resourceRule({
  name: "gpu-04-read-only-root",
  description:
    "Containers run with a read-only root filesystem and writable emptyDirs for HF_HOME, VLLM_CACHE_ROOT, temp and config dirs.",
  guard: {
    checklistId: "GPU-04",
    priority: "P2",
    sources: [
      "checkov CKV_K8S_22",
      "trivy KSV-0014",
      "kube-linter no-read-only-root-fs",
      "vLLM docs docker.md",
      "llm-d/llm-d#1430",
    ],
    exceptions: "advisory; workloads in `exemptWorkloads`",
  },
  config: exemptWorkloadsSchema,
  defaults: { exemptWorkloads: DEFAULT_EXEMPT_WORKLOADS },
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    if (matchesAny(objectRef(props, ctx.name), ctx.config.exemptWorkloads)) return;
    for (const t of podTemplates(ctx.type, props)) {
      for (const c of containersOf(t)) {
        if (at(c.container, "securityContext", "readOnlyRootFilesystem") !== true) {
          report(
            `${c.path}.securityContext.readOnlyRootFilesystem is not true: make the root filesystem read-only and mount emptyDirs for caches and /tmp.`,
          );
        }
      }
    }
  },
});
