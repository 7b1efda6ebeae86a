import * as k8s from "@pulumi/kubernetes";
import { expect } from "vitest";
import type { RecordedResource } from "../../../engine/types.js";
import { validateManifests } from "../../../manifests/validate.js";
import { byUrn, providerUrn } from "../../harness.js";

/** A provider built from a kubeconfig string, as the cluster components hand it over. */
export function testProvider(): k8s.Provider {
  return new k8s.Provider("cluster", { kubeconfig: "{}", enableServerSideApply: true });
}

/** Every registration below the component `componentUrn` (children and their children). */
export function childrenOf(
  resources: ReadonlyArray<RecordedResource>,
  componentUrn: string,
): RecordedResource[] {
  return resources.filter((r) => r.parent === componentUrn);
}

/** Asserts every custom child of the component uses the `cluster` provider. */
export function expectClusterProvider(
  resources: ReadonlyArray<RecordedResource>,
  componentUrn: string,
): void {
  const children = childrenOf(resources, componentUrn).filter((r) => r.custom);
  expect(children.length).toBeGreaterThan(0);
  for (const child of children) {
    const provider = byUrn(resources, providerUrn(child.provider));
    expect(provider.type, child.name).toBe("pulumi:providers:kubernetes");
    expect(provider.name, child.name).toBe("cluster");
  }
}

/** Runs the manifest validator and asserts it checked at least `min` objects and found nothing. */
export async function expectValidManifests(
  resources: ReadonlyArray<RecordedResource>,
  min: number,
): Promise<void> {
  const report = await validateManifests(resources);
  expect(report.errors).toEqual([]);
  expect(report.unvalidated).toEqual([]);
  expect(report.validated).toBeGreaterThanOrEqual(min);
}

/** A digest-pinned vLLM image (the digest is a fixture, not a real image). */
export const VLLM_IMAGE = `vllm/vllm-openai:v0.11.0@sha256:${"0123456789abcdef".repeat(4)}`;
