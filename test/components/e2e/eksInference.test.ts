import { describe, expect, it } from "vitest";
import { EksGpuCluster, type EksGpuClusterArgs } from "../../../components/aws/eksGpuCluster.js";
import { LeaderWorkerSetController } from "../../../components/k8s/leaderWorkerSetController.js";
import { LlmInferenceService } from "../../../components/k8s/llmInferenceService.js";
import { NvidiaGpuStack } from "../../../components/k8s/nvidiaGpuStack.js";
import type { EngineRunResult, RecordedResource } from "../../../engine/types.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { all, one, runOffline } from "../../harness.js";
import { descendants, expectWiredGraph, podSpecs, VLLM_IMAGE } from "./graph.js";
import {
  k8sEffect,
  type NodeLike,
  preferred,
  schedulable,
  type Toleration,
  untoleratedTaints,
} from "./scheduling.js";

const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const RELEASE = "kubernetes:helm.sh/v3:Release";

/** EKS cluster, NVIDIA stack, LWS controller and a 70B service (TP 4 x PP 2 on 4 x L40S), as a user composes them. */
async function render(cluster: Partial<EksGpuClusterArgs> = {}): Promise<EngineRunResult> {
  return runOffline({
    stack: "prod",
    config: { "aws:region": "us-east-1" },
    program: () => {
      const c = new EksGpuCluster("eks", {
        region: "us-east-1",
        spotTaint: true,
        gpuNodeGroups: [
          { name: "l40s", gpuType: "L40S", gpusPerNode: 4, maxSize: 4 },
          { name: "l4", gpuType: "L4", maxSize: 4 },
        ],
        ...cluster,
      });
      const gpu = new NvidiaGpuStack("nvidia", {
        provider: c.provider,
        environment: c.nvidiaEnvironment,
        extraTolerations: c.gpuNodeTolerations,
      });
      const lws = new LeaderWorkerSetController("lws", { provider: c.provider });
      new LlmInferenceService(
        "llm",
        {
          provider: c.provider,
          namespace: "inference",
          model: "meta-llama/Llama-3.1-70B-Instruct",
          image: VLLM_IMAGE,
          gpuType: "L40S",
          gpusPerReplica: 8,
          tensorParallel: 4,
          pipelineParallel: 2,
          nodesPerReplica: 2,
          replicas: 2,
          gpuTypeNodeLabel: c.gpuTypeNodeLabel,
          preferSpot: true,
        },
        { dependsOn: [lws, gpu] },
      );
      return {};
    },
  });
}

/** A node of a managed node group: its labels and taints plus the labels EKS adds (anchors §2.7). */
function eksNode(group: RecordedResource): NodeLike {
  return {
    labels: {
      ...(group.inputs.labels as Record<string, string>),
      "eks.amazonaws.com/capacityType": String(group.inputs.capacityType),
      "eks.amazonaws.com/nodegroup": group.name,
    },
    taints: ((group.inputs.taints ?? []) as { key: string; value: string; effect: string }[]).map((t) => ({
      ...t,
      effect: k8sEffect(t.effect),
    })),
  };
}

const gpuGroups = (run: EngineRunResult) =>
  all(run.resources, NODE_GROUP).filter((g) => g.name !== "eks-system");

describe("EKS end to end: cluster, NVIDIA stack, LWS controller, vLLM service", () => {
  it("wires every Kubernetes object through the cluster's provider and orders the graph", async () => {
    const run = await render();
    const system = one(run.resources, NODE_GROUP, "eks-system");
    const { cluster } = await expectWiredGraph(run, "inferplane:index:EksGpuCluster", [system.urn], true);
    expect(cluster.outputs).toMatchObject({ nvidiaEnvironment: "eks-al2023" });
    // The autoscaler that scales GPU groups from zero is part of the same graph.
    const autoscaler = one(run.resources, "kubernetes:helm.sh/v4:Chart");
    for (const g of gpuGroups(run)) expect(autoscaler.dependencies).toContain(g.urn);
  });

  it("installs the device plugin the AL2023 NVIDIA AMI lacks, tolerating every GPU node taint", async () => {
    const run = await render();
    const nvidia = one(run.resources, "inferplane:index:NvidiaGpuStack");
    const plugin = descendants(run, nvidia).find(
      (r) => r.type === RELEASE && r.name === "nvidia-device-plugin",
    );
    expect(plugin, "device plugin release").toBeDefined();
    const tolerations = ((plugin as RecordedResource).inputs.values as { tolerations: Toleration[] })
      .tolerations;
    for (const g of gpuGroups(run)) {
      expect(untoleratedTaints({ tolerations }, eksNode(g)), g.name).toEqual([]);
    }
    const spot = gpuGroups(run).filter((g) => g.inputs.capacityType === "SPOT");
    expect(spot.length).toBe(2);
    for (const g of spot) expect(eksNode(g).taints.map((t) => t.key)).toContain("spot");
  });

  it("lets the service's groups land on the L40S Spot group and fall back to the L40S on-demand group only", async () => {
    const run = await render();
    const lws = one(run.resources, "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", "llm-lws");
    const pods = podSpecs(lws);
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      const fits = gpuGroups(run)
        .filter((g) => schedulable(pod, eksNode(g)))
        .map((g) => g.name);
      expect(fits.sort()).toEqual(["eks-l40s-od", "eks-l40s-spot"]);
      expect(preferred(pod, eksNode(one(run.resources, NODE_GROUP, "eks-l40s-spot")))).toBe(true);
      expect(preferred(pod, eksNode(one(run.resources, NODE_GROUP, "eks-l40s-od")))).toBe(false);
    }
  });

  it("tells the NVIDIA stack that Bottlerocket ships the device plugin", async () => {
    const run = await render({ gpuAmiFamily: "BOTTLEROCKET" });
    const nvidia = one(run.resources, "inferplane:index:NvidiaGpuStack");
    expect(descendants(run, nvidia).some((r) => r.name === "nvidia-device-plugin")).toBe(false);
    for (const g of gpuGroups(run)) expect(g.inputs.amiType).toBe("BOTTLEROCKET_x86_64_NVIDIA");
    await expectWiredGraph(
      run,
      "inferplane:index:EksGpuCluster",
      [one(run.resources, NODE_GROUP, "eks-system").urn],
      true,
    );
  });

  it("passes every rule of the guard pack, cluster and workload together", async () => {
    const run = await render();
    const violations = await evaluateGuard(run.resources);
    expect(violations.map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
  });
});
