import { strings } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const REQUIRED = ["api", "audit", "authenticator"];

/** EKS-05: control-plane audit, API and authenticator logs. */
export const eks05AuditLogs = resourceRule({
  name: "eks-05-control-plane-logs",
  description: "EKS clusters send api, audit and authenticator control-plane logs to CloudWatch.",
  guard: {
    checklistId: "EKS-05",
    priority: "P1",
    sources: ["CIS EKS 2.1.1", "checkov CKV_AWS_37 (all five types)", "trivy AVD-AWS-0038"],
    exceptions: "none (controllerManager and scheduler logs are recommended, not required)",
  },
  defaults: {},
  types: ["aws:eks/cluster:Cluster"],
  check: (props, _ctx, report) => {
    const enabled = strings(props.enabledClusterLogTypes);
    const missing = REQUIRED.filter((t) => !enabled.includes(t));
    if (missing.length > 0) {
      report(
        `control-plane logs ${missing.join(", ")} are off: add them to enabledClusterLogTypes (CIS EKS 2.1.1).`,
      );
    }
  },
});
