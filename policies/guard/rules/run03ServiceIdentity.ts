import { isLiteralSecret } from "../lib/match.js";
import { at, list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";
import { DEFAULT_COMPUTE_SA } from "./gke04NodeServiceAccount.js";

/** RUN-03: dedicated service identity, secrets from Secret Manager, CMEK where required. */
export const run03ServiceIdentity = resourceRule({
  name: "run-03-service-identity",
  description:
    "Cloud Run services run as a dedicated service account, read secrets from Secret Manager and use CMEK where required.",
  guard: {
    checklistId: "RUN-03",
    priority: "P1",
    sources: [
      "Cloud Run docs (service identity, secrets, CMEK)",
      "CIS GKE 5.2.1 analogue",
      "no checkov rule",
    ],
    exceptions:
      "CMEK (`template.encryptionKey`) is required only when `requireCmek` is true (regulated tiers)",
  },
  config: {
    requireCmek: {
      type: "boolean",
      default: false,
      description: "Require template.encryptionKey (regulated tiers).",
    },
  },
  defaults: { requireCmek: false },
  types: ["gcp:cloudrunv2/service:Service"],
  check: (props, ctx, report) => {
    const template = rec(props.template) ?? {};
    const sa = str(template.serviceAccount);
    if (!sa || DEFAULT_COMPUTE_SA.test(sa)) {
      report(
        `the service runs as ${sa ?? "the Compute Engine default service account"}: set template.serviceAccount to a dedicated account.`,
      );
    }
    list(template.containers).forEach((c, i) => {
      list(rec(c)?.envs).forEach((e, j) => {
        const env = rec(e) ?? {};
        const name = str(env.name) ?? "";
        if (isLiteralSecret(name, env.value) && !at(env, "valueSource", "secretKeyRef")) {
          report(
            `template.containers[${i}].envs[${j}] (${name}) holds a literal credential: use valueSource.secretKeyRef (Secret Manager).`,
          );
        }
      });
    });
    if (ctx.config.requireCmek && !str(template.encryptionKey)) {
      report("this tier requires CMEK: set template.encryptionKey to a Cloud KMS key.");
    }
  },
});
