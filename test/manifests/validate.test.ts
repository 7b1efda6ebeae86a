import * as k8s from "@pulumi/kubernetes";
import { describe, expect, it } from "vitest";
import { runOffline } from "../../engine/run.js";
import { validateManifests } from "../../manifests/validate.js";
import { one } from "../harness.js";

const container = { name: "server", image: `registry.example/app@sha256:${"a".repeat(64)}` };
const lwsSpec = (size: unknown) => ({
  replicas: 1,
  leaderWorkerTemplate: {
    size,
    leaderTemplate: { spec: { containers: [container] } },
    workerTemplate: { spec: { containers: [container] } },
  },
});

async function validate(build: () => void) {
  const run = await runOffline({ program: build });
  return { run, report: await validateManifests(run.resources) };
}

describe("validateManifests", () => {
  it("accepts valid built-in objects and a valid LeaderWorkerSet", async () => {
    const { report } = await validate(() => {
      new k8s.apps.v1.Deployment("web", {
        metadata: { name: "web" },
        spec: {
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [container] } },
        },
      });
      new k8s.apiextensions.CustomResource("group", {
        apiVersion: "leaderworkerset.x-k8s.io/v1",
        kind: "LeaderWorkerSet",
        metadata: { name: "group" },
        spec: lwsSpec(2),
      });
    });
    expect(report.errors).toEqual([]);
    expect(report.validated).toBe(2);
  });

  it("rejects a Deployment without a selector, naming the field path", async () => {
    const { run, report } = await validate(() => {
      new k8s.apps.v1.Deployment("no-selector", {
        metadata: { name: "no-selector" },
        spec: { template: { spec: { containers: [container] } } } as k8s.types.input.apps.v1.DeploymentSpec,
      });
    });
    expect(report.errors).toEqual([
      {
        resource: one(run.resources, "kubernetes:apps/v1:Deployment").urn,
        path: "spec.selector",
        message: "spec.selector: required field is missing",
      },
    ]);
  });

  it("rejects a LeaderWorkerSet whose size is a string, against the LWS v1 CRD schema", async () => {
    const { report } = await validate(() => {
      new k8s.apiextensions.CustomResource("group", {
        apiVersion: "leaderworkerset.x-k8s.io/v1",
        kind: "LeaderWorkerSet",
        metadata: { name: "group" },
        spec: lwsSpec("2"),
      });
    });
    expect(report.errors.map((e) => e.message)).toEqual(["spec.leaderWorkerTemplate.size: must be integer"]);
  });

  it("reports nested paths with array indexes and type errors", async () => {
    const { report } = await validate(() => {
      new k8s.core.v1.Pod("pod", {
        metadata: { name: "pod" },
        spec: {
          containers: [{ ...container, ports: [{ containerPort: "http" as unknown as number }] }],
        },
      });
    });
    expect(report.errors.map((e) => e.path)).toEqual(["spec.containers[0].ports[0].containerPort"]);
  });

  it("rejects a kind that its built-in API group does not serve", async () => {
    const { report } = await validate(() => {
      new k8s.apiextensions.CustomResource("typo", {
        apiVersion: "apps/v2",
        kind: "Deployment",
        metadata: { name: "x" },
      });
    });
    expect(report.errors.map((e) => e.message)).toEqual([
      "(object): apps/v2 has no kind Deployment: check apiVersion and kind",
    ]);
  });

  it("lists third-party custom resources it has no schema for instead of passing them silently", async () => {
    const { report } = await validate(() => {
      new k8s.apiextensions.CustomResource("pool", {
        apiVersion: "karpenter.sh/v1",
        kind: "NodePool",
        metadata: { name: "gpu" },
        spec: {},
      });
    });
    expect(report.validated).toBe(0);
    expect(report.unvalidated).toHaveLength(1);
    expect(report.unvalidated[0]?.reason).toContain("karpenter.sh/v1 NodePool");
  });

  it("applies the API server's name and label rules", async () => {
    const { report } = await validate(() => {
      new k8s.core.v1.Namespace("bad", { metadata: { name: "Serving_NS", labels: { team: "ml platform" } } });
    });
    expect(report.errors.map((e) => e.path)).toEqual(["metadata.name", "metadata.labels.team"]);
  });

  it("validates objects rendered in-process from YAML (ConfigGroup), naming the rendered object", async () => {
    const { run, report } = await validate(() => {
      new k8s.yaml.ConfigGroup("manifests", {
        yaml: [
          "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: default }\ndata: { a: b }",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: rendered, namespace: default }\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: x }]",
        ],
      });
    });
    expect(report.validated).toBe(2);
    const deployment = run.resources.find((r) => r.type === "kubernetes:apps/v1:Deployment");
    expect(report.errors).toEqual([
      {
        resource: deployment?.urn,
        path: "spec.selector",
        message: "spec.selector: required field is missing",
      },
    ]);
  });

  it("skips Helm releases, whose objects render inside the provider", async () => {
    const { report } = await validate(() => {
      new k8s.helm.v3.Release("plugin", {
        chart: "nvidia-device-plugin",
        version: "0.19.3",
        namespace: "gpu",
      });
    });
    expect(report).toEqual({ errors: [], validated: 0, unvalidated: [] });
  });
});
