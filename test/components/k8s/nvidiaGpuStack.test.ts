import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { DEVICE_PLUGIN_CHART, GPU_OPERATOR_CHART } from "../../../components/k8s/nvidiaCharts.js";
import { NvidiaGpuStack } from "../../../components/k8s/nvidiaGpuStack.js";
import {
  type NvidiaGpuStackArgs,
  validateNvidiaGpuStackArgs,
} from "../../../components/k8s/nvidiaGpuStackArgs.js";
import { planNvidiaGpuStack } from "../../../components/k8s/nvidiaGpuStackPlan.js";
import { all, one, runOffline } from "../../harness.js";
import { expectClusterProvider, expectValidManifests, testProvider } from "./fixtures.js";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const NAMESPACE = "kubernetes:core/v1:Namespace";

async function render(args: Omit<NvidiaGpuStackArgs, "provider">) {
  const run = await runOffline({
    program: () => {
      const stack = new NvidiaGpuStack("gpu", { ...args, provider: testProvider() });
      return { installed: stack.installed, statuses: stack.releaseStatuses };
    },
  });
  return { run, component: one(run.resources, "inferplane:index:NvidiaGpuStack", "gpu") };
}

describe("NvidiaGpuStack", () => {
  it("GKE: installs nothing in-cluster and says what GKE must provide", async () => {
    const { run, component } = await render({ environment: "gke" });
    expect(all(run.resources, RELEASE)).toEqual([]);
    expect(all(run.resources, NAMESPACE)).toEqual([]);
    expect(run.outputs.installed).toEqual([]);
    const outputs = component.outputs as { providedByPlatform: string[]; nodeRequirements: string[] };
    expect(outputs.providedByPlatform.join("\n")).toMatch(/DCGM/);
    expect(outputs.providedByPlatform.join("\n")).toMatch(/device plugin/);
    expect(outputs.nodeRequirements.join("\n")).toMatch(/gpuDriverVersion/);
  });

  it("GKE with the operator: driver off, GKE driver paths, CDI, and the priority-class quota", async () => {
    const { run, component } = await render({ environment: "gke", useGpuOperator: true });
    const operator = one(run.resources, RELEASE, "gpu-gpu-operator");
    expect(operator.inputs).toMatchObject({
      chart: GPU_OPERATOR_CHART.chart,
      version: GPU_OPERATOR_CHART.version,
      repositoryOpts: { repo: GPU_OPERATOR_CHART.repo },
      namespace: "gpu-operator",
      values: {
        driver: { enabled: false },
        hostPaths: { driverInstallDir: "/home/kubernetes/bin/nvidia" },
        toolkit: { installDir: "/home/kubernetes/bin/nvidia" },
        cdi: { enabled: true },
        psa: { enabled: false },
      },
    });
    const quota = one(run.resources, "kubernetes:core/v1:ResourceQuota");
    expect(quota.inputs).toMatchObject({
      spec: {
        scopeSelector: {
          matchExpressions: [
            { scopeName: "PriorityClass", values: ["system-node-critical", "system-cluster-critical"] },
          ],
        },
      },
    });
    expect(operator.dependencies).toContain(quota.urn);
    expect((component.outputs as { nodeRequirements: string[] }).nodeRequirements.join("\n")).toMatch(
      /gke-no-default-nvidia-gpu-device-plugin=true/,
    );
    expectClusterProvider(run.resources, component.urn);
    await expectValidManifests(run.resources, 2);
  });

  it("EKS AL2023: the pinned device plugin with GFD/NFD and the DCGM exporter, in a privileged namespace", async () => {
    const { run, component } = await render({ environment: "eks-al2023" });
    expect(run.outputs.installed).toEqual(["device-plugin", "dcgm-exporter"]);
    const ns = one(run.resources, NAMESPACE, "gpu-ns");
    expect(ns.parent).toBe(component.urn);
    expect(ns.inputs).toMatchObject({
      metadata: {
        name: "nvidia-device-plugin",
        labels: {
          "pod-security.kubernetes.io/enforce": "privileged",
          "pod-security.kubernetes.io/audit": "baseline",
          "pod-security.kubernetes.io/warn": "baseline",
        },
      },
    });
    const plugin = one(run.resources, RELEASE, "gpu-device-plugin");
    expect(plugin.parent).toBe(component.urn);
    expect(plugin.dependencies).toContain(ns.urn);
    expect(plugin.inputs).toMatchObject({
      chart: "nvidia-device-plugin",
      version: DEVICE_PLUGIN_CHART.version,
      repositoryOpts: { repo: "https://nvidia.github.io/k8s-device-plugin" },
      createNamespace: false,
      skipAwait: false,
      atomic: true,
      values: {
        gfd: { enabled: true },
        nfd: { enabled: true },
        mofedEnabled: false,
        priorityClassName: "system-node-critical",
      },
    });
    const tolerations = (plugin.inputs.values as { tolerations: { key: string }[] }).tolerations;
    expect(tolerations.map((t) => t.key)).toEqual(["CriticalAddonsOnly", "nvidia.com/gpu"]);
    const dcgm = one(run.resources, RELEASE, "gpu-dcgm-exporter");
    expect(dcgm.inputs).toMatchObject({ chart: "dcgm-exporter", namespace: "nvidia-device-plugin" });
    expect(run.outputs.statuses).toEqual({ "device-plugin": "deployed", "dcgm-exporter": "deployed" });
    expectClusterProvider(run.resources, component.urn);
    await expectValidManifests(run.resources, 1);
  });

  it("EKS AL2023 with the operator: driver and toolkit off, device plugin on", async () => {
    const { run } = await render({ environment: "eks-al2023", useGpuOperator: true });
    expect(run.outputs.installed).toEqual(["gpu-operator"]);
    const values = one(run.resources, RELEASE).inputs.values as Record<string, { enabled?: boolean }>;
    expect(values.driver).toEqual({ enabled: false });
    expect(values.toolkit).toEqual({ enabled: false });
    expect(values.devicePlugin).toBeUndefined();
    expect(all(run.resources, "kubernetes:core/v1:ResourceQuota")).toEqual([]);
  });

  it("EKS Bottlerocket: only the DCGM exporter, since the image ships driver and device plugin", async () => {
    const { run } = await render({
      environment: "eks-bottlerocket",
      extraTolerations: [{ key: "spot", operator: "Exists" }],
    });
    expect(run.outputs.installed).toEqual(["dcgm-exporter"]);
    const dcgm = one(run.resources, RELEASE);
    const values = dcgm.inputs.values as { tolerations: { key: string }[]; affinity: unknown };
    expect(values.tolerations.map((t) => t.key)).toEqual(["nvidia.com/gpu", "spot"]);
    expect(JSON.stringify(values.affinity)).toContain("nvidia.com/gpu.present");
  });

  it("EKS Bottlerocket with the operator: device plugin and MIG manager off too", async () => {
    const { run } = await render({ environment: "eks-bottlerocket", useGpuOperator: true });
    expect(one(run.resources, RELEASE).inputs.values).toMatchObject({
      driver: { enabled: false },
      toolkit: { enabled: false },
      devicePlugin: { enabled: false },
      migManager: { enabled: false },
    });
  });

  it("Bottlerocket without metrics installs nothing", async () => {
    const { run } = await render({ environment: "eks-bottlerocket", dcgmExporter: false });
    expect(all(run.resources, RELEASE)).toEqual([]);
    expect(all(run.resources, NAMESPACE)).toEqual([]);
  });

  it("generic clusters get the full operator: driver, toolkit and device plugin left on", async () => {
    const { run, component } = await render({ environment: "generic", namespace: "nvidia-gpu-operator" });
    const operator = one(run.resources, RELEASE, "gpu-gpu-operator");
    const values = operator.inputs.values as Record<string, unknown>;
    expect(values.driver).toBeUndefined();
    expect(values.toolkit).toBeUndefined();
    expect(values).toMatchObject({ nfd: { enabled: true }, dcgmExporter: { enabled: true } });
    expect(operator.inputs.namespace).toBe("nvidia-gpu-operator");
    expect(operator.inputs.skipCrds).toBe(false);
    expectClusterProvider(run.resources, component.urn);
  });

  it("refuses to run without an explicit provider", async () => {
    await expect(
      runOffline({ program: () => new NvidiaGpuStack("gpu", { environment: "generic" }) }),
    ).rejects.toThrow(/no Kubernetes provider/);
  });

  it("takes the provider from opts.providers as well", async () => {
    const run = await runOffline({
      program: () => {
        new NvidiaGpuStack("gpu", { environment: "generic" }, { providers: [testProvider()] });
      },
    });
    expectClusterProvider(run.resources, one(run.resources, "inferplane:index:NvidiaGpuStack").urn);
  });
});

describe("validateNvidiaGpuStackArgs", () => {
  const bad = (args: NvidiaGpuStackArgs) => {
    try {
      validateNvidiaGpuStackArgs("gpu", args);
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("accepts every environment", () => {
    for (const environment of ["gke", "eks-al2023", "eks-bottlerocket", "generic"]) {
      expect(() => validateNvidiaGpuStackArgs("gpu", { environment })).not.toThrow();
    }
  });

  it("names unknown environments with a suggestion", () => {
    expect(bad({ environment: "eks-al2032" })).toMatch(
      /args\.environment is "eks-al2032" \(did you mean "eks-al2023"\?\)/,
    );
  });

  it("refuses a generic cluster without the operator", () => {
    expect(bad({ environment: "generic", useGpuOperator: false })).toMatch(/args\.useGpuOperator/);
  });

  it("refuses a standalone DCGM exporter on GKE", () => {
    expect(bad({ environment: "gke", dcgmExporter: true })).toMatch(/monitoringConfig/);
    expect(() =>
      validateNvidiaGpuStackArgs("gpu", { environment: "gke", dcgmExporter: true, useGpuOperator: true }),
    ).not.toThrow();
  });

  it("refuses device plugin charts older than 0.19.3", () => {
    expect(bad({ environment: "eks-al2023", devicePluginChartVersion: "0.19.2" })).toMatch(
      /older than 0\.19\.3/,
    );
    expect(() =>
      validateNvidiaGpuStackArgs("gpu", { environment: "eks-al2023", devicePluginChartVersion: "0.19.3" }),
    ).not.toThrow();
  });

  it("refuses bad namespaces and timeouts", () => {
    expect(bad({ environment: "generic", namespace: "GPU" })).toMatch(/args\.namespace/);
    expect(bad({ environment: "generic", releaseTimeoutSeconds: 5 })).toMatch(/args\.releaseTimeoutSeconds/);
  });
});

describe("planNvidiaGpuStack", () => {
  it("never installs a device plugin where the platform ships one", () => {
    for (const environment of ["gke", "eks-bottlerocket"]) {
      const plan = planNvidiaGpuStack({ environment });
      expect(plan.releases.map((r) => r.key)).not.toContain("device-plugin");
    }
  });

  it("uses NVIDIA's namespace names, which the guard pack allows to be privileged", () => {
    expect(planNvidiaGpuStack({ environment: "generic" }).namespace).toBe("gpu-operator");
    expect(planNvidiaGpuStack({ environment: "eks-al2023" }).namespace).toBe("nvidia-device-plugin");
    expect(planNvidiaGpuStack({ environment: "gke" }).namespace).toBeUndefined();
  });

  it("turns node feature discovery off on request", () => {
    const plan = planNvidiaGpuStack({ environment: "eks-al2023", nodeFeatureDiscovery: false });
    expect(plan.releases[0]?.values).toMatchObject({ gfd: { enabled: false }, nfd: { enabled: false } });
  });
});
