import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { clusterAutoscalerPolicy, trustPolicy } from "./iam.js";

/** EKS managed add-ons, installed before and after the first nodes. */
export interface EksAddons {
  /** Needed before any node can become Ready (networking, Pod Identity). */
  beforeNodes: aws.eks.Addon[];
}

/**
 * Add-ons that nodes need to become Ready: the Pod Identity agent (EKS-04), the VPC CNI with
 * NetworkPolicy enforcement on (CIS EKS 5.4.4) and its permissions through Pod Identity instead of
 * the node role, and kube-proxy. The cluster is created without self-managed add-ons, so these are
 * the only copies. https://docs.aws.amazon.com/eks/latest/userguide/eks-add-ons.html
 */
export function createNetworkingAddons(
  name: string,
  clusterName: pulumi.Input<string>,
  cniRoleArn: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): EksAddons {
  const common = {
    clusterName,
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "PRESERVE",
    tags,
  };
  const podIdentity = new aws.eks.Addon(
    `${name}-pod-identity`,
    { ...common, addonName: "eks-pod-identity-agent" },
    { parent },
  );
  const cni = new aws.eks.Addon(
    `${name}-vpc-cni`,
    {
      ...common,
      addonName: "vpc-cni",
      configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
      podIdentityAssociations: [{ roleArn: cniRoleArn, serviceAccount: "aws-node" }],
    },
    { parent, dependsOn: [podIdentity] },
  );
  const kubeProxy = new aws.eks.Addon(
    `${name}-kube-proxy`,
    { ...common, addonName: "kube-proxy" },
    { parent },
  );
  return { beforeNodes: [podIdentity, cni, kubeProxy] };
}

/**
 * Add-ons whose pods need a node: CoreDNS, and the node monitoring agent that feeds node auto
 * repair with GPU health (NODE-01). https://docs.aws.amazon.com/eks/latest/userguide/node-health.html
 */
export function createNodeAddons(
  name: string,
  clusterName: pulumi.Input<string>,
  tags: Record<string, string>,
  parent: pulumi.Resource,
  dependsOn: pulumi.Resource[],
): aws.eks.Addon[] {
  const common = {
    clusterName,
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "PRESERVE",
    tags,
  };
  return [
    new aws.eks.Addon(`${name}-coredns`, { ...common, addonName: "coredns" }, { parent, dependsOn }),
    new aws.eks.Addon(
      `${name}-node-monitoring`,
      { ...common, addonName: "eks-node-monitoring-agent" },
      { parent, dependsOn },
    ),
  ];
}

/** Where the Cluster Autoscaler runs and what it may do. */
export interface AutoscalerInputs {
  clusterName: string;
  region: string;
  kubernetesVersion: string;
  chartVersion: string;
  provider: k8s.Provider;
  tags: Record<string, string>;
  dependsOn: pulumi.Resource[];
}

const AUTOSCALER_SA = "cluster-autoscaler";

/**
 * The Kubernetes Cluster Autoscaler, the piece that makes managed node groups with `minSize: 0`
 * scale up from zero. It reads the groups' labels and taints from the EKS API (so it can build a
 * GPU node template with no node running), and its priority expander tries Spot groups first and
 * on-demand groups when Spot cannot launch (SPOT-01). Spot interruptions are handled by managed
 * node groups' Capacity Rebalancing alone (SPOT-02: no Node Termination Handler).
 * Chart: https://github.com/kubernetes/autoscaler/tree/master/charts/cluster-autoscaler
 */
export function createClusterAutoscaler(
  name: string,
  i: AutoscalerInputs,
  parent: pulumi.Resource,
): k8s.helm.v4.Chart {
  const role = new aws.iam.Role(
    `${name}-autoscaler`,
    { assumeRolePolicy: trustPolicy("pods.eks.amazonaws.com"), tags: i.tags },
    { parent },
  );
  const policy = new aws.iam.RolePolicy(
    `${name}-autoscaler`,
    { role: role.name, policy: clusterAutoscalerPolicy(i.clusterName) },
    { parent },
  );
  const association = new aws.eks.PodIdentityAssociation(
    `${name}-autoscaler`,
    {
      clusterName: i.clusterName,
      namespace: "kube-system",
      serviceAccount: AUTOSCALER_SA,
      roleArn: role.arn,
      tags: i.tags,
    },
    { parent, dependsOn: [policy] },
  );
  return new k8s.helm.v4.Chart(
    `${name}-cluster-autoscaler`,
    {
      chart: "cluster-autoscaler",
      version: i.chartVersion,
      repositoryOpts: { repo: "https://kubernetes.github.io/autoscaler" },
      namespace: "kube-system",
      values: {
        cloudProvider: "aws",
        awsRegion: i.region,
        autoDiscovery: { clusterName: i.clusterName },
        rbac: { serviceAccount: { create: true, name: AUTOSCALER_SA } },
        // The autoscaler's minor version must match the cluster's (its README's compatibility table).
        image: { tag: `v${i.kubernetesVersion}.0` },
        extraArgs: {
          expander: "priority,least-waste",
          "balance-similar-node-groups": true,
          "skip-nodes-with-system-pods": false,
          "max-node-provision-time": "10m",
        },
        // Managed node group ASGs are named eks-<node group name>-<uuid>; ours end in -spot / -od.
        expanderPriorities: { "50": [".*-spot-.*"], "10": [".*"] },
        priorityClassName: "system-cluster-critical",
        nodeSelector: { "inferplane.dev/pool": "system" },
      },
    },
    { parent, provider: i.provider, dependsOn: [association, ...i.dependsOn] },
  );
}
