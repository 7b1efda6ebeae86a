import type { PolicyResource } from "@pulumi/policy";
import { num, rec, str } from "./values.js";

/** Type token of the LlmPlatform component whose outputs carry the placement decision. */
export const LLM_PLATFORM = "inferplane:index:LlmPlatform";

/**
 * The contract the stack rules read from an LlmPlatform's registered outputs (docs/guard.md):
 * `decision { platform, cloud, monthlyCostUsd, override? { platform, cloud?, reason, monthlyCostUsd? } }`,
 * `deployedPlatform`, `deployedCloud?`, `budgetUsdPerMonth?`.
 */
export interface PlatformOutputs {
  decided?: string;
  decidedCloud?: string;
  cost?: number;
  override?: { platform?: string; cloud?: string; reason?: string; cost?: number };
  deployed?: string;
  deployedCloud?: string;
  budget?: number;
}

/** Reads the contract from a platform resource's props (its outputs). */
export function platformOutputs(r: PolicyResource): PlatformOutputs {
  const decision = rec(r.props.decision) ?? {};
  const override = rec(decision.override);
  return {
    decided: str(decision.platform),
    decidedCloud: str(decision.cloud),
    cost: num(decision.monthlyCostUsd),
    override: override && {
      platform: str(override.platform),
      cloud: str(override.cloud),
      reason: str(override.reason),
      cost: num(override.monthlyCostUsd),
    },
    deployed: str(r.props.deployedPlatform),
    deployedCloud: str(r.props.deployedCloud),
    budget: num(r.props.budgetUsdPerMonth),
  };
}
