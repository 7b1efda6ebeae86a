import type { ChartPin } from "./nvidiaCharts.js";

/**
 * LeaderWorkerSet v0.10.0 from its OCI chart (`oci://registry.k8s.io/lws/charts/lws`, published
 * with the release version; repo Chart.yaml says 0.1.0). v0.10.0 is also the version whose CRD
 * the offline validator holds (manifests/crds/lws), and the first allowing `replicas: 0`.
 * Source: kubernetes-sigs/lws site/content/en/docs/installation/_index.md @060ab4da (2026-08-21).
 */
export const LWS_CHART: ChartPin = {
  chart: "oci://registry.k8s.io/lws/charts/lws",
  repo: "",
  version: "0.10.0",
  source: "kubernetes-sigs/lws v0.10.0 (2026-08-11), Helm OCI chart",
};

/** Oldest LWS chart accepted: the CRD schema we validate against and `replicas >= 0` start here. */
export const LWS_MIN_VERSION = "0.10.0";

/** Controller image repository (charts/lws/values.yaml `image.manager.repository`). */
export const LWS_IMAGE_REPOSITORY = "registry.k8s.io/lws/lws";

/**
 * Image of the webhook canary's pod template. No pod is ever created from it (the canary has
 * `replicas: 0`); it is pinned by digest anyway so the object passes the same image checks as
 * every workload. Digest of registry.k8s.io/pause:3.10 as pinned by cilium/cilium images.
 */
export const CANARY_IMAGE =
  "registry.k8s.io/pause:3.10@sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a";
