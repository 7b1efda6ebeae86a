import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ChartPin } from "./nvidiaCharts.js";

/** How one pinned chart is installed. */
export interface ReleaseSpec {
  pin: ChartPin;
  releaseName: string;
  namespace: pulumi.Input<string>;
  values: Record<string, unknown>;
  timeoutSeconds: number;
}

/**
 * Installs a pinned chart as a `helm.v3.Release`, not a `helm.v4.Chart`, on purpose:
 * - Helm's own CRD semantics: CRDs in `crds/` are installed once and never deleted by an
 *   uninstall, so removing a release cannot cascade-delete every custom resource (LWS #880);
 *   a v4 Chart makes CRDs Pulumi resources that a chart deletion removes (anchors §2.8).
 * - Helm hooks run (the GPU operator and LWS charts upgrade their CRDs from hook Jobs); v4
 *   Charts drop hooks.
 * - `skipAwait: false` + `waitForJobs` make the release wait for its workloads, and its
 *   `status` is a readiness value dependents can wait on, also offline (a v4 Chart is a remote
 *   component with no outputs under mocks).
 * The cost: rendered objects stay inside the release, so CrossGuard sees the release inputs,
 * not each DaemonSet. The namespaces (and their Pod Security labels) are ours, not Helm's.
 */
export function pinnedRelease(
  name: string,
  spec: ReleaseSpec,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  return new k8s.helm.v3.Release(
    name,
    {
      name: spec.releaseName,
      chart: spec.pin.chart,
      version: spec.pin.version,
      // OCI charts carry their registry in `chart`; classic charts name a repository.
      ...(spec.pin.repo !== "" ? { repositoryOpts: { repo: spec.pin.repo } } : {}),
      namespace: spec.namespace,
      createNamespace: false,
      skipCrds: false,
      skipAwait: false,
      waitForJobs: true,
      atomic: true,
      cleanupOnFail: true,
      timeout: spec.timeoutSeconds,
      maxHistory: 10,
      values: spec.values,
    },
    opts,
  );
}
