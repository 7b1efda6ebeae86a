import { OFFLINE_CA_BASE64 } from "./certificate.js";
import { type OfflineCloud, shortHash } from "./context.js";

type Inputs = Record<string, unknown>;
type StateFn = (name: string, inputs: Inputs, cloud: OfflineCloud) => Inputs;

const arn = (cloud: OfflineCloud, service: string, resource: string, regional = true) =>
  `arn:aws:${service}:${regional ? cloud.awsRegion : ""}:${cloud.awsAccountId}:${resource}`;
const named = (name: string, inputs: Inputs) => (typeof inputs.name === "string" ? inputs.name : name);

/**
 * Provider-computed outputs of the AWS resources our components use, shaped as the AWS
 * provider returns them (ARNs, endpoints, certificate data). Inputs are echoed separately.
 */
export const awsState: Record<string, StateFn> = {
  "aws:eks/cluster:Cluster": (name, inputs, cloud) => {
    const id = shortHash(`eks/${name}`, 32).toUpperCase();
    return {
      name: named(name, inputs),
      arn: arn(cloud, "eks", `cluster/${named(name, inputs)}`),
      endpoint: `https://${id}.gr7.${cloud.awsRegion}.eks.amazonaws.com`,
      certificateAuthority: { data: OFFLINE_CA_BASE64 },
      identities: [{ oidcs: [{ issuer: `https://oidc.eks.${cloud.awsRegion}.amazonaws.com/id/${id}` }] }],
      status: "ACTIVE",
      version: inputs.version ?? "1.33",
      platformVersion: "eks.10",
      vpcConfig: {
        ...(inputs.vpcConfig as Inputs | undefined),
        clusterSecurityGroupId: `sg-${shortHash(name, 17)}`,
      },
    };
  },
  "aws:eks/nodeGroup:NodeGroup": (name, inputs, cloud) => ({
    arn: arn(
      cloud,
      "eks",
      `nodegroup/${String(inputs.clusterName)}/${named(name, inputs)}/${shortHash(name, 8)}`,
    ),
    nodeGroupName: inputs.nodeGroupName ?? name,
    status: "ACTIVE",
    resources: [{ autoscalingGroups: [{ name: `eks-${name}-${shortHash(name, 8)}` }] }],
  }),
  "aws:eks/accessEntry:AccessEntry": (name, inputs, cloud) => ({
    accessEntryArn: arn(cloud, "eks", `access-entry/${String(inputs.clusterName)}/${shortHash(name, 8)}`),
  }),
  "aws:eks/podIdentityAssociation:PodIdentityAssociation": (name, inputs, cloud) => {
    const associationId = `a-${shortHash(name, 17)}`;
    return {
      associationId,
      associationArn: arn(
        cloud,
        "eks",
        `podidentityassociation/${String(inputs.clusterName)}/${associationId}`,
      ),
    };
  },
  "aws:eks/addon:Addon": (name, inputs, cloud) => ({
    arn: arn(cloud, "eks", `addon/${String(inputs.clusterName)}/${String(inputs.addonName ?? name)}`),
  }),
  "aws:iam/role:Role": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "iam", `role/${named(name, inputs)}`, false),
    uniqueId: `AROA${shortHash(name, 17).toUpperCase()}`,
  }),
  "aws:iam/policy:Policy": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "iam", `policy/${named(name, inputs)}`, false),
  }),
  "aws:iam/instanceProfile:InstanceProfile": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "iam", `instance-profile/${named(name, inputs)}`, false),
  }),
  "aws:kms/key:Key": (name, _inputs, cloud) => {
    const keyId = `${shortHash(name, 8)}-${shortHash(`${name}1`, 4)}-${shortHash(`${name}2`, 4)}-${shortHash(`${name}3`, 4)}-${shortHash(`${name}4`, 12)}`;
    return { keyId, arn: arn(cloud, "kms", `key/${keyId}`) };
  },
  "aws:kms/alias:Alias": (name, inputs, cloud) => ({
    arn: arn(cloud, "kms", String(inputs.name ?? `alias/${name}`)),
  }),
  "aws:ec2/vpc:Vpc": (name, inputs, cloud) => ({
    arn: arn(cloud, "ec2", `vpc/vpc-${shortHash(name, 17)}`),
    defaultSecurityGroupId: `sg-${shortHash(`${name}default`, 17)}`,
    mainRouteTableId: `rtb-${shortHash(name, 17)}`,
    cidrBlock: inputs.cidrBlock ?? "10.0.0.0/16",
  }),
  "aws:ec2/subnet:Subnet": (name, _inputs, cloud) => ({
    arn: arn(cloud, "ec2", `subnet/subnet-${shortHash(name, 17)}`),
  }),
  "aws:ec2/securityGroup:SecurityGroup": (name, _inputs, cloud) => ({
    arn: arn(cloud, "ec2", `security-group/sg-${shortHash(name, 17)}`),
  }),
  "aws:ec2/launchTemplate:LaunchTemplate": (name, _inputs, cloud) => ({
    arn: arn(cloud, "ec2", `launch-template/lt-${shortHash(name, 17)}`),
    latestVersion: 1,
    defaultVersion: 1,
  }),
  "aws:ec2/eip:Eip": (name) => ({ publicIp: `198.51.100.${Number.parseInt(shortHash(name, 2), 16) % 250}` }),
  "aws:cloudwatch/logGroup:LogGroup": (name, inputs, cloud) => ({
    arn: arn(cloud, "logs", `log-group:${String(inputs.name ?? name)}`),
  }),
  "aws:cloudwatch/metricAlarm:MetricAlarm": (name, inputs, cloud) => ({
    arn: arn(cloud, "cloudwatch", `alarm:${String(inputs.name ?? name)}`),
  }),
  "aws:lambda/function:Function": (name, inputs, cloud) => {
    const fn = named(name, inputs);
    return {
      name: fn,
      arn: arn(cloud, "lambda", `function:${fn}`),
      invokeArn: `arn:aws:apigateway:${cloud.awsRegion}:lambda:path/2015-03-31/functions/${arn(cloud, "lambda", `function:${fn}`)}/invocations`,
      qualifiedArn: arn(cloud, "lambda", `function:${fn}:$LATEST`),
      version: "$LATEST",
    };
  },
  "aws:lambda/functionUrl:FunctionUrl": (name, _inputs, cloud) => ({
    functionUrl: `https://${shortHash(name, 32)}.lambda-url.${cloud.awsRegion}.on.aws/`,
    urlId: shortHash(name, 32),
  }),
  "aws:sagemaker/model:Model": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "sagemaker", `model/${named(name, inputs)}`),
  }),
  "aws:sagemaker/endpointConfiguration:EndpointConfiguration": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "sagemaker", `endpoint-config/${named(name, inputs)}`),
  }),
  "aws:sagemaker/endpoint:Endpoint": (name, inputs, cloud) => ({
    name: named(name, inputs),
    arn: arn(cloud, "sagemaker", `endpoint/${named(name, inputs)}`),
  }),
  "aws:appautoscaling/target:Target": () => ({}),
  // Cloud Control returns the resource's current properties as JSON, primary identifiers included.
  "aws:cloudcontrol/resource:Resource": (name, inputs, cloud) => {
    const desired = JSON.parse(String(inputs.desiredState ?? "{}")) as Inputs;
    const extra: Inputs = {};
    if (inputs.typeName === "AWS::SageMaker::InferenceComponent") {
      const ic = String(desired.InferenceComponentName ?? name);
      extra.InferenceComponentArn = arn(cloud, "sagemaker", `inference-component/${ic}`);
      extra.InferenceComponentStatus = "InService";
    }
    return { properties: JSON.stringify({ ...desired, ...extra }), schema: "{}", region: cloud.awsRegion };
  },
  "aws:appautoscaling/policy:Policy": (name, inputs, cloud) => ({
    arn: arn(
      cloud,
      "autoscaling",
      `scalingPolicy:${shortHash(name, 8)}:resource/${String(inputs.resourceId ?? name)}`,
    ),
  }),
  "aws:s3/bucketV2:BucketV2": (name, inputs) => ({
    bucket: inputs.bucket ?? name,
    arn: `arn:aws:s3:::${String(inputs.bucket ?? name)}`,
  }),
  "aws:s3/bucket:Bucket": (name, inputs) => ({
    bucket: inputs.bucket ?? name,
    arn: `arn:aws:s3:::${String(inputs.bucket ?? name)}`,
  }),
  "aws:sqs/queue:Queue": (name, inputs, cloud) => ({
    arn: arn(cloud, "sqs", String(inputs.name ?? name)),
    url: `https://sqs.${cloud.awsRegion}.amazonaws.com/${cloud.awsAccountId}/${String(inputs.name ?? name)}`,
  }),
};
