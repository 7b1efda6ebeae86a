/** An IAM policy statement as JSON. */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** What the endpoint's execution role may touch: one image, one weights prefix, one key, its own logs. */
export interface ExecutionRoleScope {
  partition: string;
  region: string;
  accountId: string;
  endpointName: string;
  inferenceComponentName: string;
  image: string;
  kmsKeyArn: string;
  modelData: { bucket: string; prefix: string } | undefined;
  inVpc: boolean;
}

/** ARN of the ECR repository an image URI points into, or undefined when it is not an ECR URI. */
export function ecrRepositoryArn(image: string, partition = "aws"): string | undefined {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(image);
  if (!match) return undefined;
  return `arn:${partition}:ecr:${match[2]}:${match[1]}:repository/${match[3]}`;
}

/**
 * The least-privilege policy of a SageMaker execution role for one inference component endpoint
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html, CreateModel section):
 * pull the one image, read the one weights prefix, use the one volume key, write its own logs,
 * publish SageMaker metrics, and manage its ENIs when in a VPC (EC2 network-interface actions
 * do not support resource-level scoping).
 */
export function executionRolePolicy(scope: ExecutionRoleScope): {
  Version: string;
  Statement: PolicyStatement[];
} {
  const { partition: p, region, accountId } = scope;
  const statements: PolicyStatement[] = [];
  const repository = ecrRepositoryArn(scope.image, p);
  if (repository) {
    statements.push({
      Sid: "PullModelImage",
      Effect: "Allow",
      Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
      Resource: repository,
    });
  }
  statements.push({ Sid: "EcrToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" });
  if (scope.modelData) {
    const { bucket, prefix } = scope.modelData;
    statements.push(
      {
        Sid: "ReadModelWeights",
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: `arn:${p}:s3:::${bucket}/${prefix}*`,
      },
      {
        Sid: "ListModelWeights",
        Effect: "Allow",
        Action: ["s3:ListBucket"],
        Resource: `arn:${p}:s3:::${bucket}`,
        Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } },
      },
    );
  }
  statements.push({
    Sid: "VolumeKey",
    Effect: "Allow",
    Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey"],
    Resource: scope.kmsKeyArn,
  });
  statements.push({
    Sid: "OwnLogs",
    Effect: "Allow",
    Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
    Resource: [
      `arn:${p}:logs:${region}:${accountId}:log-group:/aws/sagemaker/Endpoints/${scope.endpointName}:*`,
      `arn:${p}:logs:${region}:${accountId}:log-group:/aws/sagemaker/InferenceComponents/${scope.inferenceComponentName}:*`,
    ],
  });
  statements.push({
    Sid: "SageMakerMetrics",
    Effect: "Allow",
    Action: ["cloudwatch:PutMetricData"],
    Resource: "*",
    Condition: { StringLike: { "cloudwatch:namespace": ["/aws/sagemaker/*", "AWS/SageMaker"] } },
  });
  if (scope.inVpc) {
    statements.push({
      Sid: "VpcNetworkInterfaces",
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DeleteNetworkInterfacePermission",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
      ],
      Resource: "*",
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}
