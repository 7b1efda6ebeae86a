import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Trust policy letting one AWS service assume a role (EKS Pod Identity also needs TagSession). */
export function trustPolicy(service: string): string {
  const actions =
    service === "pods.eks.amazonaws.com" ? ["sts:AssumeRole", "sts:TagSession"] : ["sts:AssumeRole"];
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: actions }],
  });
}

/** A role for `service` with AWS managed policies attached. */
export function serviceRole(
  name: string,
  service: string,
  managedPolicies: string[],
  partition: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): { role: aws.iam.Role; attachments: aws.iam.RolePolicyAttachment[] } {
  const role = new aws.iam.Role(name, { assumeRolePolicy: trustPolicy(service), tags }, { parent });
  const attachments = managedPolicies.map(
    (policy) =>
      new aws.iam.RolePolicyAttachment(
        `${name}-${policy.replace(/[^A-Za-z0-9]/g, "").toLowerCase()}`,
        { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}` },
        { parent },
      ),
  );
  return { role, attachments };
}

/**
 * The node role: only what the kubelet and image pulls need. No CNI permissions (the VPC CNI gets
 * its own role through Pod Identity) and no application permissions (EKS-04): workloads use Pod
 * Identity, and IMDS hop limit 1 keeps pods from borrowing this role.
 * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
 */
export const NODE_ROLE_POLICIES = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"];

/** A KMS key with rotation for envelope encryption of Secrets (CIS EKS 5.3.1). */
export function createSecretsKey(
  name: string,
  clusterName: string,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): aws.kms.Key {
  const key = new aws.kms.Key(
    `${name}-secrets`,
    {
      description: `EKS Secret encryption for ${clusterName} (inferplane)`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags,
    },
    { parent },
  );
  new aws.kms.Alias(
    `${name}-secrets`,
    { name: `alias/${clusterName}-secrets`, targetKeyId: key.keyId },
    { parent },
  );
  return key;
}

/**
 * Permissions of the Cluster Autoscaler, scoped as its AWS guide recommends: describe calls on
 * everything, scaling only on Auto Scaling groups tagged as owned by this cluster.
 * https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md#iam-policy
 */
export function clusterAutoscalerPolicy(clusterName: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "autoscaling:DescribeAutoScalingGroups",
          "autoscaling:DescribeAutoScalingInstances",
          "autoscaling:DescribeLaunchConfigurations",
          "autoscaling:DescribeScalingActivities",
          "autoscaling:DescribeTags",
          "ec2:DescribeImages",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:GetInstanceTypesFromInstanceRequirements",
          "eks:DescribeNodegroup",
        ],
        Resource: "*",
      },
      {
        Effect: "Allow",
        Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
        Resource: "*",
        Condition: {
          StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" },
        },
      },
    ],
  });
}
