import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { EksGpuCluster } from "../../aws/eksGpuCluster.js";
import { GkeGpuCluster } from "../../gcp/gkeGpuCluster.js";
import { LeaderWorkerSetController } from "../../k8s/leaderWorkerSetController.js";
import { LlmInferenceService } from "../../k8s/llmInferenceService.js";
import { NvidiaGpuStack } from "../../k8s/nvidiaGpuStack.js";
import { ec2GpuShape, gkeMachineShape } from "../../shared/gpuCatalog.js";
import { contextTokens, type PlatformContext } from "../context.js";

/** A GPU cluster with the Kubernetes inference layer on it. */
export interface KubernetesBase {
  endpoint: pulumi.Output<string>;
  provider: k8s.Provider;
  service: LlmInferenceService;
  /** Namespace of the model server (created by the service). */
  namespace: pulumi.Output<string>;
  resources: pulumi.Resource[];
}

/** Whether the decided variant runs Spot nodes above the on-demand floor. */
export function usesSpot(variant: string): boolean {
  return variant.includes("spot");
}

/**
 * GPUs per node: the decided machine's count (a node may pack several single-node replicas),
 * else the replica's share of GPUs per node.
 */
export function gpusPerNode(ctx: PlatformContext): number {
  const s = ctx.decision.sizing;
  const shape = s.instanceType
    ? ctx.decision.cloud === "gcp"
      ? gkeMachineShape(s.instanceType)
      : ec2GpuShape(s.instanceType)
    : undefined;
  return shape?.gpuCount ?? Math.max(1, s.gpusPerReplica / Math.max(1, s.nodesPerReplica));
}

/** Most nodes per pool: the peak's nodes plus one replica's worth, so a surge rollout fits. */
export function maxNodes(ctx: PlatformContext): number {
  const s = ctx.decision.sizing;
  return Math.max(2, s.nodes + s.nodesPerReplica);
}

/**
 * The decided Kubernetes platform: GkeGpuCluster or EksGpuCluster with one GPU shape (on-demand
 * plus Spot when the decision allows Spot), NvidiaGpuStack, LeaderWorkerSetController and an
 * LlmInferenceService sized by the decision.
 */
export function composeKubernetes(ctx: PlatformContext): KubernetesBase {
  const { decision, args, name } = ctx;
  const s = decision.sizing;
  const spot = usesSpot(decision.variant);
  const opts = { parent: ctx.parent };
  const gpuType = String(s.gpuType);
  const perNode = gpusPerNode(ctx);
  const cluster =
    decision.cloud === "gcp"
      ? new GkeGpuCluster(
          `${name}-gke`,
          {
            ...(ctx.project ? { project: ctx.project } : {}),
            region: ctx.region,
            zones: args.gcpZones ?? ["a", "b", "c"].map((z) => `${ctx.region}-${z}`),
            gpuPools: [
              {
                name: "gpu",
                gpuType,
                gpusPerNode: perNode,
                ...(s.instanceType ? { machineType: s.instanceType } : {}),
                maxNodes: maxNodes(ctx),
                spot,
              },
            ],
            deletionProtection: args.deletionProtection ?? true,
          },
          opts,
        )
      : new EksGpuCluster(
          `${name}-eks`,
          {
            region: ctx.region,
            spotTaint: spot,
            gpuNodeGroups: [{ name: "gpu", gpuType, gpusPerNode: perNode, maxSize: maxNodes(ctx), spot }],
          },
          opts,
        );
  const provider = cluster.provider;
  const gpu = new NvidiaGpuStack(
    `${name}-nvidia`,
    { provider, environment: cluster.nvidiaEnvironment, extraTolerations: cluster.gpuNodeTolerations },
    opts,
  );
  const lws = new LeaderWorkerSetController(`${name}-lws`, { provider }, opts);
  const service = new LlmInferenceService(
    `${name}-llm`,
    {
      provider,
      namespace: ctx.namespace,
      serviceName: "llm",
      model: ctx.modelId,
      image: String(args.image),
      gpuType,
      gpusPerReplica: s.gpusPerReplica,
      tensorParallel: s.tensorParallel,
      pipelineParallel: s.pipelineParallel,
      nodesPerReplica: s.nodesPerReplica,
      replicas: s.replicas,
      maxModelLen: contextTokens(args),
      gpuTypeNodeLabel: cluster.gpuTypeNodeLabel,
      preferSpot: spot,
      ...(args.hfTokenSecretName ? { hfTokenSecretName: args.hfTokenSecretName } : {}),
      ...(args.allowedClientNamespaces ? { allowedClientNamespaces: args.allowedClientNamespaces } : {}),
    },
    { parent: ctx.parent, dependsOn: [lws, gpu] },
  );
  return {
    endpoint: service.endpoint,
    provider,
    service,
    namespace: service.namespace,
    resources: [cluster, gpu, lws, service],
  };
}
