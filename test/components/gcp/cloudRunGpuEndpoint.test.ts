import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import {
  CloudRunGpuEndpoint,
  type CloudRunGpuEndpointArgs,
  validateCloudRunGpuEndpointArgs,
} from "../../../components/gcp/cloudRunGpuEndpoint.js";
import { all, one, runOffline } from "../../harness.js";

const SERVICE = "gcp:cloudrunv2/service:Service";
const INVOKER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";

const base: CloudRunGpuEndpointArgs = {
  location: "us-central1",
  image: "us-docker.pkg.dev/vllm/vllm-openai@sha256:0123",
  gpuType: "nvidia-l4",
  requiredGpuMemoryGiB: 20,
  maxInstances: 3,
  gpuZonalRedundancy: true,
  invokers: ["serviceAccount:app@proj.iam.gserviceaccount.com"],
  modelBucket: { bucket: "weights-bucket", mountOptions: ["only-dir=llama-3.1-8b"] },
  secretEnv: [{ name: "HF_TOKEN", secret: "hf-token", version: "3" }],
  env: { VLLM_LOGGING_LEVEL: "INFO" },
};

interface Container {
  resources: { cpuIdle: boolean; startupCpuBoost: boolean; limits: Record<string, string> };
  startupProbe: {
    periodSeconds: number;
    initialDelaySeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
    httpGet: { path: string; port: number };
  };
  envs: { name: string; value?: string; valueSource?: unknown }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface Template {
  containers: Container[];
  scaling: { minInstanceCount: number; maxInstanceCount: number };
  [key: string]: unknown;
}

async function render(args: CloudRunGpuEndpointArgs) {
  const run = await runOffline({ program: () => void new CloudRunGpuEndpoint("llm", args) });
  const service = one(run.resources, SERVICE);
  const template = service.inputs.template as Template;
  return { run, service, template, container: template.containers[0] as Container };
}

describe("CloudRunGpuEndpoint", () => {
  it("scales a one-GPU service from zero to a bounded maximum with CPU always allocated", async () => {
    const { template, container, service, run } = await render(base);
    expect(template.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 3 });
    expect(template.nodeSelector).toEqual({ accelerator: "nvidia-l4" });
    expect(container.resources).toEqual({
      cpuIdle: false,
      startupCpuBoost: true,
      limits: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": "1" },
    });
    expect(template.gpuZonalRedundancyDisabled).toBe(false);
    expect(template.maxInstanceRequestConcurrency).toBe(32);
    expect(template.executionEnvironment).toBe("EXECUTION_ENVIRONMENT_GEN2");
    expect(service.parent).toBe(one(run.resources, "inferplane:index:CloudRunGpuEndpoint").urn);
  });

  it("probes startup within Cloud Run's limits and covers the model-load budget", async () => {
    const { container } = await render({ ...base, modelLoadBudgetSeconds: 900 });
    const probe = container.startupProbe;
    expect(probe.httpGet).toEqual({ path: "/health", port: 8000 });
    expect(probe.periodSeconds).toBeLessThanOrEqual(240);
    expect(probe.initialDelaySeconds).toBeLessThanOrEqual(240);
    expect(probe.timeoutSeconds).toBeLessThan(probe.periodSeconds);
    expect(probe.initialDelaySeconds + probe.periodSeconds * probe.failureThreshold).toBeGreaterThanOrEqual(
      900,
    );
  });

  it("is private: internal ingress, invoker IAM on, named invokers only, dedicated identity", async () => {
    const { service, template, run } = await render(base);
    expect(service.inputs.ingress).toBe("INGRESS_TRAFFIC_INTERNAL_ONLY");
    expect(service.inputs.invokerIamDisabled).toBe(false);
    const invokers = all(run.resources, INVOKER).filter((r) => r.inputs.role === "roles/run.invoker");
    expect(invokers.map((r) => r.inputs.member)).toEqual(["serviceAccount:app@proj.iam.gserviceaccount.com"]);
    expect(invokers[0]?.inputs.name).toBe("llm-svc");
    const account = one(run.resources, "gcp:serviceaccount/account:Account");
    expect(template.serviceAccount).toBe(
      `${String(account.inputs.accountId)}@inferplane-offline.iam.gserviceaccount.com`,
    );
  });

  it("mounts weights read-only and grants read on that bucket and that secret only", async () => {
    const { template, container, run } = await render(base);
    expect(template.volumes).toEqual([
      {
        name: "model-weights",
        gcs: { bucket: "weights-bucket", readOnly: true, mountOptions: ["only-dir=llama-3.1-8b"] },
      },
    ]);
    expect(container.volumeMounts).toEqual([{ name: "model-weights", mountPath: "/models" }]);
    expect(one(run.resources, "gcp:storage/bucketIAMMember:BucketIAMMember").inputs).toMatchObject({
      bucket: "weights-bucket",
      role: "roles/storage.objectViewer",
    });
    expect(one(run.resources, "gcp:secretmanager/secretIamMember:SecretIamMember").inputs).toMatchObject({
      secretId: "hf-token",
      role: "roles/secretmanager.secretAccessor",
    });
    expect(container.envs).toContainEqual({
      name: "HF_TOKEN",
      valueSource: { secretKeyRef: { secret: "hf-token", version: "3" } },
    });
    expect(container.envs.find((e) => e.name === "HF_TOKEN")?.value).toBeUndefined();
  });

  it("warms a floor on a schedule through two scheduler jobs scoped to this service", async () => {
    const { run } = await render({
      ...base,
      warmSchedule: {
        minInstances: 1,
        startCron: "0 8 * * 1-5",
        endCron: "0 19 * * 1-5",
        timeZone: "Europe/Paris",
      },
    });
    const jobs = all(run.resources, "gcp:cloudscheduler/job:Job").sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    expect(jobs.map((j) => j.name)).toEqual(["llm-warm-end", "llm-warm-start"]);
    const bodies = jobs.map((j) => {
      const target = j.inputs.httpTarget as { body: string; httpMethod: string; uri: string };
      expect(target.httpMethod).toBe("PATCH");
      expect(target.uri).toMatch(
        /run\.googleapis\.com\/v2\/projects\/.+\/services\/.+\?updateMask=scaling\.minInstanceCount$/,
      );
      return JSON.parse(Buffer.from(target.body, "base64").toString()) as unknown;
    });
    expect(bodies).toEqual([{ scaling: { minInstanceCount: 0 } }, { scaling: { minInstanceCount: 1 } }]);
    const roles = all(run.resources, INVOKER).map((r) => r.inputs.role);
    expect(roles).toContain("roles/run.developer");
  });

  it("uses the RTX PRO 6000 minimum shape by default", async () => {
    const { container } = await render({ ...base, gpuType: "nvidia-rtx-pro-6000", requiredGpuMemoryGiB: 80 });
    expect(container.resources.limits).toEqual({ cpu: "20", memory: "80Gi", "nvidia.com/gpu": "1" });
  });
});

describe("validateCloudRunGpuEndpointArgs", () => {
  const failure = (args: Partial<CloudRunGpuEndpointArgs>) => {
    try {
      validateCloudRunGpuEndpointArgs("llm", { ...base, ...args } as CloudRunGpuEndpointArgs);
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("rejects a model that does not fit one GPU, naming a GPU that would", () => {
    expect(failure({ requiredGpuMemoryGiB: 40 })).toMatch(
      /requiredGpuMemoryGiB is 40 GiB.*nvidia-l4 has 24 GiB.*use gpuType "nvidia-rtx-pro-6000"/,
    );
    expect(failure({ gpuType: "nvidia-rtx-pro-6000", requiredGpuMemoryGiB: 140 })).toMatch(/Kubernetes/);
  });

  it("rejects a missing or zero maximum instance count", () => {
    expect(failure({ maxInstances: undefined })).toMatch(/args\.maxInstances is required/);
    expect(failure({ maxInstances: 0 })).toMatch(/args\.maxInstances must be an integer from 1/);
  });

  it("rejects every public shape without allowPublicAccess", () => {
    expect(failure({ ingress: "INGRESS_TRAFFIC_ALL" })).toMatch(/public endpoint.*allowPublicAccess/);
    expect(failure({ invokers: ["allUsers"] })).toMatch(/invokers\[0\] is allUsers/);
    expect(failure({ invokers: ["allAuthenticatedUsers"] })).toMatch(/public/);
    expect(failure({ disableInvokerIam: true })).toMatch(/disableInvokerIam/);
    expect(() =>
      validateCloudRunGpuEndpointArgs("llm", {
        ...base,
        ingress: "INGRESS_TRAFFIC_ALL",
        invokers: ["allUsers"],
        allowPublicAccess: true,
      }),
    ).not.toThrow();
  });

  it("rejects CPU or memory below the GPU's minimum, unknown GPUs and secrets in env", () => {
    expect(failure({ cpu: 2 })).toMatch(/cpu is 2; nvidia-l4 instances need 4 to 8 vCPU/);
    expect(failure({ memoryGiB: 8 })).toMatch(/memoryGiB is 8/);
    expect(failure({ gpuType: "nvidia-h100" })).toMatch(/gpuType.*nvidia-l4, nvidia-rtx-pro-6000/);
    expect(failure({ env: { HF_TOKEN: "hf_abc" } })).toMatch(/env\.HF_TOKEN.*secretEnv/);
    expect(failure({ invokers: [] })).toMatch(/invokers is empty/);
    expect(failure({ invokers: ["app@proj.iam.gserviceaccount.com"] })).toMatch(/not an IAM member/);
    expect(failure({ gpuZonalRedundancy: undefined })).toMatch(/gpuZonalRedundancy is required/);
  });
});
