import { LLM_PLATFORM, platformOutputs } from "../lib/platform.js";
import { label, stackRule } from "../rule.js";

/** PLAT-01: the deployed platform is the decided one, or a recorded override with a reason. */
export const plat01MatchesDecision = stackRule({
  name: "plat-01-platform-matches-decision",
  description:
    "The platform an LlmPlatform deploys matches its placement decision, or a recorded override that states its reason.",
  guard: {
    checklistId: "PLAT-01",
    priority: "P0",
    sources: ["inferplane design brief (decision -> LlmPlatform)", "issue 9, stack rules"],
    exceptions: "an override recorded in decision.override { platform, cloud?, reason }",
  },
  defaults: {},
  check: (resources, _config, report, args) => {
    const platforms = resources.filter((r) => r.type === LLM_PLATFORM);
    if (platforms.length === 0) args.notApplicable("no inferplane:index:LlmPlatform in this stack");
    for (const r of platforms) {
      const o = platformOutputs(r);
      if (!o.decided || !o.deployed) {
        report(
          `${label(r)} does not publish decision.platform and deployedPlatform in its outputs: the deployment cannot be checked against the decision.`,
          r.urn,
        );
        continue;
      }
      if (o.override && !o.override.reason) {
        report(`${label(r)} overrides the decision without decision.override.reason: record why.`, r.urn);
      }
      const expected = o.override?.platform ?? o.decided;
      const expectedCloud = o.override?.cloud ?? o.decidedCloud;
      if (o.deployed !== expected) {
        report(
          `${label(r)} deploys ${o.deployed} but the ${o.override ? "recorded override" : "placement decision"} says ${expected}: deploy the decided platform or record an override with a reason.`,
          r.urn,
        );
      } else if (o.deployedCloud && expectedCloud && o.deployedCloud !== expectedCloud) {
        report(`${label(r)} deploys on ${o.deployedCloud} but the decision says ${expectedCloud}.`, r.urn);
      }
    }
  },
});
