import { InputError } from "../../common/inputError.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";
import { huggingFaceId } from "./decision.js";
import type { LlmPlatformArgs } from "./llmPlatformArgs.js";

const PINNED = /^[^\s@]+@sha256:[a-f0-9]{64}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** What LlmPlatform needs beyond the decision, resolved. */
export interface ResolvedPlatformArgs {
  modelId: string;
  namespace: string;
}

/**
 * Checks the args the decided platform needs before any resource exists: images pinned by
 * digest, a model id for self-hosted servers, the router image for hybrid. Throws
 * {@link InputError} naming the component, the field and the fix.
 */
export function validateLlmPlatformArgs(
  name: string,
  args: LlmPlatformArgs,
  decision: PlacementDecision,
): ResolvedPlatformArgs {
  const problems: string[] = [];
  const at = (field: string, message: string) => problems.push(`LlmPlatform "${name}": ${field}: ${message}`);
  const selfHosted = decision.platform !== "managed-api";
  if (selfHosted && !(args.image && PINNED.test(args.image))) {
    at(
      "image",
      `${decision.platform} needs the vLLM image pinned by digest. Fix: e.g. vllm/vllm-openai:v0.28.0@sha256:<64 hex>`,
    );
  }
  const modelId = huggingFaceId(decision, args.modelId) ?? "";
  if (selfHosted && !/^[\w.-]+\/[\w.-]+$/.test(modelId)) {
    at("modelId", `no Hugging Face id for ${decision.workload.model}. Fix: set modelId to org/name`);
  }
  if (decision.platform === "hybrid" && !(args.routerImage && PINNED.test(args.routerImage))) {
    at(
      "routerImage",
      "hybrid needs the router image (Node.js 22+) pinned by digest. Fix: e.g. node:22-slim@sha256:<64 hex>",
    );
  }
  const namespace = args.namespace ?? "llm";
  if (!DNS_LABEL.test(namespace)) at("namespace", "must be a DNS-1123 label. Fix: e.g. llm");
  if (
    args.overflowQueueDepth !== undefined &&
    !(Number.isInteger(args.overflowQueueDepth) && args.overflowQueueDepth >= 1)
  ) {
    at("overflowQueueDepth", "must be a whole number >= 1. Fix: e.g. 8");
  }
  if (
    args.maxServerlessInstances !== undefined &&
    !(Number.isInteger(args.maxServerlessInstances) && args.maxServerlessInstances >= 1)
  ) {
    at("maxServerlessInstances", "must be a whole number >= 1. Fix: e.g. 4");
  }
  if (problems.length > 0)
    throw new InputError(problems.join("\n"), { fieldPath: problems[0]?.split(": ")[1] ?? "" });
  return { modelId, namespace };
}
