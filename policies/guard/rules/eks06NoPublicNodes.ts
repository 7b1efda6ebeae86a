import { isTrue, list, rec } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** EKS-06: no open SSH, no public IPs on nodes. */
export const eks06NoPublicNodes = resourceRule({
  name: "eks-06-no-public-node-access",
  description: "EKS nodes allow no SSH from anywhere and get no public IP addresses.",
  guard: {
    checklistId: "EKS-06",
    priority: "P1",
    sources: [
      "checkov CKV_AWS_100, CKV_AWS_88",
      "CIS EKS 5.4.3",
      "compliance-policies ec2/LaunchTemplate disallowPublicIp",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["aws:eks/nodeGroup:NodeGroup", "aws:ec2/launchTemplate:LaunchTemplate"],
  check: (props, ctx, report) => {
    if (ctx.type === "aws:eks/nodeGroup:NodeGroup") {
      const remote = rec(props.remoteAccess);
      if (remote && list(remote.sourceSecurityGroupIds).length === 0) {
        report(
          "remoteAccess without sourceSecurityGroupIds opens SSH (port 22) to 0.0.0.0/0: drop remoteAccess (use SSM) or set sourceSecurityGroupIds (CKV_AWS_100).",
        );
      }
      return;
    }
    list(props.networkInterfaces).forEach((ni, i) => {
      if (isTrue(rec(ni)?.associatePublicIpAddress)) {
        report(
          `networkInterfaces[${i}].associatePublicIpAddress is true: nodes belong in private subnets without public IPs (CIS EKS 5.4.3, CKV_AWS_88).`,
        );
      }
    });
  },
});
