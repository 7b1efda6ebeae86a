import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import {
  CAPACITY_TYPE_LABEL,
  cloudTaintEffect,
  GPU_POOL_LABEL,
  GPU_TAINT,
  GPU_TYPE_LABEL,
  type NodeTaint,
} from "../../shared/gpuNodes.js";
import type { ResolvedEksArgs, ResolvedEksGpuNodeGroup } from "./validate.js";

/**
 * Optional taint on Spot GPU nodes. EKS has none of its own (anchors-and-api-facts.md §2.7); this
 * is accelerated-platforms' `spot=true` key, which LlmInferenceService tolerates with `preferSpot`.
 */
export const EKS_SPOT_TAINT: NodeTaint = { key: "spot", value: "true", effect: "NoSchedule" };

/** Label the Cluster Autoscaler's AWS provider reads to treat a node as a GPU node. */
const CA_GPU_LABEL = "k8s.amazonaws.com/accelerator";

/** What every node group shares. */
export interface GroupContext {
  name: string;
  cluster: aws.eks.Cluster;
  nodeRoleArn: pulumi.Input<string>;
  subnetIds: pulumi.Input<string>[];
  tags: Record<string, string>;
  parent: pulumi.Resource;
  dependsOn: pulumi.Resource[];
}

/** One created GPU node group. */
export interface GpuNodeGroup {
  shape: string;
  capacityType: string;
  group: aws.eks.NodeGroup;
}

/** AMI types per family (anchors §2.5: lowercase `x86_64`). */
function amiType(family: string, gpu: boolean): string {
  if (family === "BOTTLEROCKET") return gpu ? "BOTTLEROCKET_x86_64_NVIDIA" : "BOTTLEROCKET_x86_64";
  return gpu ? "AL2023_x86_64_NVIDIA" : "AL2023_x86_64_STANDARD";
}

/**
 * The launch template of one node group: IMDSv2 only with hop limit 1 (EKS-03: pods cannot reach
 * the node role), no public IP on the network interface (EKS-06), an encrypted gp3 volume.
 * Bottlerocket keeps images on its second (data) volume. EKS merges this template with the AMI
 * type and instance types given on the node group.
 * https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
 */
function launchTemplate(
  ctx: GroupContext,
  a: ResolvedEksArgs,
  suffix: string,
  diskGib: number,
): aws.ec2.LaunchTemplate {
  const deviceName = a.gpuAmiFamily === "BOTTLEROCKET" ? "/dev/xvdb" : "/dev/xvda";
  return new aws.ec2.LaunchTemplate(
    `${ctx.name}-${suffix}`,
    {
      description: `EKS node group ${suffix} (inferplane)`,
      metadataOptions: {
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: a.imdsHopLimit,
        instanceMetadataTags: "disabled",
      },
      blockDeviceMappings: [
        {
          deviceName,
          ebs: { volumeSize: diskGib, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
        },
      ],
      networkInterfaces: [
        {
          deviceIndex: 0,
          associatePublicIpAddress: "false",
          deleteOnTermination: "true",
          securityGroups: [ctx.cluster.vpcConfig.apply((v) => v.clusterSecurityGroupId as string)],
        },
      ],
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
        resourceType,
        tags: { ...ctx.tags, Name: `${ctx.name}-${suffix}` },
      })),
      updateDefaultVersion: true,
      tags: ctx.tags,
    },
    { parent: ctx.parent },
  );
}

function nodeGroup(
  ctx: GroupContext,
  suffix: string,
  lt: aws.ec2.LaunchTemplate,
  args: Omit<aws.eks.NodeGroupArgs, "clusterName" | "nodeRoleArn" | "subnetIds" | "launchTemplate">,
): aws.eks.NodeGroup {
  return new aws.eks.NodeGroup(
    `${ctx.name}-${suffix}`,
    {
      clusterName: ctx.cluster.name,
      nodeRoleArn: ctx.nodeRoleArn,
      subnetIds: ctx.subnetIds,
      launchTemplate: { id: lt.id, version: lt.latestVersion.apply(String) },
      // Node auto repair replaces nodes the node monitoring agent reports unhealthy (GPU XID
      // errors included): NODE-01. https://docs.aws.amazon.com/eks/latest/userguide/node-health.html
      nodeRepairConfig: { enabled: true },
      tags: ctx.tags,
      ...args,
    },
    // The autoscaler owns desiredSize once the group exists.
    { parent: ctx.parent, dependsOn: ctx.dependsOn, ignoreChanges: ["scalingConfig.desiredSize"] },
  );
}

/** The on-demand group for add-ons and the autoscaler: no GPUs, no taints. */
export function createSystemGroup(ctx: GroupContext, a: ResolvedEksArgs): aws.eks.NodeGroup {
  const lt = launchTemplate(ctx, a, "system", 50);
  return nodeGroup(ctx, "system", lt, {
    amiType: amiType(a.gpuAmiFamily, false),
    capacityType: "ON_DEMAND",
    instanceTypes: a.systemInstanceTypes,
    scalingConfig: { minSize: a.systemMinSize, maxSize: a.systemMaxSize, desiredSize: a.systemMinSize },
    updateConfig: { maxUnavailable: 1 },
    labels: { "inferplane.dev/pool": "system" },
  });
}

/**
 * The groups of one GPU shape: Spot and on-demand with the same instance types, subnets (every
 * zone), GPU taint and labels. The Cluster Autoscaler's priority expander tries the Spot group
 * first and falls back to the on-demand one when Spot cannot launch.
 */
export function createGpuGroups(
  ctx: GroupContext,
  a: ResolvedEksArgs,
  g: ResolvedEksGpuNodeGroup,
): GpuNodeGroup[] {
  const capacities = [...(g.spot ? ["SPOT"] : []), ...(g.onDemand ? ["ON_DEMAND"] : [])];
  return capacities.map((capacityType) => {
    const spot = capacityType === "SPOT";
    const suffix = `${g.name}-${spot ? "spot" : "od"}`;
    const taints: NodeTaint[] = [GPU_TAINT, ...(spot && a.spotTaint ? [EKS_SPOT_TAINT] : [])];
    const lt = launchTemplate(ctx, a, suffix, g.diskSizeGib);
    const group = nodeGroup(ctx, suffix, lt, {
      amiType: amiType(a.gpuAmiFamily, true),
      capacityType,
      instanceTypes: g.instanceTypes,
      scalingConfig: { minSize: g.minSize, maxSize: g.maxSize, desiredSize: g.minSize },
      // GPU capacity is scarce: replace one node at a time.
      updateConfig: { maxUnavailable: 1 },
      taints: taints.map((t) => ({ key: t.key, value: t.value, effect: cloudTaintEffect(t.effect) })),
      labels: {
        [GPU_POOL_LABEL]: g.name,
        [GPU_TYPE_LABEL]: g.gpuType,
        [CAPACITY_TYPE_LABEL]: spot ? "spot" : "on-demand",
        [CA_GPU_LABEL]: `nvidia-${g.gpuType.toLowerCase()}`,
      },
    });
    return { shape: g.name, capacityType, group };
  });
}
