import { at, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** EKS-07: cluster access through access entries (API), not the aws-auth ConfigMap. */
export const eks07AccessApi = resourceRule({
  name: "eks-07-access-entries",
  description: "EKS clusters authenticate through access entries (authenticationMode API).",
  guard: {
    checklistId: "EKS-07",
    priority: "P2",
    sources: ["CIS EKS 4.1.7", "terraform-aws-eks default API_AND_CONFIG_MAP"],
    exceptions: "none (advisory)",
  },
  defaults: {},
  types: ["aws:eks/cluster:Cluster"],
  check: (props, _ctx, report) => {
    const mode = str(at(props, "accessConfig", "authenticationMode"));
    if (mode !== "API") {
      report(
        `authenticationMode is ${mode ?? "unset (CONFIG_MAP)"}: set accessConfig.authenticationMode = "API" and manage access with access entries (CIS EKS 4.1.7).`,
      );
    }
  },
});
