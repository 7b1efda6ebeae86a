import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { gatewayArchive, gatewayDigest } from "../serverless/gateway/bundle.js";
import { type BedrockModelGatewayArgs, validateBedrockModelGatewayArgs } from "./bedrockModelGatewayArgs.js";
import { gatewayKeyPolicy, gatewayRolePolicy } from "./gateway/bedrockPolicies.js";

export type { BedrockModelGatewayArgs, GatewayVpcArgs } from "./bedrockModelGatewayArgs.js";
export { validateBedrockModelGatewayArgs } from "./bedrockModelGatewayArgs.js";

/**
 * A small authenticated gateway in front of one Amazon Bedrock model: pay per token, nothing to
 * run. A Lambda function (Node.js 22, the project's own typed gateway code) behind a Function URL
 * with IAM auth and response streaming speaks the OpenAI chat-completions API, calls only the
 * configured model, caps its concurrency, and logs one usage record per request as CloudWatch
 * EMF (token metrics per model) into a KMS-encrypted log group. Its environment holds settings
 * only; the function reaches Bedrock with its role, no keys.
 */
export class BedrockModelGateway extends pulumi.ComponentResource {
  /** HTTPS URL; callers sign requests with SigV4 (service `lambda`). POST `/v1/chat/completions`. */
  readonly url: pulumi.Output<string>;
  /** Function name. */
  readonly functionName: pulumi.Output<string>;
  /** Function ARN. */
  readonly functionArn: pulumi.Output<string>;
  /** Log group holding request and usage records. */
  readonly logGroupName: pulumi.Output<string>;
  /** ARN of the gateway's execution role. */
  readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: BedrockModelGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const plan = validateBedrockModelGatewayArgs(name, args);
    super("inferplane:index:BedrockModelGateway", name, {}, opts);
    const parent = { parent: this };
    const tags = { "inferplane-component": "bedrock-model-gateway", ...args.tags };
    const tracing = args.tracing !== false;
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const region = aws.getRegionOutput({}, parent).region;
    const partition = aws.getPartitionOutput({}, parent).partition;

    const kmsKeyArn =
      args.kmsKeyArn ??
      new aws.kms.Key(
        `${name}-key`,
        {
          description: `Logs and environment of the Bedrock gateway ${name}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          policy: pulumi
            .all([partition, region, accountId])
            .apply(([p, r, a]) => JSON.stringify(gatewayKeyPolicy(p, r, a))),
          tags,
        },
        parent,
      ).arn;

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        name: `/inferplane/gateway/${name}`,
        retentionInDays: plan.logRetentionDays,
        kmsKeyId: kmsKeyArn,
        tags,
      },
      parent,
    );

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `Bedrock gateway ${name}: invoke ${args.modelId} only`,
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "lambda.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
          ],
        }),
        tags,
      },
      parent,
    );
    const policy = new aws.iam.RolePolicy(
      `${name}-role`,
      {
        role: role.id,
        policy: pulumi
          .all([partition, region, accountId, logGroup.arn, kmsKeyArn])
          .apply(([p, r, a, logs, key]) =>
            JSON.stringify(
              gatewayRolePolicy({
                partition: p,
                region: r,
                accountId: a,
                modelId: args.modelId,
                inferenceProfileId: args.inferenceProfileId,
                logGroupArn: logs,
                kmsKeyArn: key,
                tracing,
                inVpc: args.vpc !== undefined,
              }),
            ),
          ),
      },
      parent,
    );

    const fn = new aws.lambda.Function(
      `${name}-fn`,
      {
        description: `OpenAI-compatible gateway to Bedrock model ${args.modelId} (bundle ${gatewayDigest("aws")})`,
        role: role.arn,
        runtime: "nodejs22.x",
        architectures: ["arm64"],
        handler: "lambda.handler",
        code: gatewayArchive("aws"),
        memorySize: plan.memoryMiB,
        timeout: plan.timeoutSeconds,
        reservedConcurrentExecutions: plan.reservedConcurrency,
        kmsKeyArn,
        environment: {
          variables: {
            MODEL_ID: args.inferenceProfileId ?? args.modelId,
            MAX_OUTPUT_LENGTH: String(plan.maxOutputTokens),
            MAX_INPUT_CHARS: String(plan.maxInputChars),
            METRICS_NAMESPACE: args.metricsNamespace ?? "Inferplane/Gateway",
          },
        },
        loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
        tracingConfig: { mode: tracing ? "Active" : "PassThrough" },
        vpcConfig: args.vpc
          ? { subnetIds: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds }
          : undefined,
        tags,
      },
      { ...parent, dependsOn: [policy] },
    );

    const url = new aws.lambda.FunctionUrl(
      `${name}-url`,
      { functionName: fn.name, authorizationType: "AWS_IAM", invokeMode: "RESPONSE_STREAM" },
      parent,
    );

    // Function URLs with IAM auth need both grants per caller (AWS change of 2025-10:
    // https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html).
    args.invokerPrincipals.forEach((principal, i) => {
      new aws.lambda.Permission(
        `${name}-invoke-url-${i}`,
        { function: fn.name, action: "lambda:InvokeFunctionUrl", principal, functionUrlAuthType: "AWS_IAM" },
        parent,
      );
      new aws.lambda.Permission(
        `${name}-invoke-${i}`,
        { function: fn.name, action: "lambda:InvokeFunction", principal, invokedViaFunctionUrl: true },
        parent,
      );
    });

    this.url = url.functionUrl;
    this.functionName = fn.name;
    this.functionArn = fn.arn;
    this.logGroupName = logGroup.name;
    this.roleArn = role.arn;
    this.registerOutputs({
      url: this.url,
      functionName: this.functionName,
      functionArn: this.functionArn,
      logGroupName: this.logGroupName,
      roleArn: this.roleArn,
    });
  }
}
