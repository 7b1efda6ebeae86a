import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecrRepositoryArn, executionRolePolicy } from "./sageMaker/executionRolePolicy.js";
import { INFERENCE_COMPONENT_TYPE, inferenceComponentState } from "./sageMaker/inferenceComponent.js";
import { wireScaleToZero } from "./sageMaker/scaleToZero.js";
import { type SageMakerEndpointArgs, validateSageMakerEndpointArgs } from "./sageMakerEndpointArgs.js";

export type { SageMakerEndpointArgs, SageMakerVpcArgs } from "./sageMakerEndpointArgs.js";
export { validateSageMakerEndpointArgs } from "./sageMakerEndpointArgs.js";

const VARIANT = "AllTraffic";

/**
 * A SageMaker real-time endpoint whose model runs as an inference component that scales to
 * zero: managed instance scaling with minimum 0 on the variant, Application Auto Scaling on the
 * component's copy count with minimum 0, and the `NoCapacityInvocationFailures` alarm with a
 * step policy that scales out from zero. Volumes are encrypted with a KMS key, the model runs
 * network-isolated in a VPC, and the execution role reaches only this endpoint's image, weights,
 * key and logs.
 */
export class SageMakerEndpoint extends pulumi.ComponentResource {
  /** Endpoint name (invoke it with `InvokeEndpoint` and `InferenceComponentName`). */
  readonly endpointName: pulumi.Output<string>;
  /** Endpoint ARN. */
  readonly endpointArn: pulumi.Output<string>;
  /** Inference component name (the unit that scales to zero). */
  readonly inferenceComponentName: pulumi.Output<string>;
  /** ARN of the execution role. */
  readonly executionRoleArn: pulumi.Output<string>;
  /** ARN of the KMS key encrypting the ML storage volumes. */
  readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: SageMakerEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const plan = validateSageMakerEndpointArgs(name, args);
    super("inferplane:index:SageMakerEndpoint", name, {}, opts);
    const parent = { parent: this };
    const tags = { "inferplane-component": "sagemaker-endpoint", ...args.tags };

    const kmsKeyArn =
      args.kmsKeyArn ??
      new aws.kms.Key(
        `${name}-volumes`,
        {
          description: `ML storage volumes of SageMaker endpoint ${plan.endpointName}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          tags,
        },
        parent,
      ).arn;

    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const region = aws.getRegionOutput({}, parent).region;
    const partition = aws.getPartitionOutput({}, parent).partition;

    const role = new aws.iam.Role(
      `${name}-exec`,
      {
        description: `Execution role of SageMaker endpoint ${plan.endpointName}`,
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "sagemaker.amazonaws.com" },
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
      `${name}-exec`,
      {
        role: role.id,
        policy: pulumi
          .all([partition, region, accountId, args.image, kmsKeyArn])
          .apply(([p, r, a, image, key]) =>
            JSON.stringify(
              executionRolePolicy({
                partition: p,
                region: r,
                accountId: a,
                endpointName: plan.endpointName,
                inferenceComponentName: plan.inferenceComponentName,
                image,
                kmsKeyArn: key,
                modelData: plan.modelData,
                inVpc: args.vpc !== undefined,
              }),
            ),
          ),
      },
      parent,
    );
    if (typeof args.image === "string" && !ecrRepositoryArn(args.image)) {
      pulumi.log.warn(
        `${name}: image is not an ECR URI; SageMaker pulls only from ECR (or a VPC registry).`,
        this,
      );
    }

    const model = new aws.sagemaker.Model(
      `${name}-model`,
      {
        executionRoleArn: role.arn,
        enableNetworkIsolation: args.allowContainerNetworkAccess !== true,
        vpcConfig: args.vpc
          ? { subnets: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds }
          : undefined,
        primaryContainer: {
          image: args.image,
          environment: args.environment,
          modelDataSource: args.modelDataS3Uri
            ? {
                s3DataSources: [
                  { s3Uri: args.modelDataS3Uri, s3DataType: "S3Prefix", compressionType: "None" },
                ],
              }
            : undefined,
        },
        tags,
      },
      { ...parent, dependsOn: [policy] },
    );

    const config = new aws.sagemaker.EndpointConfiguration(
      `${name}-config`,
      {
        executionRoleArn: role.arn,
        kmsKeyArn,
        productionVariants: [
          {
            variantName: VARIANT,
            instanceType: args.instanceType,
            initialInstanceCount: 1,
            managedInstanceScaling: {
              status: "ENABLED",
              minInstanceCount: plan.minInstanceCount,
              maxInstanceCount: plan.maxInstanceCount,
            },
            routingConfigs: [{ routingStrategy: "LEAST_OUTSTANDING_REQUESTS" }],
            inferenceAmiVersion: args.inferenceAmiVersion,
          },
        ],
        tags,
      },
      { ...parent, dependsOn: [policy] },
    );

    const endpoint = new aws.sagemaker.Endpoint(
      `${name}-endpoint`,
      { name: plan.endpointName, endpointConfigName: config.name, tags },
      parent,
    );

    const component = new aws.cloudcontrol.Resource(
      `${name}-ic`,
      {
        typeName: INFERENCE_COMPONENT_TYPE,
        desiredState: pulumi.all([endpoint.name, model.name]).apply(([endpointName, modelName]) =>
          JSON.stringify(
            inferenceComponentState({
              inferenceComponentName: plan.inferenceComponentName,
              endpointName,
              variantName: VARIANT,
              modelName,
              acceleratorsPerCopy: args.acceleratorsPerCopy,
              memoryMiBPerCopy: args.memoryMiBPerCopy,
              cpuCoresPerCopy: args.cpuCoresPerCopy,
              modelDataDownloadTimeoutSeconds: plan.modelDataDownloadTimeoutSeconds,
              startupHealthCheckTimeoutSeconds: plan.startupHealthCheckTimeoutSeconds,
              initialCopyCount: 1,
              tags,
            }),
          ),
        ),
      },
      parent,
    );

    wireScaleToZero(
      {
        name,
        inferenceComponentName: plan.inferenceComponentName,
        minCopyCount: plan.minCopyCount,
        maxCopyCount: plan.maxCopyCount,
        targetConcurrentRequestsPerCopy: plan.targetConcurrentRequestsPerCopy,
        tags,
      },
      this,
      [component],
    );

    this.endpointName = endpoint.name;
    this.endpointArn = endpoint.arn;
    this.inferenceComponentName = component.id.apply(() => plan.inferenceComponentName);
    this.executionRoleArn = role.arn;
    this.kmsKeyArn = pulumi.output(kmsKeyArn);
    this.registerOutputs({
      endpointName: this.endpointName,
      endpointArn: this.endpointArn,
      inferenceComponentName: this.inferenceComponentName,
      executionRoleArn: this.executionRoleArn,
      kmsKeyArn: this.kmsKeyArn,
    });
  }
}
