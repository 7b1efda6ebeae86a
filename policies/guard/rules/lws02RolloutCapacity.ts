import { LWS_TYPE } from "../lib/pods.js";
import { at, num } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** LWS-02: a rollout never takes the only group down. */
export const lws02RolloutCapacity = resourceRule({
  name: "lws-02-rollout-capacity",
  description:
    "LeaderWorkerSets keep serving during rollouts: replicas >= 2 or rollingUpdateConfiguration.maxSurge >= 1.",
  guard: {
    checklistId: "LWS-02",
    priority: "P1",
    sources: ["LWS RollingUpdateConfiguration defaults (maxUnavailable 1, maxSurge 0)"],
    exceptions: "non-production stacks may set `allowSingleGroup`",
  },
  config: {
    allowSingleGroup: {
      type: "boolean",
      default: false,
      description: "Accept one group without surge (dev tiers).",
    },
  },
  defaults: { allowSingleGroup: false },
  types: [LWS_TYPE],
  check: (props, ctx, report) => {
    if (ctx.config.allowSingleGroup) return;
    const replicas = num(at(props, "spec", "replicas")) ?? 1;
    const raw = at(props, "spec", "rolloutStrategy", "rollingUpdateConfiguration", "maxSurge");
    // maxSurge is an int or a percentage ("25%"); any positive percentage surges at least one group.
    const surge = num(raw) ?? (typeof raw === "string" && Number.parseFloat(raw) > 0 ? 1 : 0);
    if (replicas < 2 && surge < 1) {
      report(
        "one group and maxSurge 0: every update takes the model down. Set spec.replicas >= 2 or spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge = 1.",
      );
    }
  },
});
