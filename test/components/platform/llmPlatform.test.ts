import { describe, expect, it } from "vitest";
import { LlmPlatform } from "../../../components/platform/llmPlatform.js";
import type { LlmPlatformArgs } from "../../../components/platform/llmPlatformArgs.js";
import { validateManifests } from "../../../manifests/validate.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { decidePlacement } from "../../../policies/placement/decide.js";
import { all, byUrn, one, runOffline } from "../../harness.js";
import { COMMON, ROUTER_IMAGE, WORKLOADS } from "./fixtures.js";

const PLATFORM = "inferplane:index:LlmPlatform";

const render = (args: LlmPlatformArgs, config: Record<string, string> = { "aws:region": "us-east-1" }) =>
  runOffline({
    stack: "prod",
    config,
    program: () => {
      const p = new LlmPlatform("llm", { ...COMMON, ...args });
      return { endpoint: p.endpoint };
    },
  });

describe("LlmPlatform composes what the placement policy decided", () => {
  it("runs a 405B model on GKE across two a3-highgpu-8g nodes per replica, with the guard contract", async () => {
    const run = await render({ workload: WORKLOADS.multiNodeGke });
    const platform = one(run.resources, PLATFORM);
    expect(platform.outputs).toMatchObject({
      decision: {
        platform: "kubernetes",
        cloud: "gcp",
        monthlyCostUsd: expect.any(Number),
        reasons: expect.any(Array),
      },
      deployedPlatform: "kubernetes",
      deployedCloud: "gcp",
      budgetUsdPerMonth: 500_000,
      sizing: { gpuType: "H100-80GB", tensorParallel: 8, pipelineParallel: 2, nodesPerReplica: 2 },
    });
    expect(platform.outputs?.decision).not.toHaveProperty("override");
    const cluster = one(run.resources, "inferplane:index:GkeGpuCluster");
    expect(cluster.parent).toBe(platform.urn);
    const pool = one(run.resources, "gcp:container/nodePool:NodePool", "llm-gke-gpu-od");
    expect(pool.inputs).toMatchObject({ nodeConfig: { machineType: "a3-highgpu-8g" } });
    const lws = one(run.resources, "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", "llm-llm-lws");
    expect(lws.inputs).toMatchObject({ spec: { leaderWorkerTemplate: { size: 2 } } });
    expect(JSON.stringify(lws.inputs)).toContain("--pipeline-parallel-size");
    expect((await validateManifests(run.resources)).errors).toEqual([]);
    expect((await evaluateGuard(run.resources)).map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
  });

  it("records an override with its reason, and PLAT-01 accepts it", async () => {
    const run = await render({
      workload: {
        ...WORKLOADS.hybrid,
        traffic: { requestsPerDay: 3000, peakToMean: 4, activeHoursPerDay: 10 },
        constraints: { clouds: ["gcp"], spot: true },
        override: { platform: "kubernetes", cloud: "gcp", reason: "rehearse prod" },
      },
    });
    const outputs = one(run.resources, PLATFORM).outputs;
    expect(outputs).toMatchObject({
      decision: {
        platform: "kubernetes",
        override: { platform: "kubernetes", cloud: "gcp", reason: "rehearse prod" },
      },
      deployedPlatform: "kubernetes",
    });
    const plat = (await evaluateGuard(run.resources)).filter((v) => v.policy.startsWith("plat-"));
    expect(plat).toEqual([]);
  });

  it.each([
    ["gcp", "inferplane:index:VertexModelGateway", "meta/llama-3.3-70b-instruct-maas"],
    ["aws", "inferplane:index:BedrockModelGateway", "meta.llama3-3-70b-instruct-v1:0"],
  ])("puts a catalog model on %s's managed API behind its gateway", async (cloud, type, model) => {
    const run = await render({ workload: WORKLOADS.managed(cloud) });
    expect(one(run.resources, PLATFORM).outputs).toMatchObject({
      deployedPlatform: "managed-api",
      deployedCloud: cloud,
    });
    const gateway = one(run.resources, type);
    expect(
      JSON.stringify(run.resources.filter((r) => r.parent === gateway.urn).map((r) => r.inputs)),
    ).toContain(model);
    expect(run.outputs.endpoint).toMatch(/\/v1$/);
  });

  it("puts bursty custom weights on a SageMaker endpoint scaled to zero, inside the given VPC", async () => {
    const run = await render({
      workload: WORKLOADS.sagemaker,
      awsSubnetIds: ["subnet-a", "subnet-b"],
      awsSecurityGroupIds: ["sg-1"],
    });
    one(run.resources, "inferplane:index:SageMakerEndpoint");
    const model = one(run.resources, "aws:sagemaker/model:Model");
    expect(model.inputs).toMatchObject({ vpcConfig: { subnets: ["subnet-a", "subnet-b"] } });
    expect(JSON.stringify(model.inputs)).toContain("meta-llama/Llama-3.1-8B-Instruct");
    expect(run.outputs.endpoint).toMatch(
      /^https:\/\/runtime\.sagemaker\.us-east-1\.amazonaws\.com\/endpoints\/.+\/invocations$/,
    );
  });

  it("takes a ready decision (decisionJson) instead of a workload", async () => {
    const decision = decidePlacement(WORKLOADS.managed("aws"));
    const run = await render({ decisionJson: JSON.stringify(decision) });
    expect(one(run.resources, PLATFORM).outputs).toMatchObject({
      decision: {
        platform: decision.platform,
        cloud: decision.cloud,
        monthlyCostUsd: decision.monthlyCostUsd,
      },
      deployedPlatform: decision.platform,
    });
    one(run.resources, "inferplane:index:BedrockModelGateway");
  });
});

describe("LlmPlatform hybrid: Kubernetes base, Cloud Run overflow, one router", () => {
  const hybrid = () =>
    render({
      workload: WORKLOADS.hybrid,
      routerImage: ROUTER_IMAGE,
      overflowQueueDepth: 6,
      allowedClientNamespaces: ["apps"],
    });

  it("wires the router to the base and the overflow, and exposes it as the one endpoint", async () => {
    const run = await hybrid();
    expect(one(run.resources, PLATFORM).outputs).toMatchObject({
      deployedPlatform: "hybrid",
      deployedCloud: "gcp",
    });
    const deployment = one(run.resources, "kubernetes:apps/v1:Deployment", "llm-router");
    const env = Object.fromEntries(
      (
        (
          deployment.inputs.spec as {
            template: { spec: { containers: { env: { name: string; value: string }[] }[] } };
          }
        ).template.spec.containers[0]?.env ?? []
      ).map((e) => [e.name, e.value]),
    );
    expect(env).toMatchObject({
      ROUTER_BASE_URL: "http://llm.llm.svc.cluster.local:8000",
      ROUTER_OVERFLOW_URL: expect.stringMatching(/^https:\/\/llm-run-svc-.*\.run\.app$/),
      ROUTER_OVERFLOW_AUTH: "google-id-token",
      ROUTER_QUEUE_DEPTH: "6",
    });
    expect(run.outputs.endpoint).toBe("http://llm-router.llm.svc.cluster.local:8080/v1");
    const code = one(run.resources, "kubernetes:core/v1:ConfigMap", "llm-router-code");
    expect(Object.keys(code.inputs.data as object).sort()).toEqual([
      "package.json",
      "policy.js",
      "server.js",
    ]);
    // Same provider as the cluster's inference layer.
    expect(deployment.provider).toBe(
      one(run.resources, "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", "llm-llm-lws").provider,
    );
  });

  it("lets only the router's Workload Identity invoke the overflow, besides the named invokers", async () => {
    const run = await hybrid();
    const sa = one(run.resources, "kubernetes:core/v1:ServiceAccount", "llm-router");
    expect(sa.inputs).toMatchObject({
      automountServiceAccountToken: false,
      metadata: {
        annotations: { "iam.gke.io/gcp-service-account": "llm-router@acme-ml.iam.gserviceaccount.com" },
      },
    });
    expect(
      one(run.resources, "gcp:serviceaccount/iAMMember:IAMMember", "llm-router-wi").inputs,
    ).toMatchObject({
      role: "roles/iam.workloadIdentityUser",
      member: "serviceAccount:acme-ml.svc.id.goog[llm/llm-router]",
    });
    const invokers = all(run.resources, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember").map(
      (r) => r.inputs.member,
    );
    expect(invokers.sort()).toEqual([
      "serviceAccount:apps@acme-ml.iam.gserviceaccount.com",
      "serviceAccount:llm-router@acme-ml.iam.gserviceaccount.com",
    ]);
    expect(byUrn(run.resources, one(run.resources, "inferplane:index:CloudRunGpuEndpoint").parent).type).toBe(
      PLATFORM,
    );
  });

  it("passes the manifest schemas and the guard pack as a whole", async () => {
    const run = await hybrid();
    expect((await validateManifests(run.resources)).errors).toEqual([]);
    expect((await evaluateGuard(run.resources)).map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
  });
});
