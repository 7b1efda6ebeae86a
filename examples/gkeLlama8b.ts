/**
 * A consumer program composing inferplane's components directly, without LlmPlatform: the
 * placement policy sizes the service, and the program builds a GKE GPU cluster, the NVIDIA and
 * LeaderWorkerSet layers and a vLLM service from that sizing.
 *
 *   inferplane preview --program examples/gkeLlama8b.ts     # offline, no cloud
 *   pulumi up                                                # from your own project
 */
import {
  decidePlacement,
  GkeGpuCluster,
  LeaderWorkerSetController,
  LlmInferenceService,
  NvidiaGpuStack,
} from "inferplane";

const decision = decidePlacement({
  model: { name: "llama-3.1-8b-instruct", custom: true },
  traffic: { tokensPerDay: 200_000_000, peakToMean: 2 },
  slo: { ttftP95Ms: 3000, availability: 0.99 },
  constraints: { clouds: ["gcp"], platforms: ["kubernetes"], spot: true },
});
const sizing = decision.sizing;

const cluster = new GkeGpuCluster("gke", {
  project: "acme-ml",
  region: "us-central1",
  zones: ["us-central1-a", "us-central1-b", "us-central1-c"],
  gpuPools: [{ name: "l4", gpuType: String(sizing.gpuType), maxNodes: sizing.nodes + 1 }],
});
const gpu = new NvidiaGpuStack("nvidia", {
  provider: cluster.provider,
  environment: cluster.nvidiaEnvironment,
  extraTolerations: cluster.gpuNodeTolerations,
});
const lws = new LeaderWorkerSetController("lws", { provider: cluster.provider });
const service = new LlmInferenceService(
  "llama",
  {
    provider: cluster.provider,
    namespace: "inference",
    model: "meta-llama/Llama-3.1-8B-Instruct",
    // Pin a real vLLM digest: docker buildx imagetools inspect vllm/vllm-openai:<tag>
    image: `vllm/vllm-openai:v0.28.0@sha256:${"0".repeat(64)}`,
    gpuType: String(sizing.gpuType),
    gpusPerReplica: sizing.gpusPerReplica,
    tensorParallel: sizing.tensorParallel,
    pipelineParallel: sizing.pipelineParallel,
    nodesPerReplica: sizing.nodesPerReplica,
    replicas: sizing.replicas,
    gpuTypeNodeLabel: cluster.gpuTypeNodeLabel,
    preferSpot: true,
  },
  { dependsOn: [lws, gpu] },
);

export const endpoint = service.endpoint;
export const decided = { platform: decision.platform, monthlyCostUsd: decision.monthlyCostUsd, sizing };
