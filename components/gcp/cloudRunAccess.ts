import { type ArgsCheck, GCP_MEMBER, isPublicGcpMember } from "../serverless/argsCheck.js";

/** Who can reach and call a Cloud Run service, as component args spell it. */
export interface CloudRunAccessArgs {
  ingress?: string;
  invokers: string[];
  allowPublicAccess?: boolean;
  disableInvokerIam?: boolean;
}

export const CLOUD_RUN_PRIVATE_INGRESS = [
  "INGRESS_TRAFFIC_INTERNAL_ONLY",
  "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
] as const;
const ALL_INGRESS = [...CLOUD_RUN_PRIVATE_INGRESS, "INGRESS_TRAFFIC_ALL"];

/**
 * Checks ingress and invoker IAM (checklist RUN-01, RUN-02): private ingress and named invokers
 * unless `allowPublicAccess` is set; never `allUsers`/`allAuthenticatedUsers` or a disabled
 * invoker check without it. Returns the ingress to use and the invokers to grant.
 */
export function checkCloudRunAccess(
  check: ArgsCheck,
  args: CloudRunAccessArgs,
): { ingress: string; invokers: string[] } {
  const ingress = args.ingress ?? "INGRESS_TRAFFIC_INTERNAL_ONLY";
  if (!ALL_INGRESS.includes(ingress))
    check.fail("ingress", `is ${JSON.stringify(ingress)}`, `use one of ${ALL_INGRESS.join(", ")}`);
  const isPublicOk = args.allowPublicAccess === true;
  if (ingress === "INGRESS_TRAFFIC_ALL" && !isPublicOk) {
    check.fail(
      "ingress",
      "is INGRESS_TRAFFIC_ALL, a public endpoint",
      "use INGRESS_TRAFFIC_INTERNAL_ONLY or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER, or set allowPublicAccess: true on purpose",
    );
  }
  if (args.disableInvokerIam === true && !isPublicOk) {
    check.fail(
      "disableInvokerIam",
      "turns off authentication for every caller",
      "grant roles/run.invoker to named principals in invokers, or set allowPublicAccess: true on purpose",
    );
  }
  const invokers = args.invokers ?? [];
  if (invokers.length === 0 && args.disableInvokerIam !== true) {
    check.fail(
      "invokers",
      "is empty, so nobody could call the service",
      'list the IAM members that may call it, e.g. "serviceAccount:app@my-project.iam.gserviceaccount.com"',
    );
  }
  invokers.forEach((member, i) => {
    if (isPublicGcpMember(member)) {
      if (!isPublicOk) {
        check.fail(
          `invokers[${i}]`,
          `is ${member}, which makes the service public`,
          "name the principals that may call it, or set allowPublicAccess: true on purpose",
        );
      }
    } else if (!GCP_MEMBER.test(member)) {
      check.fail(
        `invokers[${i}]`,
        `is ${JSON.stringify(member)}, not an IAM member`,
        "use the form serviceAccount:<email>, user:<email>, group:<email> or domain:<domain>",
      );
    }
  });
  return { ingress, invokers };
}
