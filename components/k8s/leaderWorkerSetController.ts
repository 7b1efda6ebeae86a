import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedRelease } from "./helmRelease.js";
import {
  type LeaderWorkerSetControllerArgs,
  validateLeaderWorkerSetControllerArgs,
} from "./leaderWorkerSetControllerArgs.js";
import { CANARY_IMAGE, LWS_CHART, LWS_IMAGE_REPOSITORY } from "./lwsChart.js";
import { podSecurityLabels } from "./podSecurity.js";
import { requireKubernetesProvider } from "./provider.js";

/** Labels of the controller pods (charts/lws/templates/manager/deployment.yaml). */
const CONTROLLER_SELECTOR = { "control-plane": "controller-manager" };

/**
 * Installs the LeaderWorkerSet controller (v0.10.0, pinned) and exposes readiness: depend on
 * this component (`dependsOn: [lws]`, which LlmInferenceService forwards to its workloads) and
 * nothing is created before the release is ready, the admission webhook has admitted the
 * canary and the controller has reconciled it.
 *
 * CRDs are protected against a deletion cascade by construction: they come from the chart's
 * `crds/` directory, which Helm installs and never deletes, so neither an uninstall nor a
 * `pulumi destroy` of this component deletes the CRD (and with it every LeaderWorkerSet). They
 * are deliberately not Pulumi resources: a Pulumi-managed CRD (helm.v4.Chart, ConfigGroup) is
 * deleted with its parent unless someone remembers `retainOnDelete` (anchors §2.8).
 */
export class LeaderWorkerSetController extends pulumi.ComponentResource {
  /** Namespace of the controller. */
  public readonly namespace: pulumi.Output<string>;
  /** Helm release status, `deployed` once the controller is available. */
  public readonly releaseStatus: pulumi.Output<string>;
  /**
   * Resolves once the controller and its webhook serve: the canary's selector written by the
   * controller, or the release status when the canary is disabled. Pass it on, or depend on
   * the component.
   */
  public readonly ready: pulumi.Output<string>;

  constructor(
    name: string,
    args: LeaderWorkerSetControllerArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    validateLeaderWorkerSetControllerArgs(name, args);
    super("inferplane:index:LeaderWorkerSetController", name, {}, opts);
    const provider = requireKubernetesProvider(this, "LeaderWorkerSetController", name, args.provider);
    const childOpts = { parent: this, provider };
    const replicas = args.replicas ?? 2;
    const version = args.chartVersion ?? LWS_CHART.version;
    const labels = { "app.kubernetes.io/part-of": "lws", "app.kubernetes.io/managed-by": "inferplane" };

    const ns = new k8s.core.v1.Namespace(
      `${name}-ns`,
      // The controller runs non-root, read-only, all capabilities dropped: restricted holds.
      {
        metadata: {
          name: args.namespace ?? "lws-system",
          labels: { ...labels, ...podSecurityLabels("restricted") },
        },
      },
      childOpts,
    );
    const namespace = ns.metadata.name;

    const release = pinnedRelease(
      `${name}-release`,
      {
        pin: { ...LWS_CHART, version },
        releaseName: "lws",
        namespace,
        timeoutSeconds: args.releaseTimeoutSeconds ?? 600,
        values: controllerValues(version, replicas, args),
      },
      { ...childOpts, dependsOn: [ns] },
    );

    if (replicas >= 2) {
      // Keep one webhook endpoint through node drains; never 0 disruptions (REL-01).
      new k8s.policy.v1.PodDisruptionBudget(
        `${name}-controller`,
        {
          metadata: { name: "lws-controller-manager", namespace, labels },
          spec: {
            maxUnavailable: 1,
            selector: { matchLabels: CONTROLLER_SELECTOR },
            unhealthyPodEvictionPolicy: "AlwaysAllow",
          },
        },
        { ...childOpts, dependsOn: [release] },
      );
    }

    let ready: pulumi.Output<string> = release.status.status;
    if (args.webhookCanary ?? true) {
      const canary = new k8s.apiextensions.CustomResource(
        `${name}-webhook-canary`,
        webhookCanary(namespace, labels),
        { ...childOpts, dependsOn: [release] },
      );
      // CustomResource exposes every key of its args as an output; `status` is one (see below).
      const observed = (canary as unknown as Record<string, pulumi.Output<unknown>>).status;
      const selector = (observed ?? pulumi.output(undefined)).apply((s) =>
        s && typeof s === "object" ? (s as { hpaPodSelector?: string }).hpaPodSelector : undefined,
      );
      ready = pulumi
        .all([release.status.status, selector])
        .apply(([releaseStatus, hpaPodSelector]) => hpaPodSelector ?? releaseStatus);
    }

    this.namespace = namespace;
    this.releaseStatus = release.status.status;
    this.ready = ready;
    this.registerOutputs({ namespace, releaseStatus: this.releaseStatus, ready });
  }
}

function controllerValues(
  version: string,
  replicas: number,
  args: LeaderWorkerSetControllerArgs,
): Record<string, unknown> {
  const tag = `v${version.replace(/^v/, "")}`;
  return {
    replicaCount: replicas,
    image: {
      manager: {
        repository: LWS_IMAGE_REPOSITORY,
        tag: args.imageDigest ? `${tag}@${args.imageDigest}` : tag,
        pullPolicy: "IfNotPresent",
      },
    },
    // The chart sets runAsNonRoot only; restricted also needs a seccomp profile.
    podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
    // The chart's own requests, plus a memory limit so a leak cannot starve the node.
    resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { memory: "2Gi" } },
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: "kubernetes.io/hostname",
              labelSelector: { matchLabels: CONTROLLER_SELECTOR },
            },
          },
        ],
      },
    },
    tolerations: args.tolerations ?? [],
    enableCertManager: false,
    enablePrometheus: false,
  };
}

/**
 * The webhook canary: admitted only by a serving webhook (LWS webhooks fail closed), and
 * `pulumi.com/waitFor` holds the resource until the controller has written `hpaPodSelector`,
 * which it does on its first reconcile (lws pkg/controllers updateStatus). Controllers and
 * webhooks start only after the webhook certificates are ready (lws cmd/main.go
 * setupControllers), so a reconciled canary means both are up.
 */
function webhookCanary(
  namespace: pulumi.Input<string>,
  labels: Record<string, string>,
): k8s.apiextensions.CustomResourceArgs {
  const securityContext = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
  };
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: {
      name: "inferplane-webhook-canary",
      namespace,
      labels,
      annotations: { "pulumi.com/waitFor": "jsonpath={.status.hpaPodSelector}" },
    },
    // Declared (never set) so the live status the controller writes is an output.
    status: undefined,
    spec: {
      replicas: 0,
      // Never rolls anything (no groups); explicit so LWS-02 sees a non-disruptive strategy.
      rolloutStrategy: {
        type: "RollingUpdate",
        rollingUpdateConfiguration: { maxSurge: 1, maxUnavailable: 0 },
      },
      leaderWorkerTemplate: {
        size: 1,
        workerTemplate: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 65535,
              seccompProfile: { type: "RuntimeDefault" },
            },
            containers: [
              {
                name: "pause",
                image: CANARY_IMAGE,
                resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "16Mi" } },
                securityContext,
              },
            ],
          },
        },
      },
    },
  };
}
