import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  GPU_TAINT,
  GPU_TYPE_LABEL,
  type NodeTaint,
  type NodeToleration,
  tolerationsFor,
} from "../shared/gpuNodes.js";
import { execKubeconfig } from "../shared/kubeconfig.js";
import { createClusterAutoscaler, createNetworkingAddons, createNodeAddons } from "./eks/addons.js";
import type { EksGpuClusterArgs } from "./eks/args.js";
import { createSecretsKey, NODE_ROLE_POLICIES, serviceRole } from "./eks/iam.js";
import { createEksNetwork } from "./eks/network.js";
import { createGpuGroups, createSystemGroup, EKS_SPOT_TAINT } from "./eks/nodeGroups.js";
import { validateEksGpuClusterArgs } from "./eks/validate.js";

export type { EksGpuClusterArgs, EksGpuNodeGroupArgs } from "./eks/args.js";
export { validateEksGpuClusterArgs } from "./eks/validate.js";

/** All five control-plane log types (CIS EKS 2.1.1, CKV_AWS_37). */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/**
 * A private, encrypted EKS cluster for GPU inference: a VPC with private subnets in several zones
 * and NAT (or yours), a private API endpoint, KMS envelope encryption of Secrets, all control-plane
 * logs, access-entry authentication, the Pod Identity agent, and managed node groups: system, and
 * per GPU shape an on-demand and a Spot group (two or more instance types, AL2023 NVIDIA or
 * Bottlerocket NVIDIA AMI, `nvidia.com/gpu` taint, IMDSv2 with hop limit 1 through a launch
 * template, no public IPs, node auto repair), scaled from zero by the Cluster Autoscaler. Outputs
 * a kubeconfig that authenticates through `aws eks get-token` and a Kubernetes provider.
 * See docs/components/clusters.md.
 */
export class EksGpuCluster extends pulumi.ComponentResource {
  /** Tells the NVIDIA stack where it runs. */
  readonly cloud: string = "eks";
  /** GPU AMI family (`AL2023` or `BOTTLEROCKET`): what the NVIDIA stack must add. */
  readonly amiFamily: string;
  /** NvidiaGpuStack `environment`: `eks-al2023` (add the device plugin) or `eks-bottlerocket`. */
  readonly nvidiaEnvironment: string;
  /** Node label whose value is the catalog GPU type (`L4`), for LlmInferenceService `gpuTypeNodeLabel`. */
  readonly gpuTypeNodeLabel: string = GPU_TYPE_LABEL;
  /** Tolerations for every GPU node taint, for NvidiaGpuStack `extraTolerations`. */
  readonly gpuNodeTolerations: NodeToleration[];
  /** Every taint a GPU node can carry: GPU daemons (device plugin, DCGM) must tolerate them all. */
  readonly gpuTaints: NodeTaint[];
  /** The taint on Spot GPU nodes, or undefined when Spot nodes are only labelled (the default). */
  readonly spotTaint: NodeTaint | undefined;
  /** EKS cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** AWS region. */
  readonly region: string;
  /** API server URL. */
  readonly endpoint: pulumi.Output<string>;
  /** Base64 PEM of the cluster CA. */
  readonly certificateAuthorityData: pulumi.Output<string>;
  /** OIDC issuer URL (for IRSA, when a workload cannot use Pod Identity). */
  readonly oidcIssuer: pulumi.Output<string>;
  /** Kubeconfig (JSON) with exec authentication through `aws eks get-token`; holds no secret. */
  readonly kubeconfig: pulumi.Output<string>;
  /** Kubernetes provider for this cluster, for the Kubernetes GPU layer. */
  readonly provider: k8s.Provider;
  /** Node role ARN. */
  readonly nodeRoleArn: pulumi.Output<string>;
  /** KMS key encrypting Secrets. */
  readonly secretsKmsKeyArn: pulumi.Output<string>;
  /** VPC id. */
  readonly vpcId: pulumi.Output<string>;
  /** Private subnet ids of the nodes. */
  readonly privateSubnetIds: pulumi.Output<string[]>;
  /** The underlying cluster resource. */
  readonly cluster: aws.eks.Cluster;

  constructor(name: string, args: EksGpuClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const a = validateEksGpuClusterArgs(args, aws.config.region);
    super("inferplane:index:EksGpuCluster", name, {}, opts);
    this.region = a.region;
    this.amiFamily = a.gpuAmiFamily;
    this.nvidiaEnvironment = a.gpuAmiFamily === "BOTTLEROCKET" ? "eks-bottlerocket" : "eks-al2023";
    const clusterName = args.clusterName ?? `${name}-${pulumi.getStack()}`.slice(0, 100);
    const tags = { "managed-by": "inferplane", ...args.tags };
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;

    const net = a.existingVpc ?? createEksNetwork(name, clusterName, a, tags, this);
    this.vpcId = pulumi.output(net.vpcId);
    this.privateSubnetIds = pulumi.output(net.privateSubnetIds);
    const keyArn = args.kmsKeyArn
      ? pulumi.output(args.kmsKeyArn)
      : createSecretsKey(name, clusterName, tags, this).arn;
    this.secretsKmsKeyArn = keyArn;

    const clusterRole = serviceRole(
      `${name}-cluster`,
      "eks.amazonaws.com",
      ["AmazonEKSClusterPolicy"],
      partition,
      tags,
      this,
    );
    // Created first so EKS writes into a group with a retention instead of a never-expiring one.
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-control-plane`,
      { name: `/aws/eks/${clusterName}/cluster`, retentionInDays: a.logRetentionDays, tags },
      { parent: this },
    );
    this.cluster = new aws.eks.Cluster(
      `${name}-cluster`,
      {
        name: clusterName,
        version: a.kubernetesVersion,
        roleArn: clusterRole.role.arn,
        vpcConfig: {
          subnetIds: net.privateSubnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: a.publicEndpoint,
          ...(a.publicEndpoint ? { publicAccessCidrs: a.publicAccessCidrs } : {}),
        },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn } },
        enabledClusterLogTypes: EKS_LOG_TYPES,
        accessConfig: {
          authenticationMode: "API",
          bootstrapClusterCreatorAdminPermissions: a.bootstrapCreatorAdmin,
        },
        // Managed add-ons below replace the unmanaged defaults (the VPC CNI needs its own config).
        bootstrapSelfManagedAddons: false,
        upgradePolicy: { supportType: "STANDARD" },
        deletionProtection: a.deletionProtection,
        tags,
      },
      { parent: this, dependsOn: [logGroup, ...clusterRole.attachments] },
    );
    this.clusterName = this.cluster.name;
    this.endpoint = this.cluster.endpoint;
    this.certificateAuthorityData = this.cluster.certificateAuthority.apply((ca) => ca.data ?? "");
    this.oidcIssuer = this.cluster.identities.apply((ids) => ids[0]?.oidcs?.[0]?.issuer ?? "");

    const admins = a.adminPrincipalArns.map((principalArn, i) => {
      const entry = new aws.eks.AccessEntry(
        `${name}-admin-${i}`,
        { clusterName: this.cluster.name, principalArn, type: "STANDARD", tags },
        { parent: this },
      );
      return new aws.eks.AccessPolicyAssociation(
        `${name}-admin-${i}`,
        {
          clusterName: this.cluster.name,
          principalArn,
          policyArn: pulumi.interpolate`arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
          accessScope: { type: "cluster" },
        },
        { parent: this, dependsOn: [entry] },
      );
    });

    const cniRole = serviceRole(
      `${name}-vpc-cni`,
      "pods.eks.amazonaws.com",
      ["AmazonEKS_CNI_Policy"],
      partition,
      tags,
      this,
    );
    const addons = createNetworkingAddons(name, this.cluster.name, cniRole.role.arn, tags, this);
    const nodeRole = serviceRole(
      `${name}-nodes`,
      "ec2.amazonaws.com",
      NODE_ROLE_POLICIES,
      partition,
      tags,
      this,
    );
    this.nodeRoleArn = nodeRole.role.arn;

    const ctx = {
      name,
      cluster: this.cluster,
      nodeRoleArn: nodeRole.role.arn,
      subnetIds: net.privateSubnetIds,
      // EKS itself tags the groups' ASGs k8s.io/cluster-autoscaler/<cluster>=owned for discovery.
      tags,
      parent: this,
      dependsOn: [...addons.beforeNodes, ...nodeRole.attachments],
    };
    const systemGroup = createSystemGroup(ctx, a);
    const gpuGroups = a.gpuNodeGroups.flatMap((g) => createGpuGroups(ctx, a, g));
    const nodeAddons = createNodeAddons(name, this.cluster.name, tags, this, [systemGroup]);
    this.spotTaint = a.spotTaint ? EKS_SPOT_TAINT : undefined;
    this.gpuTaints = [GPU_TAINT, ...(this.spotTaint ? [this.spotTaint] : [])];
    this.gpuNodeTolerations = tolerationsFor(this.gpuTaints);

    this.kubeconfig = execKubeconfig({
      contextName: this.cluster.arn,
      server: this.cluster.endpoint,
      certificateAuthorityData: this.certificateAuthorityData,
      exec: {
        command: "aws",
        args: [
          "eks",
          "get-token",
          "--cluster-name",
          this.cluster.name,
          "--region",
          a.region,
          "--output",
          "json",
        ],
        installHint:
          "Install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) " +
          "and sign in with an identity that has an EKS access entry on this cluster.",
        provideClusterInfo: false,
      },
    });
    // Objects applied before the system nodes, DNS and admin access exist would fail or sit Pending.
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, enableServerSideApply: true },
      { parent: this, dependsOn: [systemGroup, ...nodeAddons, ...admins] },
    );
    if (a.clusterAutoscaler) {
      createClusterAutoscaler(
        name,
        {
          clusterName,
          region: a.region,
          kubernetesVersion: a.kubernetesVersion,
          chartVersion: a.clusterAutoscalerChartVersion,
          provider: this.provider,
          tags,
          dependsOn: gpuGroups.map((g) => g.group),
        },
        this,
      );
    }

    this.registerOutputs({
      cloud: this.cloud,
      amiFamily: this.amiFamily,
      nvidiaEnvironment: this.nvidiaEnvironment,
      clusterName: this.clusterName,
      region: this.region,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
      oidcIssuer: this.oidcIssuer,
      nodeRoleArn: this.nodeRoleArn,
      secretsKmsKeyArn: this.secretsKmsKeyArn,
      vpcId: this.vpcId,
      privateSubnetIds: this.privateSubnetIds,
      gpuTaints: this.gpuTaints,
      gpuNodeGroups: gpuGroups.map((g) => `${g.shape}/${g.capacityType}`),
    });
  }
}
