import { InputError } from "../../common/inputError.js";
import { findModel } from "../../policies/placement/catalog/models.js";
import { decidePlacement, type PlacementDecision } from "../../policies/placement/decide.js";
import { PLATFORMS } from "../../policies/placement/profile.js";
import type { LlmPlatformArgs } from "./llmPlatformArgs.js";

/**
 * The placement decision LlmPlatform provisions: the policy run on `args.workload`, or the
 * ready decision in `args.decisionJson`. Throws {@link InputError} naming the file and field.
 */
export function resolveDecision(args: LlmPlatformArgs): PlacementDecision {
  const file = args.workloadFile ?? "LlmPlatform args";
  if ((args.workload === undefined) === (args.decisionJson === undefined)) {
    throw new InputError(
      `${file}: ${args.workloadPath ?? "workload"}: give exactly one of a workload profile and a ready decision. Fix: set the workload profile (docs/placement.md)`,
      { file, fieldPath: args.workloadPath ?? "workload" },
    );
  }
  if (args.workload !== undefined) {
    return decidePlacement(args.workload, {
      file,
      ...(args.workloadPath === undefined ? {} : { pathPrefix: args.workloadPath }),
    });
  }
  return parseDecisionJson(args.decisionJson as string, file);
}

/** Reads a decision printed by `inferplane plan --json`, checking the fields LlmPlatform uses. */
export function parseDecisionJson(text: string, file = "decisionJson"): PlacementDecision {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      `${file}: decisionJson is not JSON. Fix: pass the output of \`inferplane plan --json\``,
      {
        file,
        fieldPath: "decisionJson",
      },
    );
  }
  const d = value as Partial<PlacementDecision> | null;
  const problems: string[] = [];
  if (!d || typeof d !== "object") problems.push("not an object");
  else {
    if (!(PLATFORMS as readonly string[]).includes(String(d.platform))) problems.push("platform");
    if (d.cloud !== "gcp" && d.cloud !== "aws") problems.push("cloud");
    if (typeof d.monthlyCostUsd !== "number") problems.push("monthlyCostUsd");
    if (!d.sizing || typeof d.sizing !== "object") problems.push("sizing");
    if (!Array.isArray(d.reasons)) problems.push("reasons");
    if (!d.workload || typeof d.workload !== "object") problems.push("workload");
  }
  if (problems.length > 0) {
    throw new InputError(
      `${file}: decisionJson lacks or mistypes ${problems.join(", ")}. Fix: pass the output of \`inferplane plan --json\``,
      { file, fieldPath: "decisionJson" },
    );
  }
  return d as PlacementDecision;
}

/** The Hugging Face id a self-hosted server loads: `modelId`, else the catalog's, else the profile's name. */
export function huggingFaceId(decision: PlacementDecision, modelId: string | undefined): string | undefined {
  if (modelId) return modelId;
  const catalog = findModel(decision.workload.model);
  if (catalog) return catalog.huggingFace;
  return decision.workload.model.includes("/") ? decision.workload.model : undefined;
}
