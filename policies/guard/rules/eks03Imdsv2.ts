import { resourceName } from "../lib/match.js";
import { num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** EKS-03: IMDSv2 required, hop limit 1 unless a named exception needs 2. */
export const eks03Imdsv2 = resourceRule({
  name: "eks-03-imdsv2",
  description: "Node launch templates require IMDSv2 with hop limit 1, so pods cannot borrow the node role.",
  guard: {
    checklistId: "EKS-03",
    priority: "P0",
    sources: [
      "checkov CKV_AWS_79, CKV_AWS_341",
      "trivy AVD-AWS-0028, AVD-AWS-0130",
      "EKS BP security/iam.adoc",
    ],
    exceptions:
      "hop limit 2 for launch templates listed in `hopLimit2Allowed` (e.g. nodes running aws-node-termination-handler in IMDS mode); a node group may use the EKS default launch template only when `allowDefaultLaunchTemplate` is true",
  },
  config: {
    hopLimit2Allowed: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Launch templates (name or logical name) allowed a hop limit of 2.",
    },
    allowDefaultLaunchTemplate: {
      type: "boolean",
      default: false,
      description: "Accept managed node groups without a launch template (EKS default: IMDS hop limit 2).",
    },
  },
  defaults: { hopLimit2Allowed: [] as string[], allowDefaultLaunchTemplate: false },
  types: ["aws:ec2/launchTemplate:LaunchTemplate", "aws:eks/nodeGroup:NodeGroup"],
  check: (props, ctx, report) => {
    if (ctx.type === "aws:eks/nodeGroup:NodeGroup") {
      if (!rec(props.launchTemplate) && !ctx.config.allowDefaultLaunchTemplate) {
        report(
          "the node group uses the EKS default launch template, whose IMDS hop limit of 2 lets pods read the node role: " +
            'attach a launch template with metadataOptions { httpTokens: "required", httpPutResponseHopLimit: 1 }.',
        );
      }
      return;
    }
    const md = rec(props.metadataOptions);
    if (str(md?.httpEndpoint) === "disabled") return;
    if (str(md?.httpTokens) !== "required") {
      report('IMDSv1 is allowed: set metadataOptions.httpTokens = "required" (CKV_AWS_79).');
    }
    const name = resourceName(props, ctx.name);
    const allowed =
      ctx.config.hopLimit2Allowed.includes(name) || ctx.config.hopLimit2Allowed.includes(ctx.name) ? 2 : 1;
    const hop = num(md?.httpPutResponseHopLimit);
    if (hop === undefined || hop > allowed) {
      report(
        `metadataOptions.httpPutResponseHopLimit is ${hop ?? "unset"}: set it to ${allowed} so containers cannot reach the node's credentials (CKV_AWS_341)` +
          (allowed === 1 ? "; a template that needs 2 goes in the rule's `hopLimit2Allowed`." : "."),
      );
    }
  },
});
