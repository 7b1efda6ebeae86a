import { InputError } from "../../../common/inputError.js";
import { findModel } from "../../../policies/placement/catalog/models.js";
import { BedrockModelGateway } from "../../aws/bedrockModelGateway.js";
import { VertexModelGateway } from "../../gcp/vertexModelGateway.js";
import type { Composed, PlatformContext } from "../context.js";
import { MANAGED_MODEL_IDS } from "../managedModels.js";

/** The managed API's model id: `managedModelId`, else the catalog's for the decided cloud. */
export function managedModelId(ctx: PlatformContext): string {
  if (ctx.args.managedModelId) return ctx.args.managedModelId;
  const catalog = findModel(ctx.decision.workload.model);
  const ids = catalog ? MANAGED_MODEL_IDS[catalog.name] : undefined;
  if (!ids) {
    throw new InputError(
      `LlmPlatform "${ctx.name}": managedModelId: no ${ctx.decision.cloud} model id known for ${ctx.decision.workload.model}. Fix: set managedModelId`,
      { fieldPath: "managedModelId" },
    );
  }
  return ids[ctx.decision.cloud];
}

/** Managed API: a VertexModelGateway (GCP) or BedrockModelGateway (AWS) in front of one model. */
export function composeManagedApi(ctx: PlatformContext, extraInvokers: string[] = []): Composed {
  const { args, name } = ctx;
  const opts = { parent: ctx.parent };
  const model = managedModelId(ctx);
  if (ctx.decision.cloud === "gcp") {
    const gateway = new VertexModelGateway(
      `${name}-gateway`,
      {
        ...(ctx.project ? { project: ctx.project } : {}),
        location: ctx.region,
        vertexLocation: ctx.region,
        model,
        invokers: [...(args.gcpInvokers ?? []), ...extraInvokers],
        deletionProtection: args.deletionProtection ?? true,
      },
      opts,
    );
    return { endpoint: gateway.uri.apply((u) => `${u}/v1`), resources: [gateway] };
  }
  const gateway = new BedrockModelGateway(
    `${name}-gateway`,
    { modelId: model, invokerPrincipals: args.awsInvokerPrincipals ?? [] },
    opts,
  );
  return { endpoint: gateway.url.apply((u) => `${u.replace(/\/$/, "")}/v1`), resources: [gateway] };
}
