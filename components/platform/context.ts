import type * as pulumi from "@pulumi/pulumi";
import type { PlacementDecision } from "../../policies/placement/decide.js";
import type { LlmPlatformArgs } from "./llmPlatformArgs.js";

/** What every composition needs: the decision, the args and where to hang children. */
export interface PlatformContext {
  /** Component name; children are named `${name}-<suffix>`. */
  name: string;
  decision: PlacementDecision;
  args: LlmPlatformArgs;
  /** The LlmPlatform component, parent of every child. */
  parent: pulumi.Resource;
  /** Region of the decided cloud (the profile's `constraints.regions`). */
  region: string;
  /** Google Cloud project (GCP only). */
  project: string | undefined;
  /** Hugging Face id of the model (self-hosted platforms). */
  modelId: string;
  /** Kubernetes namespace of the model server. */
  namespace: string;
}

/** What a composition hands back to LlmPlatform. */
export interface Composed {
  /** The one entry point clients call (OpenAI-compatible base URL or service URL). */
  endpoint: pulumi.Output<string>;
  /** Resources a dependent should wait for. */
  resources: pulumi.Resource[];
}

/** vLLM server arguments for one replica of the decided sizing. */
export function vllmArgs(ctx: PlatformContext, port = 8000): string[] {
  const s = ctx.decision.sizing;
  return [
    "--model",
    ctx.modelId,
    "--served-model-name",
    ctx.modelId,
    "--port",
    String(port),
    "--tensor-parallel-size",
    String(Math.max(1, s.tensorParallel)),
    "--max-model-len",
    String(contextTokens(ctx.args)),
  ];
}

/** The context length the server accepts: the profile's `model.contextTokens` (default 8192, as the policy's). */
export function contextTokens(args: LlmPlatformArgs): number {
  return args.workload?.model.contextTokens ?? 8192;
}
