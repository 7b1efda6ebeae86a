import { isFalse, isTrue, list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const OPEN = new Set(["0.0.0.0/0", "::/0"]);

/** EKS-01: private API endpoint; a public one only with explicit, non-open CIDRs. */
export const eks01PrivateEndpoint = resourceRule({
  name: "eks-01-private-endpoint",
  description:
    "EKS API endpoints are private, or public only to explicit CIDRs other than 0.0.0.0/0 and ::/0.",
  guard: {
    checklistId: "EKS-01",
    priority: "P0",
    sources: [
      "CIS EKS 5.4.1, 5.4.2",
      "checkov CKV_AWS_38, CKV_AWS_39",
      "trivy AVD-AWS-0040, AVD-AWS-0041",
      "compliance-policies disallowApiEndpointPublicAccess",
    ],
    exceptions: "none (a public endpoint restricted to named CIDRs passes)",
  },
  defaults: {},
  types: ["aws:eks/cluster:Cluster"],
  check: (props, _ctx, report) => {
    const vpc = rec(props.vpcConfig) ?? {};
    if (!isTrue(vpc.endpointPrivateAccess)) {
      report(
        "the private API endpoint is off (the AWS and @pulumi/eks default): set vpcConfig.endpointPrivateAccess = true so nodes reach the API inside the VPC (CIS EKS 5.4.2).",
      );
    }
    // AWS defaults endpointPublicAccess to true, and an empty CIDR list to 0.0.0.0/0.
    if (isFalse(vpc.endpointPublicAccess)) return;
    const cidrs = list(vpc.publicAccessCidrs).map((c) => (str(c) ?? "").trim());
    const open = cidrs.filter((c) => OPEN.has(c));
    if (cidrs.length === 0 || open.length > 0) {
      report(
        `the public API endpoint is open to ${open.length > 0 ? open.join(", ") : "0.0.0.0/0 (no publicAccessCidrs)"}: ` +
          "set vpcConfig.endpointPublicAccess = false, or publicAccessCidrs to your admin networks (CIS EKS 5.4.1).",
      );
    }
  },
});
