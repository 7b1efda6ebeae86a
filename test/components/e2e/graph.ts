import { expect } from "vitest";
import type { EngineRunResult, RecordedResource } from "../../../engine/types.js";
import { validateManifests } from "../../../manifests/validate.js";
import { all, byUrn, one, providerUrn } from "../../harness.js";
import type { PodSpecLike } from "./scheduling.js";

export const LWS = "kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet";
/** A digest-pinned vLLM image (the digest is a fixture, not a real image). */
export const VLLM_IMAGE = `vllm/vllm-openai:v0.11.0@sha256:${"0123456789abcdef".repeat(4)}`;

/** Components of the graph, by type. */
export function components(run: EngineRunResult, clusterType: string) {
  return {
    cluster: one(run.resources, clusterType),
    nvidia: one(run.resources, "inferplane:index:NvidiaGpuStack"),
    controller: one(run.resources, "inferplane:index:LeaderWorkerSetController"),
    service: one(run.resources, "inferplane:index:LlmInferenceService"),
    provider: one(run.resources, "pulumi:providers:kubernetes"),
  };
}

/** Every resource under `ancestor` (children, grandchildren...). */
export function descendants(run: EngineRunResult, ancestor: RecordedResource): RecordedResource[] {
  const under = (r: RecordedResource): boolean =>
    r.parent === ancestor.urn || (r.parent !== undefined && under(byUrn(run.resources, r.parent)));
  return run.resources.filter((r) => r.parent !== undefined && under(r));
}

/**
 * The whole graph is wired through the cluster: one Kubernetes provider, parented to the cluster
 * component and waiting for its nodes; every Kubernetes object of every component uses it; each
 * component's objects stay under that component; the inference workload waits for the LWS
 * controller and the GPU stack; every manifest validates.
 */
export async function expectWiredGraph(
  run: EngineRunResult,
  clusterType: string,
  nodePoolUrns: string[],
  nvidiaInstallsObjects: boolean,
) {
  const c = components(run, clusterType);
  expect(c.provider.parent).toBe(c.cluster.urn);
  for (const urn of nodePoolUrns) expect(c.provider.dependencies).toContain(urn);
  const stack = one(run.resources, "pulumi:pulumi:Stack");
  for (const component of [c.cluster, c.nvidia, c.controller, c.service])
    expect(component.parent).toBe(stack.urn);

  const kubeObjects = run.resources.filter((r) => r.type.startsWith("kubernetes:"));
  expect(kubeObjects.length).toBeGreaterThan(5);
  for (const r of kubeObjects) expect(providerUrn(r.provider), `${r.type} ${r.name}`).toBe(c.provider.urn);
  const withObjects = nvidiaInstallsObjects ? [c.nvidia, c.controller, c.service] : [c.controller, c.service];
  for (const component of withObjects) {
    const children = descendants(run, component);
    expect(children.length, component.name).toBeGreaterThan(0);
    for (const r of children) expect(providerUrn(r.provider)).toBe(c.provider.urn);
  }

  const workload = all(run.resources, LWS).find((r) => r.parent === c.service.urn) as RecordedResource;
  const waitsFor = (component: RecordedResource) =>
    descendants(run, component).some((d) => workload.dependencies.includes(d.urn));
  expect(waitsFor(c.controller), "LeaderWorkerSet waits for the LWS controller").toBe(true);
  if (nvidiaInstallsObjects)
    expect(waitsFor(c.nvidia), "LeaderWorkerSet waits for the NVIDIA stack").toBe(true);
  else expect(descendants(run, c.nvidia)).toEqual([]);

  const report = await validateManifests(run.resources);
  expect(report.errors).toEqual([]);
  expect(report.validated).toBeGreaterThan(5);
  return { ...c, workload };
}

/** Leader and worker pod specs of a LeaderWorkerSet's inputs. */
export function podSpecs(lws: RecordedResource): PodSpecLike[] {
  const template = (
    lws.inputs.spec as { leaderWorkerTemplate: Record<string, { spec: PodSpecLike } | undefined> }
  ).leaderWorkerTemplate;
  return [template.leaderTemplate, template.workerTemplate].flatMap((t) => (t ? [t.spec] : []));
}
