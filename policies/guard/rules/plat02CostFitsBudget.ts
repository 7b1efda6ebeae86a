import { LLM_PLATFORM, platformOutputs } from "../lib/platform.js";
import { label, stackRule } from "../rule.js";

/** PLAT-02: the estimated monthly cost of what is deployed fits the profile's budget. */
export const plat02CostFitsBudget = stackRule({
  name: "plat-02-cost-within-budget",
  description: "The estimated monthly cost of the deployed option fits the workload profile's budget.",
  guard: {
    checklistId: "PLAT-02",
    priority: "P0",
    sources: ["inferplane design brief (constraints: budget)", "issue 9, stack rules"],
    exceptions: "none; a stack without a budget is not checked",
  },
  defaults: {},
  check: (resources, _config, report, args) => {
    const platforms = resources.filter((r) => r.type === LLM_PLATFORM);
    if (platforms.length === 0) args.notApplicable("no inferplane:index:LlmPlatform in this stack");
    for (const r of platforms) {
      const o = platformOutputs(r);
      if (o.budget === undefined) continue;
      const cost = o.override?.cost ?? o.cost;
      if (cost === undefined) {
        report(
          `${label(r)} has a budget of $${o.budget}/month but publishes no decision.monthlyCostUsd: the cost cannot be checked.`,
          r.urn,
        );
      } else if (cost > o.budget) {
        report(
          `${label(r)} is estimated at $${cost.toFixed(0)}/month, over the $${o.budget.toFixed(0)}/month budget: shrink the deployment, raise the budget, or choose a cheaper option.`,
          r.urn,
        );
      }
    }
  },
});
