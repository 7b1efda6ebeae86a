import type { PolicyResource } from "@pulumi/policy";
import { jsonDoc, rec, str, strings } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

/** Managed policies an EKS node role needs (EKS user guide, create-node-role; EKS BP iam.adoc). */
const NODE_POLICIES = [
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKSWorkerNodeMinimalPolicy",
  "AmazonEC2ContainerRegistryReadOnly",
  "AmazonEC2ContainerRegistryPullOnly",
  "AmazonEKS_CNI_Policy",
  "AmazonSSMManagedInstanceCore",
  "CloudWatchAgentServerPolicy",
];

function statements(doc: unknown): Record<string, unknown>[] {
  const parsed = rec(jsonDoc(doc));
  const st = parsed?.Statement;
  return (Array.isArray(st) ? st : [st]).map((s) => rec(s)).filter((s): s is Record<string, unknown> => !!s);
}

function trustsService(role: PolicyResource, service: string): boolean {
  return statements(role.props.assumeRolePolicy).some((s) =>
    strings(rec(s.Principal)?.Service).includes(service),
  );
}

/** Problems with an IRSA trust statement: the `:sub` condition must pin one namespace/service account. */
function irsaProblem(s: Record<string, unknown>): string | undefined {
  const federated = strings(rec(s.Principal)?.Federated).join(",");
  if (!strings(s.Action).includes("sts:AssumeRoleWithWebIdentity") || !/oidc/.test(federated))
    return undefined;
  const condition = rec(s.Condition) ?? {};
  const equals = rec(condition.StringEquals) ?? {};
  const subKey = Object.keys(equals).find((k) => k.endsWith(":sub"));
  const subs = subKey ? strings(equals[subKey]) : [];
  if (subs.length === 0) return "its trust policy has no StringEquals condition on <oidc-provider>:sub";
  const loose = subs.filter((v) => !/^system:serviceaccount:[^:*?]+:[^:*?]+$/.test(v));
  if (loose.length > 0)
    return `its :sub condition ${loose.join(", ")} does not pin one namespace and service account`;
  return undefined;
}

/** EKS-04: workload credentials via Pod Identity or scoped IRSA; no app permissions on the node role. */
export const eks04WorkloadIdentity = stackRule({
  name: "eks-04-workload-identity",
  description:
    "IRSA roles trust exactly one namespace/service account, and node roles carry no application permissions.",
  guard: {
    checklistId: "EKS-04",
    priority: "P0",
    sources: ["CIS EKS 5.2.1", "EKS BP security/iam.adoc (Pod Identity, scoped IRSA, one role per app)"],
    exceptions: "extra managed policies on node roles through `allowedNodePolicies` (policy names)",
  },
  config: {
    allowedNodePolicies: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Managed policy names allowed on node roles besides the EKS node set.",
    },
  },
  defaults: { allowedNodePolicies: [] as string[] },
  check: (resources, config, report) => {
    const nodeRoles = new Map<string, PolicyResource>();
    for (const r of resources) {
      if (r.type !== "aws:iam/role:Role") continue;
      for (const s of statements(r.props.assumeRolePolicy)) {
        const problem = irsaProblem(s);
        if (problem) {
          report(
            `${label(r)} is assumable from the cluster's OIDC provider but ${problem}: ` +
              'add Condition.StringEquals { "<provider>:sub": "system:serviceaccount:<namespace>:<sa>", "<provider>:aud": "sts.amazonaws.com" }, or use an EKS Pod Identity association.',
            r.urn,
          );
        }
      }
      if (trustsService(r, "ec2.amazonaws.com")) {
        for (const key of [str(r.props.name), str(r.props.arn), str(r.props.id), r.name])
          if (key) nodeRoles.set(key, r);
      }
    }
    if (nodeRoles.size === 0) return;
    const allowed = new Set([...NODE_POLICIES, ...config.allowedNodePolicies]);
    for (const r of resources) {
      const role = nodeRoles.get(str(r.props.role) ?? "");
      if (!role) continue;
      if (r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment") {
        const arn = str(r.props.policyArn) ?? "";
        const policy = arn.slice(arn.lastIndexOf("/") + 1);
        if (!allowed.has(policy)) {
          report(
            `${label(r)} attaches ${arn} to the node role ${label(role)}: every pod on those nodes can use it. ` +
              "Give the workload its own role (Pod Identity or IRSA).",
            r.urn,
          );
        }
      } else if (r.type === "aws:iam/rolePolicy:RolePolicy") {
        report(
          `${label(r)} adds an inline policy to the node role ${label(role)}: move application permissions to a workload role (Pod Identity or IRSA).`,
          r.urn,
        );
      }
    }
  },
});
