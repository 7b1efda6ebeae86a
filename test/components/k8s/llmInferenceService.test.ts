import * as k8s from "@pulumi/kubernetes";
import { describe, expect, it } from "vitest";
import { LeaderWorkerSetController } from "../../../components/k8s/leaderWorkerSetController.js";
import { LlmInferenceService } from "../../../components/k8s/llmInferenceService.js";
import type { LlmInferenceServiceArgs } from "../../../components/k8s/llmInferenceServiceArgs.js";
import { resolveLlmServiceSettings } from "../../../components/k8s/llmServiceSettings.js";
import { leaderWorkerSetBody } from "../../../components/k8s/lwsWorkload.js";
import { validateManifests } from "../../../manifests/validate.js";
import { all, one, runOffline } from "../../harness.js";
import {
  expectGpuResources,
  expectModelServerProbes,
  expectSecurePod,
  expectSpotReady,
  only,
  type PodTemplate,
} from "./checklist.js";
import { expectClusterProvider, expectValidManifests, testProvider, VLLM_IMAGE } from "./fixtures.js";

const LWS = "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

/** Llama 3.1 405B: tensor parallel 8 inside each node, pipeline parallel 2 across two nodes. */
const LLAMA_405B: Omit<LlmInferenceServiceArgs, "provider"> = {
  namespace: "llm",
  serviceName: "llama-405b",
  model: "meta-llama/Llama-3.1-405B-Instruct",
  image: VLLM_IMAGE,
  gpuType: "nvidia-h100-80gb",
  gpusPerReplica: 16,
  tensorParallel: 8,
  pipelineParallel: 2,
  nodesPerReplica: 2,
  replicas: 2,
  maxReplicas: 3,
  hfTokenSecretName: "hf-token",
  preferSpot: true,
  gpuTypeNodeLabel: "cloud.google.com/gke-accelerator",
  allowedClientNamespaces: ["gateway", "monitoring"],
};

/** Llama 3.1 8B on one GPU. */
const LLAMA_8B: Omit<LlmInferenceServiceArgs, "provider"> = {
  namespace: "llm-small",
  model: "meta-llama/Llama-3.1-8B-Instruct",
  image: VLLM_IMAGE,
  gpuType: "nvidia-l4",
  gpusPerReplica: 1,
  tensorParallel: 1,
  pipelineParallel: 1,
  nodesPerReplica: 1,
  replicas: 1,
  maxModelLen: 8192,
};

interface LwsInputs {
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  spec: {
    replicas: number;
    startupPolicy: string;
    rolloutStrategy: { rollingUpdateConfiguration: { maxSurge: number; maxUnavailable: number } };
    leaderWorkerTemplate: {
      size: number;
      restartPolicy: string;
      leaderTemplate?: PodTemplate;
      workerTemplate: PodTemplate;
    };
  };
}

async function serve(args: Omit<LlmInferenceServiceArgs, "provider">, withController = true) {
  const run = await runOffline({
    program: () => {
      const provider = testProvider();
      const controller = withController ? new LeaderWorkerSetController("lws", { provider }) : undefined;
      const svc = new LlmInferenceService(
        "llm",
        { ...args, provider },
        controller ? { dependsOn: [controller] } : undefined,
      );
      return { endpoint: svc.endpoint, size: svc.groupSize };
    },
  });
  const lws = one(run.resources, LWS, "llm-lws");
  return { run, lws, body: lws.inputs as unknown as LwsInputs };
}

describe("LlmInferenceService: 405B, tensor parallel 8 x pipeline parallel 2", () => {
  it("maps the sizing onto the LeaderWorkerSet: size = nodes, GPUs per pod = tensor parallel", async () => {
    const { body, run } = await serve(LLAMA_405B);
    const template = body.spec.leaderWorkerTemplate;
    expect(template.size).toBe(2);
    expect(body.spec.replicas).toBe(2);
    expect(template.restartPolicy).toBe("RecreateGroupOnPodRestart");
    expect(body.spec.startupPolicy).toBe("LeaderCreated");
    expect(body.metadata.annotations).toEqual({
      "leaderworkerset.sigs.k8s.io/exclusive-topology": "topology.kubernetes.io/zone",
    });
    const leader = template.leaderTemplate as PodTemplate;
    for (const pod of [leader, template.workerTemplate]) {
      expectGpuResources(pod, 8, 16);
      expect(only(pod.spec.containers).resources).toEqual({
        requests: { cpu: "32", memory: "144Gi" },
        limits: { memory: "144Gi", "nvidia.com/gpu": "8" },
      });
    }
    const leaderScript = only(only(leader.spec.containers).args);
    expect(leaderScript).toMatch(
      /multi-node-serving\.sh leader --ray_cluster_size=\$\(LWS_GROUP_SIZE\) && exec python3 -m vllm\.entrypoints\.openai\.api_server/,
    );
    expect(leaderScript).toContain("--model meta-llama/Llama-3.1-405B-Instruct");
    expect(leaderScript).toContain("--tensor-parallel-size 8 --pipeline-parallel-size 2");
    expect(leaderScript).toContain("--distributed-executor-backend ray");
    const workerScript = only(only(template.workerTemplate.spec.containers).args);
    expect(workerScript).toMatch(/multi-node-serving\.sh worker --ray_address=\$\(LWS_LEADER_ADDRESS\)$/);
    expect(run.outputs.size).toBe(2);
  });

  it("meets the pod checklist on leader and workers (K8S-02..05, GPU-01..04, SPOT-03)", async () => {
    const { body } = await serve(LLAMA_405B);
    const leader = body.spec.leaderWorkerTemplate.leaderTemplate as PodTemplate;
    const worker = body.spec.leaderWorkerTemplate.workerTemplate;
    for (const pod of [leader, worker]) {
      expectSecurePod(pod);
      expectSpotReady(pod, 15);
      expect(only(pod.spec.containers).env).toContainEqual({
        name: "HF_TOKEN",
        valueFrom: { secretKeyRef: { name: "hf-token", key: "token" } },
      });
    }
    expectModelServerProbes(leader, 3600);
    expect(only(worker.spec.containers).readinessProbe).toBeUndefined();
    // REL-03: leaders (one per group) spread over zones; workers stay with their group.
    expect(JSON.stringify(leader.spec.topologySpreadConstraints)).toContain("topology.kubernetes.io/zone");
    expect(worker.spec.topologySpreadConstraints).toBeUndefined();
  });

  it("prefers Spot without requiring it, and requires the GPU type", async () => {
    const { body } = await serve(LLAMA_405B);
    const pod = body.spec.leaderWorkerTemplate.workerTemplate;
    const tolerations = (pod.spec.tolerations ?? []).map((t) => t.key);
    expect(tolerations).toEqual(["nvidia.com/gpu", "cloud.google.com/gke-spot", "spot"]);
    expect(pod.spec.affinity?.nodeAffinity).toMatchObject({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: "cloud.google.com/gke-accelerator", operator: "In", values: ["nvidia-h100-80gb"] },
            ],
          },
        ],
      },
    });
    const nodeAffinity = (pod.spec.affinity?.nodeAffinity ?? {}) as {
      preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
    };
    const preferred = nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution;
    expect(JSON.stringify(preferred)).toContain("karpenter.sh/capacity-type");
    expect(
      JSON.stringify(pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    ).not.toContain("spot");
  });

  it("protects groups with a group-aware PDB, autoscales on the LWS scale subresource, serves leaders only", async () => {
    const { run } = await serve(LLAMA_405B);
    expect(one(run.resources, PDB, "llm-pdb").inputs).toEqual({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: expect.objectContaining({ name: "llama-405b", namespace: "llm" }),
      spec: {
        minAvailable: 2,
        selector: { matchLabels: { "leaderworkerset.sigs.k8s.io/name": "llama-405b" } },
        unhealthyPodEvictionPolicy: "AlwaysAllow",
      },
    });
    expect(one(run.resources, HPA).inputs).toMatchObject({
      spec: {
        scaleTargetRef: {
          apiVersion: "leaderworkerset.x-k8s.io/v1",
          kind: "LeaderWorkerSet",
          name: "llama-405b",
        },
        minReplicas: 2,
        maxReplicas: 3,
        metrics: [{ type: "Pods", pods: { metric: { name: "vllm_num_requests_waiting" } } }],
      },
    });
    expect(one(run.resources, "kubernetes:core/v1:Service").inputs).toMatchObject({
      spec: {
        type: "ClusterIP",
        selector: {
          "leaderworkerset.sigs.k8s.io/name": "llama-405b",
          "leaderworkerset.sigs.k8s.io/worker-index": "0",
        },
      },
    });
    const policy = one(run.resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs as {
      spec: { policyTypes: string[]; ingress: { from: unknown[]; ports?: unknown[] }[] };
    };
    expect(policy.spec.policyTypes).toEqual(["Ingress"]);
    expect(policy.spec.ingress[0]).toEqual({
      from: [{ podSelector: { matchLabels: { "leaderworkerset.sigs.k8s.io/name": "llama-405b" } } }],
    });
    expect(policy.spec.ingress[1]?.ports).toEqual([{ port: "http", protocol: "TCP" }]);
    expect(JSON.stringify(policy.spec.ingress[1]?.from)).toContain("monitoring");
    expect(run.outputs.endpoint).toBe("http://llama-405b.llm.svc.cluster.local:8000/v1");
  });

  it("waits for the LWS controller: every child depends on its release and webhook canary", async () => {
    const { run, lws } = await serve(LLAMA_405B);
    const release = one(run.resources, "kubernetes:helm.sh/v3:Release");
    const canary = one(run.resources, LWS, "lws-webhook-canary");
    const component = one(run.resources, "inferplane:index:LlmInferenceService");
    expect(lws.parent).toBe(component.urn);
    expect(lws.dependencies).toEqual(expect.arrayContaining([release.urn, canary.urn]));
    for (const child of run.resources.filter((r) => r.parent === component.urn)) {
      expect(child.dependencies, child.name).toContain(canary.urn);
    }
    expectClusterProvider(run.resources, component.urn);
  });

  it("puts the namespace under Pod Security restricted", async () => {
    const { run } = await serve(LLAMA_405B);
    expect(one(run.resources, "kubernetes:core/v1:Namespace", "llm-ns").inputs).toMatchObject({
      metadata: {
        name: "llm",
        labels: {
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    });
  });

  it("validates against the Kubernetes schemas and the LWS CRD with zero errors", async () => {
    const { run } = await serve(LLAMA_405B);
    await expectValidManifests(run.resources, 9);
  });
});

describe("LlmInferenceService: 8B on one GPU", () => {
  it("is an LWS of size 1 running the server directly, no Ray", async () => {
    const { body } = await serve(LLAMA_8B, false);
    const template = body.spec.leaderWorkerTemplate;
    expect(template.size).toBe(1);
    expect(template.leaderTemplate).toBeUndefined();
    expect(body.metadata.annotations).toBeUndefined();
    const c = only(template.workerTemplate.spec.containers);
    expect(c.command).toEqual(["python3", "-m", "vllm.entrypoints.openai.api_server"]);
    expect(c.args).toEqual([
      "--model",
      "meta-llama/Llama-3.1-8B-Instruct",
      "--served-model-name",
      "meta-llama/Llama-3.1-8B-Instruct",
      "--port",
      "8000",
      "--tensor-parallel-size",
      "1",
      "--pipeline-parallel-size",
      "1",
      "--max-model-len",
      "8192",
    ]);
    expectGpuResources(template.workerTemplate, 1, 4);
    expect(c.resources.limits).toEqual({ memory: "20Gi", "nvidia.com/gpu": "1" });
    expectSecurePod(template.workerTemplate);
    expectModelServerProbes(template.workerTemplate, 1800);
    expectSpotReady(template.workerTemplate, 30);
  });

  it("spreads over zones, surges on rollout at one replica and has no PDB or HPA", async () => {
    const { body, run } = await serve(LLAMA_8B, false);
    expect(body.spec.leaderWorkerTemplate.workerTemplate.spec.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: {
          matchLabels: {
            "leaderworkerset.sigs.k8s.io/name": "llm",
            "leaderworkerset.sigs.k8s.io/worker-index": "0",
          },
        },
      },
    ]);
    expect(body.spec.rolloutStrategy.rollingUpdateConfiguration).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(all(run.resources, PDB)).toEqual([]);
    expect(all(run.resources, HPA)).toEqual([]);
    expect(all(run.resources, "kubernetes:core/v1:Namespace")).toHaveLength(1);
    await expectValidManifests(run.resources, 5);
  });

  it("serves from a read-only model cache claim, offline", async () => {
    const { body, run } = await serve(
      { ...LLAMA_8B, modelCacheClaimName: "weights", modelCacheSubPath: "llama-8b", createNamespace: false },
      false,
    );
    const pod = body.spec.leaderWorkerTemplate.workerTemplate;
    const c = only(pod.spec.containers);
    expect(c.args?.slice(0, 4)).toEqual([
      "--model",
      "/models/llama-8b",
      "--served-model-name",
      "meta-llama/Llama-3.1-8B-Instruct",
    ]);
    expect(c.volumeMounts).toContainEqual({ name: "models", mountPath: "/models", readOnly: true });
    expect(pod.spec.volumes).toContainEqual({
      name: "models",
      persistentVolumeClaim: { claimName: "weights", readOnly: true },
    });
    expect(c.env).toContainEqual({ name: "HF_HUB_OFFLINE", value: "1" });
    expect(all(run.resources, "kubernetes:core/v1:Namespace")).toEqual([]);
    await expectValidManifests(run.resources, 4);
  });
});

describe("manifest validation of LeaderWorkerSets", () => {
  it("catches a broken LeaderWorkerSet", async () => {
    const run = await runOffline({
      program: () => {
        const body = leaderWorkerSetBody(
          resolveLlmServiceSettings("bad", { ...LLAMA_8B, provider: undefined }),
          "bad",
        );
        const spec = body.spec as { leaderWorkerTemplate: Record<string, unknown> };
        spec.leaderWorkerTemplate.size = "2";
        spec.leaderWorkerTemplate.restartPolicy = "Always";
        delete spec.leaderWorkerTemplate.workerTemplate;
        new k8s.apiextensions.CustomResource(
          "bad",
          { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", ...body },
          { provider: testProvider() },
        );
      },
    });
    const report = await validateManifests(run.resources);
    const paths = report.errors.map((e) => e.path).sort();
    expect(paths).toEqual([
      "spec.leaderWorkerTemplate.restartPolicy",
      "spec.leaderWorkerTemplate.size",
      "spec.leaderWorkerTemplate.workerTemplate",
    ]);
    expect(report.errors.find((e) => e.path.endsWith("restartPolicy"))?.message).toContain(
      "RecreateGroupOnPodRestart",
    );
  });
});
