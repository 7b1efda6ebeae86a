import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { LeaderWorkerSetController } from "../../../components/k8s/leaderWorkerSetController.js";
import {
  type LeaderWorkerSetControllerArgs,
  validateLeaderWorkerSetControllerArgs,
} from "../../../components/k8s/leaderWorkerSetControllerArgs.js";
import { CANARY_IMAGE } from "../../../components/k8s/lwsChart.js";
import { all, one, runOffline } from "../../harness.js";
import { expectClusterProvider, expectValidManifests, testProvider } from "./fixtures.js";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const LWS = "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet";

async function render(args: Omit<LeaderWorkerSetControllerArgs, "provider"> = {}) {
  const run = await runOffline({
    program: () => {
      const c = new LeaderWorkerSetController("lws", { ...args, provider: testProvider() });
      return { ready: c.ready, status: c.releaseStatus, namespace: c.namespace };
    },
  });
  return { run, component: one(run.resources, "inferplane:index:LeaderWorkerSetController", "lws") };
}

describe("LeaderWorkerSetController", () => {
  it("installs LWS v0.10.0 from the OCI chart as a Helm release that keeps its CRDs", async () => {
    const { run, component } = await render();
    // A v3 Release, never a v4 Chart: CRDs from crds/ are Helm's, installed once and never deleted.
    expect(all(run.resources, "kubernetes:helm.sh/v4:Chart")).toEqual([]);
    expect(all(run.resources, "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition")).toEqual([]);
    const release = one(run.resources, RELEASE, "lws-release");
    expect(release.parent).toBe(component.urn);
    expect(release.inputs).toMatchObject({
      name: "lws",
      chart: "oci://registry.k8s.io/lws/charts/lws",
      version: "0.10.0",
      namespace: "lws-system",
      skipCrds: false,
      skipAwait: false,
      waitForJobs: true,
      values: {
        replicaCount: 2,
        image: {
          manager: { repository: "registry.k8s.io/lws/lws", tag: "v0.10.0", pullPolicy: "IfNotPresent" },
        },
        podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        enableCertManager: false,
      },
    });
    expect(release.inputs.repositoryOpts).toBeUndefined();
    const ns = one(run.resources, "kubernetes:core/v1:Namespace", "lws-ns");
    expect(ns.inputs).toMatchObject({
      metadata: { name: "lws-system", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    });
    expect(release.dependencies).toContain(ns.urn);
    expectClusterProvider(run.resources, component.urn);
    expect(run.outputs).toMatchObject({ status: "deployed", ready: "deployed", namespace: "lws-system" });
  });

  it("gates readiness on a webhook canary created after the release and awaited on controller status", async () => {
    const { run } = await render();
    const release = one(run.resources, RELEASE);
    const canary = one(run.resources, LWS, "lws-webhook-canary");
    expect(canary.dependencies).toContain(release.urn);
    expect(canary.inputs).toMatchObject({
      metadata: {
        namespace: "lws-system",
        annotations: { "pulumi.com/waitFor": "jsonpath={.status.hpaPodSelector}" },
      },
      spec: {
        replicas: 0,
        rolloutStrategy: { rollingUpdateConfiguration: { maxSurge: 1, maxUnavailable: 0 } },
        leaderWorkerTemplate: { size: 1 },
      },
    });
    expect(canary.inputs.status).toBeUndefined();
    expect(JSON.stringify(canary.inputs)).toContain(CANARY_IMAGE);
    await expectValidManifests(run.resources, 3);
  });

  it("keeps a webhook endpoint through drains with a PDB that never blocks them", async () => {
    const { run } = await render();
    const pdb = one(run.resources, "kubernetes:policy/v1:PodDisruptionBudget");
    expect(pdb.inputs).toMatchObject({
      spec: {
        maxUnavailable: 1,
        unhealthyPodEvictionPolicy: "AlwaysAllow",
        selector: { matchLabels: { "control-plane": "controller-manager" } },
      },
    });
    expect(pdb.dependencies).toContain(one(run.resources, RELEASE).urn);
  });

  it("pins the image by digest, drops the PDB at one replica and the canary on request", async () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const { run } = await render({
      replicas: 1,
      imageDigest: digest,
      webhookCanary: false,
      namespace: "lws",
    });
    const values = one(run.resources, RELEASE).inputs.values as {
      image: { manager: { tag: string } };
      replicaCount: number;
    };
    expect(values.image.manager.tag).toBe(`v0.10.0@${digest}`);
    expect(values.replicaCount).toBe(1);
    expect(all(run.resources, "kubernetes:policy/v1:PodDisruptionBudget")).toEqual([]);
    expect(all(run.resources, LWS)).toEqual([]);
    expect(run.outputs.ready).toBe("deployed");
  });
});

describe("validateLeaderWorkerSetControllerArgs", () => {
  const message = (args: LeaderWorkerSetControllerArgs) => {
    try {
      validateLeaderWorkerSetControllerArgs("lws", args);
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("accepts the defaults", () => {
    expect(() => validateLeaderWorkerSetControllerArgs("lws", {})).not.toThrow();
  });

  it("refuses charts older than 0.10.0", () => {
    expect(message({ chartVersion: "0.9.0" })).toMatch(/args\.chartVersion is 0\.9\.0, older than 0\.10\.0/);
  });

  it("refuses a digest that is not sha256", () => {
    expect(message({ imageDigest: "v0.10.0" })).toMatch(/args\.imageDigest/);
  });

  it("refuses zero replicas and bad namespaces", () => {
    expect(message({ replicas: 0 })).toMatch(/args\.replicas/);
    expect(message({ namespace: "LWS_System" })).toMatch(/args\.namespace/);
  });
});
