import type { PolicyStatement } from "../sageMaker/executionRolePolicy.js";

/** Where the gateway runs and what it may call. */
export interface GatewayScope {
  partition: string;
  region: string;
  accountId: string;
  modelId: string;
  inferenceProfileId: string | undefined;
  logGroupArn: string;
  kmsKeyArn: string;
  tracing: boolean;
  inVpc: boolean;
}

/**
 * The gateway role's only permissions: invoke the one model (through its inference profile when
 * one is set; https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html),
 * write to its own log group, decrypt its own environment, and (when enabled) send traces and
 * manage VPC interfaces, whose actions take no resource scoping.
 */
export function gatewayRolePolicy(s: GatewayScope): { Version: string; Statement: PolicyStatement[] } {
  const invoke = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
  const statements: PolicyStatement[] = [];
  if (s.inferenceProfileId) {
    const profileArn = `arn:${s.partition}:bedrock:${s.region}:${s.accountId}:inference-profile/${s.inferenceProfileId}`;
    statements.push(
      { Sid: "InvokeInferenceProfile", Effect: "Allow", Action: invoke, Resource: profileArn },
      {
        Sid: "InvokeModelThroughProfile",
        Effect: "Allow",
        Action: invoke,
        Resource: `arn:${s.partition}:bedrock:*::foundation-model/${s.modelId}`,
        Condition: { StringEquals: { "bedrock:InferenceProfileArn": profileArn } },
      },
    );
  } else {
    statements.push({
      Sid: "InvokeModel",
      Effect: "Allow",
      Action: invoke,
      Resource: `arn:${s.partition}:bedrock:${s.region}::foundation-model/${s.modelId}`,
    });
  }
  statements.push(
    {
      Sid: "OwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${s.logGroupArn}:*`,
    },
    { Sid: "OwnEnvironmentKey", Effect: "Allow", Action: ["kms:Decrypt"], Resource: s.kmsKeyArn },
  );
  if (s.tracing) {
    statements.push({
      Sid: "Traces",
      Effect: "Allow",
      Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
      Resource: "*",
    });
  }
  if (s.inVpc) {
    statements.push({
      Sid: "VpcNetworkInterfaces",
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
      ],
      Resource: "*",
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/**
 * Key policy of the gateway's key: the account administers it through IAM, and CloudWatch Logs
 * may use it for this account's log groups only
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
export function gatewayKeyPolicy(
  partition: string,
  region: string,
  accountId: string,
): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministersThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "CloudWatchLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*`,
          },
        },
      },
    ],
  };
}
