import { rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GKE-02: application-layer secrets encryption with a Cloud KMS key. */
export const gke02SecretsCmek = resourceRule({
  name: "gke-02-secrets-encryption",
  description: "GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key (application-layer encryption).",
  guard: {
    checklistId: "GKE-02",
    priority: "P0",
    sources: ["CIS GKE 5.3.1", "KICS 83d1c89f (GKE Secrets Not Encrypted with CMEK)", "no checkov rule"],
    exceptions: "none",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster"],
  check: (props, _ctx, report) => {
    const de = rec(props.databaseEncryption);
    if (str(de?.state) !== "ENCRYPTED" || !str(de?.keyName)) {
      report(
        'Secrets are not encrypted with a KMS key: set databaseEncryption = { state: "ENCRYPTED", keyName: <Cloud KMS key id> } (CIS GKE 5.3.1).',
      );
    }
  },
});
