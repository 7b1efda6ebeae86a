import { at, isTrue } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GKE-05: no legacy ABAC, no client certificates. */
export const gke05LegacyAuth = resourceRule({
  name: "gke-05-legacy-auth-off",
  description: "GKE clusters disable legacy ABAC and client-certificate authentication.",
  guard: {
    checklistId: "GKE-05",
    priority: "P0",
    sources: [
      "CIS GKE 5.8.1, 5.8.3",
      "checkov CKV_GCP_7, CKV_GCP_13",
      "trivy AVD-GCP-0062, AVD-GCP-0064",
      "KICS client_certificate_disabled",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["gcp:container/cluster:Cluster"],
  check: (props, _ctx, report) => {
    if (isTrue(props.enableLegacyAbac)) {
      report(
        "legacy ABAC grants broad static permissions: set enableLegacyAbac = false and use RBAC (CIS GKE 5.8.3).",
      );
    }
    if (isTrue(at(props, "masterAuth", "clientCertificateConfig", "issueClientCertificate"))) {
      report(
        "a client certificate is issued (a long-lived admin credential): set masterAuth.clientCertificateConfig.issueClientCertificate = false (CIS GKE 5.8.1).",
      );
    }
  },
});
