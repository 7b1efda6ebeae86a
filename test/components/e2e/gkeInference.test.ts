import { describe, expect, it } from "vitest";
import { GkeGpuCluster } from "../../../components/gcp/gkeGpuCluster.js";
import { LeaderWorkerSetController } from "../../../components/k8s/leaderWorkerSetController.js";
import { LlmInferenceService } from "../../../components/k8s/llmInferenceService.js";
import { NvidiaGpuStack } from "../../../components/k8s/nvidiaGpuStack.js";
import type { EngineRunResult, RecordedResource } from "../../../engine/types.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { all, one, runOffline } from "../../harness.js";
import { expectWiredGraph, podSpecs, VLLM_IMAGE } from "./graph.js";
import { k8sEffect, type NodeLike, preferred, schedulable } from "./scheduling.js";

const POOL = "gcp:container/nodePool:NodePool";

/** GKE cluster, NVIDIA stack, LWS controller and an 8B service on L4, composed as a user would. */
async function render(): Promise<EngineRunResult> {
  return runOffline({
    config: { "gcp:project": "acme-ml" },
    program: () => {
      const cluster = new GkeGpuCluster("gke", {
        region: "us-central1",
        zones: ["us-central1-a", "us-central1-b", "us-central1-c"],
        gpuPools: [
          { name: "l4", gpuType: "L4", maxNodes: 8 },
          { name: "h100", gpuType: "H100-80GB", gpusPerNode: 8, maxNodes: 2 },
        ],
      });
      const gpu = new NvidiaGpuStack("nvidia", {
        provider: cluster.provider,
        environment: cluster.nvidiaEnvironment,
        extraTolerations: cluster.gpuNodeTolerations,
      });
      const lws = new LeaderWorkerSetController("lws", { provider: cluster.provider });
      const svc = new LlmInferenceService(
        "llm",
        {
          provider: cluster.provider,
          namespace: "inference",
          model: "meta-llama/Llama-3.1-8B-Instruct",
          image: VLLM_IMAGE,
          gpuType: "L4",
          gpusPerReplica: 1,
          tensorParallel: 1,
          pipelineParallel: 1,
          nodesPerReplica: 1,
          replicas: 2,
          gpuTypeNodeLabel: cluster.gpuTypeNodeLabel,
          preferSpot: true,
        },
        { dependsOn: [lws, gpu] },
      );
      return { endpoint: svc.endpoint };
    },
  });
}

/** A node of a GKE pool: its declared labels and taints plus the labels GKE adds itself (anchors §2.7). */
function gkeNode(pool: RecordedResource): NodeLike {
  const config = pool.inputs.nodeConfig as {
    labels: Record<string, string>;
    taints: { key: string; value: string; effect: string }[];
    spot: boolean;
    guestAccelerators: { type: string }[];
  };
  return {
    labels: {
      ...config.labels,
      "cloud.google.com/gke-nodepool": String(pool.inputs.name),
      "cloud.google.com/gke-accelerator": config.guestAccelerators[0]?.type ?? "",
      ...(config.spot ? { "cloud.google.com/gke-spot": "true" } : {}),
    },
    taints: config.taints.map((t) => ({ ...t, effect: k8sEffect(t.effect) })),
  };
}

describe("GKE end to end: cluster, NVIDIA stack, LWS controller, vLLM service", () => {
  it("wires every Kubernetes object through the cluster's provider and orders the graph", async () => {
    const run = await render();
    const systemPool = one(run.resources, POOL, "gke-system");
    // GKE installs the driver and device plugin and exports DCGM metrics itself (the cluster turns
    // on managed DCGM), so the NVIDIA stack adds no objects there.
    const { nvidia } = await expectWiredGraph(run, "inferplane:index:GkeGpuCluster", [systemPool.urn], false);
    expect(nvidia.outputs?.installed).toEqual([]);
    // ...and the cluster meets what the NVIDIA stack says it relies on (its nodeRequirements).
    const requirements = (nvidia.outputs?.nodeRequirements ?? []) as string[];
    expect(requirements.join(" ")).toMatch(/nvidia\.com\/gpu:NoSchedule.*LATEST or DEFAULT/);
    for (const pool of all(run.resources, POOL).filter((p) => p.name !== "gke-system")) {
      const node = gkeNode(pool);
      expect(node.taints).toContainEqual({ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" });
      const accelerators = (
        pool.inputs.nodeConfig as { guestAccelerators: { gpuDriverInstallationConfig: unknown }[] }
      ).guestAccelerators;
      expect(accelerators[0]?.gpuDriverInstallationConfig).toEqual({ gpuDriverVersion: "LATEST" });
    }
    const monitoring = one(run.resources, "gcp:container/cluster:Cluster").inputs.monitoringConfig as {
      enableComponents: string[];
    };
    expect(monitoring.enableComponents).toContain("DCGM");
  });

  it("lets the service's pods land on the L4 Spot pool and fall back to the L4 on-demand pool only", async () => {
    const run = await render();
    const lws = all(run.resources, "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet").find(
      (r) => r.name === "llm-lws",
    );
    const pods = podSpecs(lws as RecordedResource);
    expect(pods.length).toBeGreaterThan(0);
    const pools = all(run.resources, POOL).filter((p) => p.name !== "gke-system");
    for (const pod of pods) {
      const fits = pools.filter((p) => schedulable(pod, gkeNode(p))).map((p) => p.inputs.name);
      expect(fits.sort()).toEqual(["l4-od", "l4-spot"]);
      expect(preferred(pod, gkeNode(one(run.resources, POOL, "gke-l4-spot")))).toBe(true);
      expect(preferred(pod, gkeNode(one(run.resources, POOL, "gke-l4-od")))).toBe(false);
    }
  });

  it("passes every rule of the guard pack, cluster and workload together", async () => {
    const run = await render();
    const violations = await evaluateGuard(run.resources);
    expect(violations.map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
  });
});
