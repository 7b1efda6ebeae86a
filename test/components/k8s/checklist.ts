import { expect } from "vitest";

// Test-side readers of rendered pod templates, one per checklist item they check
// (../shared/reference/security-reliability-checklist.md §6).

type Obj = Record<string, unknown>;
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Obj;
  startupProbe?: { httpGet?: { path: string }; periodSeconds: number; failureThreshold: number };
  readinessProbe?: Obj;
  livenessProbe?: Obj;
  lifecycle?: { preStop?: Obj };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    containers: Container[];
    volumes: {
      name: string;
      emptyDir?: { medium?: string; sizeLimit?: string };
      hostPath?: unknown;
      persistentVolumeClaim?: Obj;
    }[];
    securityContext: Obj;
    automountServiceAccountToken?: boolean;
    hostNetwork?: boolean;
    hostPID?: boolean;
    hostIPC?: boolean;
    tolerations?: { key: string; operator?: string; value?: string; effect?: string }[];
    affinity?: { nodeAffinity?: Obj };
    topologySpreadConstraints?: Obj[];
    terminationGracePeriodSeconds?: number;
  };
}

export function only<T>(items: T[] | undefined): T {
  expect(items).toHaveLength(1);
  return (items as T[])[0] as T;
}

const gi = (q: string | undefined) => Number.parseInt(String(q).replace(/Gi$/, ""), 10);

/** K8S-02, K8S-03, K8S-04, K8S-05, GPU-04: the pod-security items. */
export function expectSecurePod(pod: PodTemplate): void {
  const { spec } = pod;
  expect(spec.hostNetwork ?? false).toBe(false);
  expect(spec.hostPID ?? false).toBe(false);
  expect(spec.hostIPC ?? false).toBe(false);
  expect(spec.automountServiceAccountToken).toBe(false);
  expect(spec.securityContext).toMatchObject({
    runAsNonRoot: true,
    seccompProfile: { type: "RuntimeDefault" },
  });
  expect(spec.securityContext.runAsUser).not.toBe(0);
  expect(spec.volumes.filter((v) => v.hostPath !== undefined)).toEqual([]);
  for (const c of spec.containers) {
    expect(c.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    for (const e of c.env ?? []) {
      if (/TOKEN|KEY|SECRET|PASSWORD/.test(e.name)) expect(e.value, e.name).toBeUndefined();
    }
    // Every cache directory vLLM writes is on a writable volume (read-only root).
    const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
    for (const name of ["HF_HOME", "VLLM_CACHE_ROOT", "TRITON_CACHE_DIR", "XDG_CONFIG_HOME", "HOME"]) {
      const value = c.env?.find((e) => e.name === name)?.value;
      expect(value, name).toBeDefined();
      expect(
        mounts.some((m) => String(value).startsWith(`${m}/`)),
        name,
      ).toBe(true);
    }
  }
}

/** GPU-01 and GPU-02: GPU limits, memory request = limit, CPU request, a capped memory /dev/shm. */
export function expectGpuResources(pod: PodTemplate, gpus: number, shmGi: number): void {
  const c = only(pod.spec.containers);
  expect(c.resources.limits?.["nvidia.com/gpu"]).toBe(String(gpus));
  expect(c.resources.requests?.["nvidia.com/gpu"]).toBeUndefined();
  expect(c.resources.requests?.memory).toBe(c.resources.limits?.memory);
  expect(c.resources.requests?.cpu).toBeDefined();
  const shm = pod.spec.volumes.find((v) => v.name === "dshm");
  expect(shm?.emptyDir).toEqual({ medium: "Memory", sizeLimit: `${shmGi}Gi` });
  expect(c.volumeMounts).toContainEqual({ name: "dshm", mountPath: "/dev/shm" });
  expect(gi(c.resources.limits?.memory)).toBeGreaterThan(shmGi);
}

/** GPU-03: startup probe covering the load budget, distinct readiness and liveness on /health. */
export function expectModelServerProbes(pod: PodTemplate, budgetSeconds: number): void {
  const c = only(pod.spec.containers);
  const startup = c.startupProbe;
  expect(startup?.httpGet?.path).toBe("/health");
  expect((startup?.periodSeconds ?? 0) * (startup?.failureThreshold ?? 0)).toBeGreaterThanOrEqual(
    budgetSeconds,
  );
  expect(c.readinessProbe).toMatchObject({ httpGet: { path: "/health" } });
  expect(c.livenessProbe).toBeDefined();
  expect(c.livenessProbe).not.toEqual(c.readinessProbe);
}

/** SPOT-03: a preStop hook and a grace period that fit the Spot notice. */
export function expectSpotReady(pod: PodTemplate, maxGrace: number): void {
  expect(only(pod.spec.containers).lifecycle?.preStop).toBeDefined();
  expect(pod.spec.terminationGracePeriodSeconds).toBeLessThanOrEqual(maxGrace);
  const keys = (pod.spec.tolerations ?? []).map((t) => t.key);
  expect(keys).toContain("nvidia.com/gpu");
}
