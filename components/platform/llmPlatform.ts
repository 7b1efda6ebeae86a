import * as pulumi from "@pulumi/pulumi";
import type { PlacementDecision } from "../../policies/placement/decide.js";
import { composeHybrid } from "./compose/hybrid.js";
import { composeKubernetes } from "./compose/kubernetes.js";
import { composeManagedApi } from "./compose/managedApi.js";
import { composeServerless } from "./compose/serverless.js";
import type { Composed, PlatformContext } from "./context.js";
import { resolveDecision } from "./decision.js";
import type { LlmPlatformArgs } from "./llmPlatformArgs.js";
import { validateLlmPlatformArgs } from "./validate.js";

export type { LlmPlatformArgs } from "./llmPlatformArgs.js";
export { validateLlmPlatformArgs } from "./validate.js";

/** The decision as LlmPlatform publishes it (the guard's PLAT-01/PLAT-02 contract, docs/guard.md). */
export interface PublishedDecision {
  platform: string;
  cloud: string;
  monthlyCostUsd: number;
  override?: { platform: string; cloud?: string; reason: string; monthlyCostUsd: number };
  optionId: string;
  service: string;
  variant: string;
  ttftP95Ms: number;
  reasons: string[];
}

/** The decision in the shape the guard's stack rules read. */
export function publishedDecision(d: PlacementDecision): PublishedDecision {
  return {
    platform: d.platform,
    cloud: d.cloud,
    monthlyCostUsd: d.monthlyCostUsd,
    ...(d.override
      ? {
          override: {
            platform: d.override.platform,
            ...(d.override.cloud ? { cloud: d.override.cloud } : {}),
            reason: d.override.reason,
            monthlyCostUsd: d.monthlyCostUsd,
          },
        }
      : {}),
    optionId: d.optionId,
    service: d.service,
    variant: d.variant,
    ttftP95Ms: d.ttftP95Ms,
    reasons: d.reasons,
  };
}

/**
 * One LLM inference platform for one environment: runs the placement policy on a workload profile
 * (or takes a ready decision) and composes what it decided from inferplane's components:
 * a managed-API gateway (Vertex AI, Bedrock), a serverless GPU endpoint (Cloud Run, SageMaker), a
 * GPU cluster with the Kubernetes inference layer (GKE, EKS), or a hybrid of a cluster and its
 * overflow behind one router. Publishes the endpoint, the decision with its reasons, the
 * estimated monthly cost and the sizing. See docs/platform.md.
 */
export class LlmPlatform extends pulumi.ComponentResource {
  /** The one entry point clients call (an OpenAI-compatible base URL or the endpoint's URL). */
  readonly endpoint: pulumi.Output<string>;
  /** The decided platform: `managed-api`, `serverless-gpu`, `kubernetes` or `hybrid`. */
  readonly platform: string;
  /** The decided cloud: `gcp` or `aws`. */
  readonly cloud: string;
  /** Estimated monthly cost of the deployed option, USD. */
  readonly monthlyCostUsd: number;
  /** The whole placement decision (what `inferplane plan --json` prints), as JSON. */
  readonly decisionJson: string;

  constructor(name: string, args: LlmPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    // Decide and validate before registering anything, the component included: bad input must
    // leave nothing behind in the stack.
    const decision = resolveDecision(args);
    const resolved = validateLlmPlatformArgs(name, args, decision);
    super("inferplane:index:LlmPlatform", name, {}, opts);
    const region =
      decision.cloud === "gcp"
        ? (args.workload?.constraints?.regions?.gcp ??
          new pulumi.Config("gcp").get("region") ??
          "us-central1")
        : (args.workload?.constraints?.regions?.aws ?? new pulumi.Config("aws").get("region") ?? "us-east-1");
    const ctx: PlatformContext = {
      name,
      decision,
      args,
      parent: this,
      region,
      project: args.gcpProject ?? new pulumi.Config("gcp").get("project"),
      modelId: resolved.modelId,
      namespace: resolved.namespace,
    };
    const composed: Composed = compose(ctx);
    this.endpoint = composed.endpoint;
    this.platform = decision.platform;
    this.cloud = decision.cloud;
    this.monthlyCostUsd = decision.monthlyCostUsd;
    this.decisionJson = JSON.stringify(decision);
    const budget = args.workload?.constraints?.budgetUsdPerMonth;
    this.registerOutputs({
      endpoint: this.endpoint,
      decision: publishedDecision(decision),
      deployedPlatform: decision.platform,
      deployedCloud: decision.cloud,
      ...(budget === undefined ? {} : { budgetUsdPerMonth: budget }),
      monthlyCostUsd: decision.monthlyCostUsd,
      sizing: decision.sizing,
      region,
    });
  }
}

function compose(ctx: PlatformContext): Composed {
  switch (ctx.decision.platform) {
    case "managed-api":
      return composeManagedApi(ctx);
    case "serverless-gpu":
      return composeServerless(ctx);
    case "kubernetes":
      return composeKubernetes(ctx);
    case "hybrid":
      return composeHybrid(ctx);
  }
}
