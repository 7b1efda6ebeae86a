import { quantity } from "../lib/quantity.js";
import { at, isTrue, list, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const GIB = 2 ** 30;

/** RUN-04: GPU services have an instance cap, the GPU minimum of 4 CPU / 16 GiB, and zonal redundancy. */
export const run04GpuSizing = resourceRule({
  name: "run-04-gpu-service-sizing",
  description:
    "Cloud Run GPU services cap instances, request at least 4 CPU and 16 GiB, and keep GPU zonal redundancy.",
  guard: {
    checklistId: "RUN-04",
    priority: "P1",
    sources: [
      "Cloud Run GPU docs (https://cloud.google.com/run/docs/configuring/services/gpu)",
      "GPU zonal redundancy docs (https://cloud.google.com/run/docs/configuring/services/gpu-zonal-redundancy)",
    ],
    exceptions:
      "zonal redundancy may be disabled (best-effort failover, cheaper) where `allowZonalRedundancyDisabled` is true, e.g. dev stacks",
  },
  config: {
    allowZonalRedundancyDisabled: {
      type: "boolean",
      default: false,
      description: "Accept template.gpuZonalRedundancyDisabled = true (non-production tiers).",
    },
  },
  defaults: { allowZonalRedundancyDisabled: false },
  types: ["gcp:cloudrunv2/service:Service"],
  check: (props, ctx, report) => {
    const template = rec(props.template) ?? {};
    const containers = list(template.containers).map((c) => rec(c) ?? {});
    const gpu =
      str(at(template, "nodeSelector", "accelerator")) !== undefined ||
      containers.some((c) => num(at(c, "resources", "limits", "nvidia.com/gpu")) !== undefined);
    if (!gpu) return;
    const max =
      num(at(template, "scaling", "maxInstanceCount")) ?? num(at(props, "scaling", "maxInstanceCount"));
    if (max === undefined) {
      report("no instance cap: set template.scaling.maxInstanceCount (GPU quota and cost are per instance).");
    }
    containers.forEach((c, i) => {
      const limits = rec(at(c, "resources", "limits"));
      if (num(limits?.["nvidia.com/gpu"]) === undefined && i > 0) return;
      const cpu = quantity(limits?.cpu);
      const memory = quantity(limits?.memory);
      if (cpu === undefined || cpu < 4 || memory === undefined || memory < 16 * GIB) {
        report(
          `template.containers[${i}] asks for cpu ${String(limits?.cpu ?? "unset")}, memory ${String(limits?.memory ?? "unset")}: ` +
            'GPU instances need at least cpu "4" and memory "16Gi" in resources.limits.',
        );
      }
    });
    if (isTrue(template.gpuZonalRedundancyDisabled) && !ctx.config.allowZonalRedundancyDisabled) {
      report(
        "template.gpuZonalRedundancyDisabled = true makes zonal failover best-effort: remove it, or set the rule's `allowZonalRedundancyDisabled` for non-production stacks.",
      );
    }
  },
});
