import { isTrue, jsonDoc, list, rec, str, strings } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const PUBLIC = new Set(["allUsers", "allAuthenticatedUsers"]);

/** RUN-01: no public invoker, and the invoker IAM check is never disabled. */
export const run01NoPublicInvoker = resourceRule({
  name: "run-01-no-public-invoker",
  description:
    "Cloud Run services are not invocable by allUsers/allAuthenticatedUsers and keep the invoker IAM check.",
  guard: {
    checklistId: "RUN-01",
    priority: "P0",
    sources: [
      "checkov CKV_GCP_102",
      "KICS 07a27a3b (cloud_run_service_allows_unauthenticated)",
      "gap: invokerIamDisabled",
    ],
    exceptions: "none (a public API goes behind an authenticated gateway)",
  },
  defaults: {},
  types: [
    "gcp:cloudrunv2/service:Service",
    "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
    "gcp:cloudrun/iamMember:IamMember",
    "gcp:cloudrun/iamBinding:IamBinding",
    "gcp:cloudrun/iamPolicy:IamPolicy",
  ],
  check: (props, ctx, report) => {
    if (ctx.type === "gcp:cloudrunv2/service:Service") {
      if (isTrue(props.invokerIamDisabled)) {
        report(
          "invokerIamDisabled = true lets anyone who reaches the URL invoke the service: remove it and grant roles/run.invoker to callers.",
        );
      }
      return;
    }
    const grants: Array<{ role: string; members: string[] }> = [];
    if (props.policyData !== undefined) {
      for (const b of list(rec(jsonDoc(props.policyData))?.bindings)) {
        grants.push({ role: str(rec(b)?.role) ?? "", members: strings(rec(b)?.members) });
      }
    } else {
      grants.push({
        role: str(props.role) ?? "",
        members: [...strings(props.member), ...strings(props.members)],
      });
    }
    for (const g of grants) {
      const open = g.members.filter((m) => PUBLIC.has(m));
      if (open.length > 0) {
        report(
          `${g.role || "a role"} is granted to ${open.join(", ")}: the service is public. Grant it to named service accounts or groups (CKV_GCP_102).`,
        );
      }
    }
  },
});
