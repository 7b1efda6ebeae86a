import type * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import {
  BedrockModelGateway,
  type BedrockModelGatewayArgs,
  validateBedrockModelGatewayArgs,
} from "../../../components/aws/bedrockModelGateway.js";
import { gatewayArchive, gatewayFiles } from "../../../components/serverless/gateway/bundle.js";
import { all, one, runOffline } from "../../harness.js";

const base: BedrockModelGatewayArgs = {
  modelId: "meta.llama3-1-8b-instruct-v1:0",
  invokerPrincipals: ["arn:aws:iam::123456789012:role/app"],
};

async function render(args: BedrockModelGatewayArgs = base) {
  return (await runOffline({ program: () => void new BedrockModelGateway("llm", args) })).resources;
}

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string | string[];
  Condition?: unknown;
}
const statements = (json: unknown) => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;

describe("BedrockModelGateway", () => {
  it("exposes the function only through an IAM-authenticated, streaming Function URL", async () => {
    const resources = await render();
    const url = one(resources, "aws:lambda/functionUrl:FunctionUrl");
    expect(url.inputs).toMatchObject({
      authorizationType: "AWS_IAM",
      invokeMode: "RESPONSE_STREAM",
      functionName: "llm-fn",
    });
    const grants = all(resources, "aws:lambda/permission:Permission").map((p) => p.inputs);
    expect(grants).toHaveLength(2);
    expect(grants).toContainEqual(
      expect.objectContaining({
        action: "lambda:InvokeFunctionUrl",
        principal: "arn:aws:iam::123456789012:role/app",
        functionUrlAuthType: "AWS_IAM",
      }),
    );
    expect(grants).toContainEqual(
      expect.objectContaining({
        action: "lambda:InvokeFunction",
        principal: "arn:aws:iam::123456789012:role/app",
        invokedViaFunctionUrl: true,
      }),
    );
  });

  it("caps concurrency, encrypts env and logs with a rotated key, traces, and keeps secrets out of env", async () => {
    const resources = await render();
    const fn = one(resources, "aws:lambda/function:Function").inputs;
    const key = one(resources, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(fn).toMatchObject({
      runtime: "nodejs22.x",
      handler: "lambda.handler",
      reservedConcurrentExecutions: 10,
      kmsKeyArn: key.state.arn,
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "Text", logGroup: "/inferplane/gateway/llm" },
    });
    expect((fn.environment as { variables: Record<string, string> }).variables).toEqual({
      MODEL_ID: "meta.llama3-1-8b-instruct-v1:0",
      MAX_OUTPUT_LENGTH: "1024",
      MAX_INPUT_CHARS: "200000",
      METRICS_NAMESPACE: "Inferplane/Gateway",
    });
    const logs = one(resources, "aws:cloudwatch/logGroup:LogGroup").inputs;
    expect(logs).toMatchObject({ retentionInDays: 30, kmsKeyId: key.state.arn });
    const keyPolicy = JSON.stringify(key.inputs.policy);
    expect(keyPolicy).toContain("logs.us-east-1.amazonaws.com");
  });

  it("ships the project's gateway code as the deployment package", async () => {
    const fn = one(await render(), "aws:lambda/function:Function").inputs;
    // The offline recorder keeps archives as markers only; the archive itself is checked below.
    expect(fn.code).toMatchObject({ __pulumiArchive: true });
    expect(fn.description).toMatch(/bundle [0-9a-f]{16}/);
    const assets = (await gatewayArchive("aws").assets) as Record<string, pulumi.asset.StringAsset>;
    expect(Object.keys(assets).sort()).toEqual([...Object.keys(gatewayFiles("aws"))].sort());
    expect(await assets["lambda.js"]?.text).toContain("streamifyResponse");
  });

  it("lets the role invoke the one model and write its own logs, nothing more", async () => {
    const resources = await render();
    const s = statements(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
    const bySid = Object.fromEntries(s.map((x) => [x.Sid, x]));
    expect(bySid.InvokeModel).toEqual({
      Sid: "InvokeModel",
      Effect: "Allow",
      Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      Resource: "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0",
    });
    expect(bySid.OwnLogs?.Resource).toBe(
      "arn:aws:logs:us-east-1:123456789012:log-group:/inferplane/gateway/llm:*",
    );
    expect(s.flatMap((x) => x.Action).filter((a) => a.startsWith("bedrock:"))).toHaveLength(2);
    expect(s.filter((x) => x.Resource === "*").map((x) => x.Sid)).toEqual(["Traces"]);
    const trust = JSON.parse(String(one(resources, "aws:iam/role:Role").inputs.assumeRolePolicy));
    expect(trust.Statement[0].Principal).toEqual({ Service: "lambda.amazonaws.com" });
  });

  it("scopes an inference profile to the one model through the profile", async () => {
    const resources = await render({ ...base, inferenceProfileId: "us.meta.llama3-1-8b-instruct-v1:0" });
    const s = statements(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
    const profileArn =
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0";
    expect(s.find((x) => x.Sid === "InvokeInferenceProfile")?.Resource).toBe(profileArn);
    expect(s.find((x) => x.Sid === "InvokeModelThroughProfile")).toMatchObject({
      Resource: "arn:aws:bedrock:*::foundation-model/meta.llama3-1-8b-instruct-v1:0",
      Condition: { StringEquals: { "bedrock:InferenceProfileArn": profileArn } },
    });
    const env = one(resources, "aws:lambda/function:Function").inputs.environment as {
      variables: Record<string, string>;
    };
    expect(env.variables.MODEL_ID).toBe("us.meta.llama3-1-8b-instruct-v1:0");
  });
});

describe("validateBedrockModelGatewayArgs", () => {
  const failure = (args: Partial<BedrockModelGatewayArgs>) => {
    try {
      validateBedrockModelGatewayArgs("llm", { ...base, ...args } as BedrockModelGatewayArgs);
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("refuses a gateway anyone could call", () => {
    expect(failure({ invokerPrincipals: [] })).toMatch(/invokerPrincipals is empty/);
    expect(failure({ invokerPrincipals: ["*"] })).toMatch(/any AWS account/);
    expect(failure({ invokerPrincipals: ["app-role"] })).toMatch(
      /IAM role\/user ARN or a 12-digit account id/,
    );
  });

  it("rejects bad model ids and limits", () => {
    expect(failure({ modelId: "llama 3" })).toMatch(/args\.modelId/);
    expect(failure({ reservedConcurrency: 0 })).toMatch(/reservedConcurrency/);
    expect(failure({ timeoutSeconds: 1000 })).toMatch(/timeoutSeconds/);
    expect(failure({ logRetentionDays: 10 })).toMatch(/logRetentionDays/);
  });
});
