import { at, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** REL-01: a PodDisruptionBudget never blocks every voluntary eviction. */
export const rel01PdbAllowsDisruption = resourceRule({
  name: "rel-01-pdb-allows-disruption",
  description:
    "PodDisruptionBudgets allow at least one eviction (no maxUnavailable 0, no minAvailable 100%) and evict unhealthy pods (AlwaysAllow).",
  guard: {
    checklistId: "REL-01",
    priority: "P0",
    sources: [
      "Gatekeeper k8spoddisruptionbudget",
      "compliance-policies disallowZeroVoluntaryDisruption",
      "kube-linter pdb-max-unavailable, pdb-min-available, pdb-unhealthy-pod-eviction-policy",
    ],
    exceptions: "none (minAvailable >= replicas is checked by REL-02, which sees the workload)",
  },
  defaults: {},
  types: ["kubernetes:policy/v1:PodDisruptionBudget"],
  check: (props, _ctx, report) => {
    const spec = rec(props.spec) ?? {};
    const maxUnavailable = spec.maxUnavailable;
    if (maxUnavailable === 0 || maxUnavailable === "0" || maxUnavailable === "0%") {
      report("spec.maxUnavailable is 0: node drains and upgrades block forever; allow at least 1.");
    }
    if (str(spec.minAvailable) === "100%") {
      report('spec.minAvailable is "100%": node drains and upgrades block forever; use maxUnavailable: 1.');
    }
    if (str(at(spec, "unhealthyPodEvictionPolicy")) !== "AlwaysAllow") {
      report(
        'spec.unhealthyPodEvictionPolicy is not "AlwaysAllow": crash-looping pods then block drains (kube-linter pdb-unhealthy-pod-eviction-policy).',
      );
    }
  },
});
