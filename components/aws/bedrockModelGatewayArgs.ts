import type * as pulumi from "@pulumi/pulumi";
import { ArgsCheck } from "../serverless/argsCheck.js";

/** Subnets and security groups for the gateway function (it then needs a Bedrock VPC endpoint or NAT). */
export interface GatewayVpcArgs {
  /** Private subnet ids. */
  subnetIds: pulumi.Input<string>[];
  /** Security group ids. */
  securityGroupIds: pulumi.Input<string>[];
}

/** Arguments of {@link BedrockModelGateway}. */
export interface BedrockModelGatewayArgs {
  /** Bedrock foundation model id, e.g. `meta.llama3-1-8b-instruct-v1:0`. The gateway can call this model only. */
  modelId: string;
  /** Cross-Region inference profile id (e.g. `us.meta.llama3-1-8b-instruct-v1:0`) when the model needs one. Default: none. */
  inferenceProfileId?: string;
  /**
   * Who may call the gateway: IAM role/user ARNs or 12-digit account ids, granted
   * `lambda:InvokeFunctionUrl` (and `lambda:InvokeFunction` via the URL) on this function only.
   * Calls are SigV4-signed (Function URL auth type `AWS_IAM`); there is no public option.
   */
  invokerPrincipals: string[];
  /** Concurrent executions reserved for (and capping) the gateway. Default 10. */
  reservedConcurrency?: number;
  /** Largest `max_tokens` a caller may request (and the default). Default 1024. */
  maxOutputTokens?: number;
  /** Most characters of prompt per request. Default 200000. */
  maxInputChars?: number;
  /** Longest request in seconds, streams included (at most 900). Default 300. */
  timeoutSeconds?: number;
  /** Function memory in MiB. Default 256 (the gateway only relays tokens). */
  memoryMiB?: number;
  /** Days to keep request and usage logs. Default 30. */
  logRetentionDays?: number;
  /** KMS key ARN for the log group and the function's environment. Default: a dedicated key with rotation. */
  kmsKeyArn?: pulumi.Input<string>;
  /** X-Ray active tracing (small per-trace cost). Default true. */
  tracing?: boolean;
  /** CloudWatch namespace of the usage metrics (Embedded Metric Format). Default `Inferplane/Gateway`. */
  metricsNamespace?: string;
  /** Run the function in a VPC. Default: none (Lambda-managed networking). */
  vpc?: GatewayVpcArgs;
  /** Tags on every resource that takes them. */
  tags?: Record<string, string>;
}

/** Arguments after validation, with defaults filled in. */
export interface BedrockModelGatewayPlan {
  reservedConcurrency: number;
  maxOutputTokens: number;
  maxInputChars: number;
  timeoutSeconds: number;
  memoryMiB: number;
  logRetentionDays: number;
}

const MODEL_ID = /^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/;
const PRINCIPAL = /^(\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:(role|user|assumed-role)\/\S+)$/;
const RETENTION = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Checks {@link BedrockModelGatewayArgs} and fills in defaults. Throws an `InputError` naming the
 * field and the fix for a malformed model id, a missing or public principal list, out-of-range
 * limits.
 */
export function validateBedrockModelGatewayArgs(
  name: string,
  args: BedrockModelGatewayArgs,
): BedrockModelGatewayPlan {
  const check: ArgsCheck = new ArgsCheck("BedrockModelGateway", name);
  const modelId = check.text(
    "modelId",
    args.modelId,
    'give a Bedrock model id such as "meta.llama3-1-8b-instruct-v1:0"',
  );
  if (!MODEL_ID.test(modelId))
    check.fail(
      "modelId",
      `is ${JSON.stringify(modelId)}`,
      'use a Bedrock model id such as "meta.llama3-1-8b-instruct-v1:0"',
    );
  if (args.inferenceProfileId !== undefined && !MODEL_ID.test(args.inferenceProfileId)) {
    check.fail(
      "inferenceProfileId",
      `is ${JSON.stringify(args.inferenceProfileId)}`,
      'use an inference profile id such as "us.meta.llama3-1-8b-instruct-v1:0"',
    );
  }
  const principals = args.invokerPrincipals ?? [];
  if (principals.length === 0) {
    check.fail(
      "invokerPrincipals",
      "is empty, so nobody could call the gateway",
      "list the IAM role ARNs or account ids that may call it",
    );
  }
  principals.forEach((p, i) => {
    if (p.trim() === "*")
      check.fail(
        `invokerPrincipals[${i}]`,
        "is *, which would let any AWS account call the gateway",
        "name the roles or accounts that may call it",
      );
    if (!PRINCIPAL.test(p))
      check.fail(
        `invokerPrincipals[${i}]`,
        `is ${JSON.stringify(p)}`,
        "use an IAM role/user ARN or a 12-digit account id",
      );
  });
  const logRetentionDays = args.logRetentionDays ?? 30;
  if (!RETENTION.includes(logRetentionDays))
    check.fail(
      "logRetentionDays",
      `is ${logRetentionDays}`,
      `use one of CloudWatch's values: ${RETENTION.join(", ")}`,
    );
  return {
    reservedConcurrency: check.optionalInteger("reservedConcurrency", args.reservedConcurrency, 1, 1000, 10),
    maxOutputTokens: check.optionalInteger("maxOutputTokens", args.maxOutputTokens, 1, 128_000, 1024),
    maxInputChars: check.optionalInteger("maxInputChars", args.maxInputChars, 1, 10_000_000, 200_000),
    timeoutSeconds: check.optionalInteger("timeoutSeconds", args.timeoutSeconds, 10, 900, 300),
    memoryMiB: check.optionalInteger("memoryMiB", args.memoryMiB, 128, 10_240, 256),
    logRetentionDays,
  };
}
