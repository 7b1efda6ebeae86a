import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../../common/inputError.js";
import type { Composed, PlatformContext } from "../context.js";
import { createRouterWorkload, ROUTER_NAME, ROUTER_PORT } from "../router/routerWorkload.js";
import { composeKubernetes } from "./kubernetes.js";
import { composeManagedApi } from "./managedApi.js";
import { composeServerless } from "./serverless.js";

/** The overflow the decision chose, read from its service (`GKE + Cloud Run`, `GKE + Vertex AI`). */
export function overflowKind(service: string): "serverless-gpu" | "managed-api" | "none" {
  const over = service.split(" + ")[1];
  if (!over) return "none";
  return /Cloud Run|SageMaker/.test(over) ? "serverless-gpu" : "managed-api";
}

/** A GCP service account id (6-30 chars) for the router, from the component name. */
export function routerAccountId(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 23)
    .replace(/-+$/, "");
  return `${base.length >= 2 ? base : `ip-${base}`}-router`;
}

/**
 * Hybrid: the Kubernetes base sized by the decision, the overflow it chose (Cloud Run GPU or the
 * Vertex AI gateway on GCP), and the router in front of both. The router's pods call the
 * overflow as a dedicated service account through GKE Workload Identity, which is the only
 * invoker added to the overflow besides `gcpInvokers`.
 */
export function composeHybrid(ctx: PlatformContext): Composed {
  const { args, decision, name } = ctx;
  if (decision.cloud !== "gcp") {
    throw new InputError(
      `LlmPlatform "${name}": hybrid on aws is not composed yet (the router cannot sign SigV4 requests to SageMaker or the Bedrock gateway). Fix: override to kubernetes on aws, or allow gcp (docs/platform.md)`,
      { fieldPath: "override" },
    );
  }
  if (!ctx.project) {
    throw new InputError(
      `LlmPlatform "${name}": gcpProject: hybrid needs the project to bind the router's identity. Fix: set gcpProject or the gcp:project config`,
      { fieldPath: "gcpProject" },
    );
  }
  const base = composeKubernetes(ctx);
  const accountId = routerAccountId(name);
  const routerEmail = `${accountId}@${ctx.project}.iam.gserviceaccount.com`;
  const account = new gcp.serviceaccount.Account(
    `${name}-router`,
    { project: ctx.project, accountId, displayName: `inferplane hybrid router (${name})` },
    { parent: ctx.parent },
  );
  const wiMember = pulumi.interpolate`serviceAccount:${ctx.project}.svc.id.goog[${base.namespace}/${ROUTER_NAME}]`;
  const binding = new gcp.serviceaccount.IAMMember(
    `${name}-router-wi`,
    { serviceAccountId: account.name, role: "roles/iam.workloadIdentityUser", member: wiMember },
    { parent: ctx.parent },
  );
  const invoker = [`serviceAccount:${routerEmail}`];
  const kind = overflowKind(decision.service);
  const overflow =
    kind === "managed-api"
      ? composeManagedApi(ctx, invoker)
      : kind === "serverless-gpu"
        ? composeServerless(ctx, invoker)
        : undefined;
  if (!overflow) return { endpoint: base.endpoint, resources: base.resources };
  const router = createRouterWorkload(name, {
    provider: base.provider,
    namespace: base.namespace,
    image: String(args.routerImage),
    baseUrl: base.endpoint.apply((e) => e.replace(/\/v1$/, "")),
    overflowUrl: overflow.endpoint.apply((e) => e.replace(/\/v1$/, "")),
    overflowAuth: "google-id-token",
    queueDepth: args.overflowQueueDepth ?? 8,
    serviceAccountAnnotations: { "iam.gke.io/gcp-service-account": account.email },
    allowedClientNamespaces: args.allowedClientNamespaces ?? [],
    parent: ctx.parent,
    dependsOn: [base.service, binding],
  });
  return {
    endpoint: pulumi.interpolate`http://${router.service.metadata.name}.${base.namespace}.svc.cluster.local:${ROUTER_PORT}/v1`,
    resources: [...base.resources, ...overflow.resources, router.deployment],
  };
}
