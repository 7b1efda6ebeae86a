import type * as k8s from "@pulumi/kubernetes";
import { LWS_MIN_VERSION } from "./lwsChart.js";
import { checkDnsLabel, checkInteger, inputError } from "./names.js";
import { compareVersions } from "./nvidiaCharts.js";

/** Arguments of {@link LeaderWorkerSetController}. */
export interface LeaderWorkerSetControllerArgs {
  /**
   * Kubernetes provider for the cluster. Optional only when one is given through
   * `opts.provider` / `opts.providers`; the ambient kubeconfig is never used.
   */
  provider?: k8s.Provider;
  /** Namespace of the controller, created with Pod Security `restricted`. Default `lws-system`. */
  namespace?: string;
  /** LWS chart version, 0.10.0 or later. Default the pinned `0.10.0`. */
  chartVersion?: string;
  /**
   * Controller replicas. Default 2: every replica serves the admission webhook (a single
   * replica makes every LeaderWorkerSet and LWS pod create fail while it restarts), leader
   * election keeps one reconciler. 1 saves a little CPU and memory.
   */
  replicas?: number;
  /**
   * Digest (`sha256:<64 hex>`) of the controller image for the chart's version. When set, the
   * image is pulled by digest, not by tag. Default unset: the chart's version tag.
   */
  imageDigest?: string;
  /**
   * Create the webhook canary: a `replicas: 0` LeaderWorkerSet in the controller namespace,
   * created after the release is ready. Its create passes through the LWS admission webhooks
   * and Pulumi waits until the controller writes its status, so anything depending on this
   * component waits for a serving webhook and a reconciling controller, not only for a ready
   * Deployment (the controller's readyz is a plain ping). Default `true`.
   */
  webhookCanary?: boolean;
  /** Extra tolerations for the controller pods (e.g. a dedicated system node pool's taint). */
  tolerations?: k8s.types.input.core.v1.Toleration[];
  /** Seconds the Helm release may take to become ready. Default 600. */
  releaseTimeoutSeconds?: number;
}

/** Checks LeaderWorkerSetController arguments; throws an InputError naming the field and the fix. */
export function validateLeaderWorkerSetControllerArgs(
  name: string,
  args: LeaderWorkerSetControllerArgs,
): void {
  const where = `LeaderWorkerSetController "${name}"`;
  if (args.namespace !== undefined) checkDnsLabel(where, "args.namespace", args.namespace);
  if (args.chartVersion !== undefined && compareVersions(args.chartVersion, LWS_MIN_VERSION) < 0) {
    throw inputError(
      where,
      "args.chartVersion",
      `is ${args.chartVersion}, older than ${LWS_MIN_VERSION} (older CRDs reject replicas 0 and differ from the schema we validate against)`,
      `use ${LWS_MIN_VERSION} or later, or leave it unset`,
    );
  }
  if (args.replicas !== undefined) checkInteger(where, "args.replicas", args.replicas, 1, 5);
  if (args.imageDigest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(args.imageDigest)) {
    throw inputError(
      where,
      "args.imageDigest",
      `is "${args.imageDigest}", not a sha256 digest`,
      'give "sha256:" followed by 64 lowercase hex characters, e.g. from `crane digest registry.k8s.io/lws/lws:v0.10.0`',
    );
  }
  if (args.releaseTimeoutSeconds !== undefined) {
    checkInteger(where, "args.releaseTimeoutSeconds", args.releaseTimeoutSeconds, 60, 3600);
  }
}
