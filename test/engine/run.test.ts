import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../common/inputError.js";
import { runOffline } from "../../engine/run.js";
import { all, byUrn, one, providerUrn } from "../harness.js";

const lateChildren = new URL("../fixtures/programs/lateChildren.ts", import.meta.url).pathname;

describe("runOffline", () => {
  it("records resources that register after the program's outputs resolve", async () => {
    const run = await runOffline({ program: lateChildren });
    const names = run.resources.map((r) => r.name).sort();
    expect(names).toEqual(["cluster", "inferplane-offline", "late", "late-ns", "late-second", "late-third"]);
    expect(run.outputs.firstName).toBe("late");
  });

  it("records parent, provider and dependencies of each registration", async () => {
    const run = await runOffline({ program: lateChildren });
    const component = one(run.resources, "inferplane:test:Chain");
    const third = one(run.resources, "kubernetes:core/v1:ConfigMap", "late-third");
    const second = one(run.resources, "kubernetes:core/v1:ConfigMap", "late-second");
    expect(third.parent).toBe(component.urn);
    expect(byUrn(run.resources, component.parent).type).toBe("pulumi:pulumi:Stack");
    expect(byUrn(run.resources, providerUrn(third.provider)).type).toBe("pulumi:providers:kubernetes");
    expect(third.dependencies).toContain(second.urn);
    expect(second.inputs).toMatchObject({ metadata: { labels: { from: "offline-late-ns" } } });
    expect(component.outputs).toEqual({ first: "late" });
  });

  it("re-evaluates a program module on every run, so nothing carries over between runs", async () => {
    const first = await runOffline({ program: lateChildren, stack: "one" });
    const second = await runOffline({ program: lateChildren, stack: "two" });
    expect(second.resources).toHaveLength(first.resources.length);
    expect(second.resources.every((r) => r.urn.startsWith("urn:pulumi:two::"))).toBe(true);
    expect(first.resources.every((r) => r.urn.startsWith("urn:pulumi:one::"))).toBe(true);
  });

  it("gives each run only its own config", async () => {
    const read = () => ({ zone: new pulumi.Config("inferplane").get("zone") ?? "unset" });
    const a = await runOffline({ config: { "inferplane:zone": "a" }, program: read });
    const b = await runOffline({ program: read });
    expect(a.outputs.zone).toBe("a");
    expect(b.outputs.zone).toBe("unset");
  });

  it("refuses a second run while one is in progress", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = runOffline({ program: () => gate });
    await expect(runOffline({ program: () => ({}) })).rejects.toThrow(/already running/);
    release();
    await expect(first).resolves.toBeDefined();
  });

  it("answers invokes and computes provider outputs realistically", async () => {
    const run = await runOffline({
      config: { "aws:region": "eu-west-1" },
      program: async () => {
        const zones = await aws.getAvailabilityZones({ state: "available" });
        const cluster = new aws.eks.Cluster("gpu", {
          roleArn: "arn:aws:iam::123456789012:role/eks",
          vpcConfig: { subnetIds: ["subnet-1"] },
        });
        return {
          zones: zones.names,
          endpoint: cluster.endpoint,
          ca: cluster.certificateAuthority.data,
          arn: cluster.arn,
        };
      },
    });
    expect(run.outputs.zones).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    expect(run.outputs.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.eu-west-1\.eks\.amazonaws\.com$/);
    expect(Buffer.from(String(run.outputs.ca), "base64").toString()).toContain("-----BEGIN CERTIFICATE-----");
    expect(run.outputs.arn).toBe("arn:aws:eks:eu-west-1:123456789012:cluster/gpu");
  });

  it("fails with the mock's own message when an invoke has no offline answer", async () => {
    const failing = runOffline({ program: async () => aws.iam.getRole({ name: "missing" }) });
    await expect(failing).rejects.toThrow(/no answer for invoke aws:iam\/getRole:getRole/);
  });

  it("turns a throwing program into one input error naming the program", async () => {
    const error = await runOffline({
      program: () => {
        throw new Error("boom\n    at somewhere");
      },
    }).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe("program: the program failed: boom");
  });

  it("rejects two resources with the same URN, as the Pulumi engine does", async () => {
    const run = runOffline({
      program: () => {
        new k8s.core.v1.ConfigMap("settings", { data: { a: "1" } });
        new k8s.core.v1.ConfigMap("settings", { data: { a: "2" } });
      },
    });
    await expect(run).rejects.toThrow(
      'two resources have the URN urn:pulumi:offline::inferplane::pulumi:pulumi:Stack$kubernetes:core/v1:ConfigMap::settings (type kubernetes:core/v1:ConfigMap, name "settings")',
    );
  });

  it("rejects a program file that does not exist", async () => {
    await expect(runOffline({ program: "/nonexistent/index.ts" })).rejects.toThrow(/program file not found/);
  });

  it("unwraps secrets for checks and remembers where they were", async () => {
    const run = await runOffline({
      program: () => {
        // A secret anywhere inside a top-level input makes that whole input secret on the wire.
        new k8s.core.v1.ConfigMap("settings", { data: { token: pulumi.secret("s3cr3t"), plain: "x" } });
        // The Kubernetes SDK marks a Secret's stringData secret even when no value is.
        new k8s.core.v1.Secret("token", { stringData: { token: "s3cr3t" } });
      },
    });
    const configMap = one(run.resources, "kubernetes:core/v1:ConfigMap");
    expect(configMap.inputs).toMatchObject({ data: { token: "s3cr3t", plain: "x" } });
    expect(configMap.secretPaths).toEqual(["data"]);
    expect(one(run.resources, "kubernetes:core/v1:Secret").secretPaths).toEqual(["stringData"]);
    expect(all(run.resources, "pulumi:pulumi:Stack")).toHaveLength(1);
  });
});
