import { isTrue, list, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** SM-01: encrypted endpoint volumes; isolated models inside a VPC. */
export const sm01IsolationEncryption = resourceRule({
  name: "sm-01-isolation-and-encryption",
  description:
    "SageMaker endpoint configurations encrypt with KMS; models run with network isolation inside a VPC.",
  guard: {
    checklistId: "SM-01",
    priority: "P0",
    sources: [
      "checkov CKV_AWS_98, CKV_AWS_370",
      "AWS Config sagemaker-model-isolation-enabled",
      "no checkov rule for model VpcConfig",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", "aws:sagemaker/model:Model"],
  check: (props, ctx, report) => {
    if (ctx.type === "aws:sagemaker/endpointConfiguration:EndpointConfiguration") {
      if (!str(props.kmsKeyArn)) {
        report(
          "the endpoint's storage volumes are not encrypted with your KMS key: set kmsKeyArn (CKV_AWS_98).",
        );
      }
      return;
    }
    if (!isTrue(props.enableNetworkIsolation)) {
      report("the model container can reach the network: set enableNetworkIsolation = true (CKV_AWS_370).");
    }
    const vpc = rec(props.vpcConfig);
    if (!vpc || list(vpc.subnets).length === 0) {
      report(
        "the model runs outside your VPC: set vpcConfig { subnets, securityGroupIds } with private subnets.",
      );
    }
  },
});
