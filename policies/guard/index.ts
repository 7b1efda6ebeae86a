/**
 * The inferplane guard pack, as the Pulumi CLI runs it:
 *
 *   NODE_OPTIONS="--import tsx" TS_NODE_IGNORE="." pulumi preview --policy-pack policies/guard
 *
 * This module constructs the PolicyPack, which starts the analyzer's gRPC server: import it only
 * from the policy runtime. `inferplane preview` and the tests evaluate the same rule objects
 * through `runner.ts` instead.
 */
import { PolicyPack } from "@pulumi/policy";
import { GUARD_PACK_NAME } from "./meta.js";
import { guardRules } from "./rules.js";

new PolicyPack(GUARD_PACK_NAME, {
  description:
    "Security and reliability rules for LLM inference on GKE, EKS, Cloud Run and SageMaker (docs/guard.md).",
  // Each rule carries its own level (P0/P1 mandatory, P2 advisory); this only covers none.
  enforcementLevel: "advisory",
  policies: [...guardRules],
});
