import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { ecrRepositoryArn } from "../../../components/aws/sageMaker/executionRolePolicy.js";
import {
  SageMakerEndpoint,
  type SageMakerEndpointArgs,
  validateSageMakerEndpointArgs,
} from "../../../components/aws/sageMakerEndpoint.js";
import { all, one, runOffline } from "../../harness.js";

const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128";
const base: SageMakerEndpointArgs = {
  image: IMAGE,
  modelDataS3Uri: "s3://acme-weights/llama-3.1-8b/",
  instanceType: "ml.g6e.xlarge",
  maxInstanceCount: 2,
  maxCopyCount: 2,
  acceleratorsPerCopy: 1,
  memoryMiBPerCopy: 16384,
  vpc: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-model"] },
  environment: { OPTION_MAX_MODEL_LEN: "8192" },
};

async function render(args: SageMakerEndpointArgs = base) {
  return (await runOffline({ program: () => void new SageMakerEndpoint("chat", args) })).resources;
}

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string | string[];
}

describe("SageMakerEndpoint scale to zero", () => {
  it("lets the variant release every instance: managed instance scaling with minimum 0", async () => {
    const config = one(await render(), "aws:sagemaker/endpointConfiguration:EndpointConfiguration");
    const [variant] = config.inputs.productionVariants as Record<string, unknown>[];
    expect(variant).toMatchObject({
      variantName: "AllTraffic",
      instanceType: "ml.g6e.xlarge",
      initialInstanceCount: 1,
      managedInstanceScaling: { status: "ENABLED", minInstanceCount: 0, maxInstanceCount: 2 },
      routingConfigs: [{ routingStrategy: "LEAST_OUTSTANDING_REQUESTS" }],
    });
    expect(variant?.modelName).toBeUndefined();
    expect(config.inputs.executionRoleArn).toBe("arn:aws:iam::123456789012:role/chat-exec");
  });

  it("runs the model as an inference component on that endpoint", async () => {
    const resources = await render();
    const ic = one(resources, "aws:cloudcontrol/resource:Resource");
    expect(ic.inputs.typeName).toBe("AWS::SageMaker::InferenceComponent");
    expect(JSON.parse(String(ic.inputs.desiredState))).toEqual({
      InferenceComponentName: "chat-ic",
      EndpointName: "chat",
      VariantName: "AllTraffic",
      Specification: {
        ModelName: "chat-model",
        ComputeResourceRequirements: { NumberOfAcceleratorDevicesRequired: 1, MinMemoryRequiredInMb: 16384 },
        StartupParameters: {
          ModelDataDownloadTimeoutInSeconds: 1200,
          ContainerStartupHealthCheckTimeoutInSeconds: 900,
        },
      },
      RuntimeConfig: { CopyCount: 1 },
      Tags: [{ Key: "inferplane-component", Value: "sagemaker-endpoint" }],
    });
    const endpoint = one(resources, "aws:sagemaker/endpoint:Endpoint");
    expect(endpoint.inputs.name).toBe("chat");
    expect(endpoint.inputs.endpointConfigName).toBe("chat-config");
  });

  it("scales the copy count down to 0 with Application Auto Scaling", async () => {
    const resources = await render();
    const target = one(resources, "aws:appautoscaling/target:Target");
    expect(target.inputs).toMatchObject({
      serviceNamespace: "sagemaker",
      resourceId: "inference-component/chat-ic",
      scalableDimension: "sagemaker:inference-component:DesiredCopyCount",
      minCapacity: 0,
      maxCapacity: 2,
    });
    expect(target.dependencies).toContain(one(resources, "aws:cloudcontrol/resource:Resource").urn);
    const tracking = all(resources, "aws:appautoscaling/policy:Policy").find(
      (p) => p.inputs.policyType === "TargetTrackingScaling",
    );
    expect(tracking?.inputs).toMatchObject({
      resourceId: "inference-component/chat-ic",
      scalableDimension: "sagemaker:inference-component:DesiredCopyCount",
      targetTrackingScalingPolicyConfiguration: {
        targetValue: 4,
        predefinedMetricSpecification: {
          predefinedMetricType: "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution",
        },
      },
    });
  });

  it("scales out from zero: the no-capacity alarm triggers a +1 step policy", async () => {
    const resources = await render();
    const step = one(resources, "aws:appautoscaling/policy:Policy", "chat-scale-out-from-zero");
    expect(step.inputs).toMatchObject({
      policyType: "StepScaling",
      serviceNamespace: "sagemaker",
      resourceId: "inference-component/chat-ic",
      scalableDimension: "sagemaker:inference-component:DesiredCopyCount",
      stepScalingPolicyConfiguration: {
        adjustmentType: "ChangeInCapacity",
        metricAggregationType: "Maximum",
        stepAdjustments: [{ metricIntervalLowerBound: "0", scalingAdjustment: 1 }],
      },
    });
    const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(alarm.inputs).toMatchObject({
      namespace: "AWS/SageMaker",
      metricName: "NoCapacityInvocationFailures",
      dimensions: { InferenceComponentName: "chat-ic" },
      statistic: "Maximum",
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
    });
    expect(alarm.inputs.alarmActions).toEqual([step.state.arn]);
  });
});

describe("SageMakerEndpoint security defaults", () => {
  it("encrypts volumes with a rotated KMS key and isolates the model in the VPC", async () => {
    const resources = await render();
    const key = one(resources, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    const config = one(resources, "aws:sagemaker/endpointConfiguration:EndpointConfiguration");
    expect(config.inputs.kmsKeyArn).toBe(key.state.arn);
    const model = one(resources, "aws:sagemaker/model:Model");
    expect(model.inputs.enableNetworkIsolation).toBe(true);
    expect(model.inputs.vpcConfig).toEqual({
      subnets: ["subnet-a", "subnet-b"],
      securityGroupIds: ["sg-model"],
    });
    expect(model.inputs.primaryContainer).toMatchObject({
      image: IMAGE,
      modelDataSource: {
        s3DataSources: [
          { s3Uri: "s3://acme-weights/llama-3.1-8b/", s3DataType: "S3Prefix", compressionType: "None" },
        ],
      },
    });
  });

  it("gives the execution role only this image, this prefix, this key and its own logs", async () => {
    const resources = await render();
    const role = one(resources, "aws:iam/role:Role");
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy)) as {
      Statement: { Principal: unknown; Condition: unknown }[];
    };
    expect(trust.Statement[0]?.Principal).toEqual({ Service: "sagemaker.amazonaws.com" });
    expect(trust.Statement[0]?.Condition).toEqual({ StringEquals: { "aws:SourceAccount": "123456789012" } });
    const doc = JSON.parse(String(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy)) as {
      Statement: Statement[];
    };
    const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
    expect(bySid.PullModelImage?.Resource).toBe(
      "arn:aws:ecr:us-east-1:763104351884:repository/djl-inference",
    );
    expect(bySid.ReadModelWeights?.Resource).toBe("arn:aws:s3:::acme-weights/llama-3.1-8b/*");
    expect(bySid.VolumeKey?.Resource).toBe(one(resources, "aws:kms/key:Key").state.arn);
    expect(bySid.OwnLogs?.Resource).toContain(
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/chat:*",
    );
    const wildcards = doc.Statement.filter((s) => s.Resource === "*").map((s) => s.Sid);
    expect(wildcards.sort()).toEqual(["EcrToken", "SageMakerMetrics", "VpcNetworkInterfaces"]);
    expect(doc.Statement.flatMap((s) => s.Action).some((a) => a.endsWith(":*"))).toBe(false);
  });

  it("uses a given key instead of creating one", async () => {
    const resources = await render({ ...base, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/given" });
    expect(all(resources, "aws:kms/key:Key")).toHaveLength(0);
    expect(one(resources, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.kmsKeyArn).toBe(
      "arn:aws:kms:us-east-1:123456789012:key/given",
    );
  });
});

describe("validateSageMakerEndpointArgs", () => {
  const failure = (args: Partial<SageMakerEndpointArgs>) => {
    try {
      validateSageMakerEndpointArgs("chat", { ...base, ...args } as SageMakerEndpointArgs);
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("requires bounds on instances and copies", () => {
    expect(failure({ maxInstanceCount: undefined })).toMatch(/args\.maxInstanceCount is required/);
    expect(failure({ maxCopyCount: 0 })).toMatch(/args\.maxCopyCount must be an integer from 1/);
    expect(failure({ minCopyCount: 3 })).toMatch(/minCopyCount/);
  });

  it("requires a VPC unless allowNoVpc is set", () => {
    expect(failure({ vpc: undefined })).toMatch(/args\.vpc is missing.*allowNoVpc/);
    expect(() =>
      validateSageMakerEndpointArgs("chat", { ...base, vpc: undefined, allowNoVpc: true }),
    ).not.toThrow();
  });

  it("rejects a bad instance type, URI, endpoint name or a credential in the environment", () => {
    expect(failure({ instanceType: "g6e.xlarge" })).toMatch(/use "ml\.g6e\.xlarge"/);
    expect(failure({ modelDataS3Uri: "https://bucket/x" })).toMatch(/s3:\/\/<bucket>/);
    expect(failure({ endpointName: "bad_name" })).toMatch(/endpointName/);
    expect(failure({ environment: { HF_TOKEN: "x" } })).toMatch(/environment\.HF_TOKEN/);
  });

  it("reads ECR repositories from image URIs", () => {
    expect(ecrRepositoryArn(IMAGE)).toBe("arn:aws:ecr:us-east-1:763104351884:repository/djl-inference");
    expect(ecrRepositoryArn("docker.io/vllm/vllm-openai:latest")).toBeUndefined();
  });
});
