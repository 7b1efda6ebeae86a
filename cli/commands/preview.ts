import { relative, resolve } from "node:path";
import { InputError } from "../../common/inputError.js";
import { findProject } from "../../engine/project.js";
import { runOffline } from "../../engine/run.js";
import { maskSecrets } from "../../engine/secrets.js";
import { readStackConfig } from "../../engine/stackConfig.js";
import type { RecordedResource } from "../../engine/types.js";
import { validateManifests } from "../../manifests/validate.js";
import { loadGuardSettings, resolveGuardSettings } from "../../policies/guard/config.js";
import { guardRules } from "../../policies/guard/rules.js";
import { evaluateGuard, GUARD_CHECK } from "../../policies/guard/runner.js";
import type { PreviewReport, PreviewResource } from "../report.js";

/** What to preview: a stack of the project in `cwd`, or a program file, or both. */
export interface PreviewOptions {
  stack?: string;
  program?: string;
  /** Directory to find `Pulumi.yaml` from. Default: the working directory. */
  cwd?: string;
  /** Guard pack configuration (JSON, the `pulumi preview --policy-pack-config` format). */
  policyConfig?: string;
}

/**
 * The offline preview: runs the program on the mock engine with the stack's config, validates
 * every Kubernetes object, and assembles the report. Throws {@link InputError} on bad input.
 */
export async function preview(options: PreviewOptions): Promise<PreviewReport> {
  if (!options.stack && !options.program) {
    throw new InputError(
      "preview needs --stack NAME or --program FILE.ts. Fix: e.g. `inferplane preview --stack dev`.",
    );
  }
  const cwd = options.cwd ?? process.cwd();
  const t0 = performance.now();
  // Read the pack config first: a malformed one is bad input, reported before anything runs.
  const guardSettings = options.policyConfig
    ? loadGuardSettings(guardRules, resolve(cwd, options.policyConfig))
    : resolveGuardSettings(guardRules);
  const guardConfigMs = performance.now() - t0;
  let project = "inferplane";
  let programFile: string;
  let config: Record<string, string> = {};
  let secretKeys: string[] = [];
  const notes: string[] = [];
  if (options.stack) {
    const found = findProject(cwd);
    const stackConfig = readStackConfig(found, options.stack);
    project = found.name;
    programFile = options.program ? resolve(cwd, options.program) : found.main;
    config = stackConfig.values;
    secretKeys = stackConfig.secretKeys;
    notes.push(...stackConfig.notes);
  } else {
    programFile = resolve(cwd, options.program as string);
  }
  const t1 = performance.now();
  const run = await runOffline({
    project,
    stack: options.stack ?? "preview",
    config,
    secretKeys,
    program: programFile,
  });
  const t2 = performance.now();
  const manifests = await validateManifests(run.resources);
  const t3 = performance.now();
  const violations = await evaluateGuard(run.resources, { settings: guardSettings });
  const t4 = performance.now();
  const { decision, ...outputs } = run.outputs;
  const mandatory = violations.some((v) => v.enforcementLevel === "mandatory");
  const exitCode = manifests.errors.length > 0 || mandatory ? 1 : 0;
  return {
    project,
    stack: options.stack ?? null,
    program: relative(cwd, programFile) || programFile,
    resources: run.resources.map(toPreviewResource),
    validationErrors: manifests.errors,
    violations,
    decision: decision ?? null,
    outputs,
    checks: ["kubernetes-schemas", GUARD_CHECK],
    manifests: { validated: manifests.validated, unvalidated: manifests.unvalidated },
    notes,
    timingsMs: {
      engine: round(t2 - t1),
      kubernetesSchemas: round(t3 - t2),
      guardPack: round(guardConfigMs + t4 - t3),
    },
    exitCode,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function toPreviewResource(r: RecordedResource): PreviewResource {
  return {
    type: r.type,
    name: r.name,
    urn: r.urn,
    parent: r.parent ?? null,
    provider: r.provider ?? null,
    custom: r.custom,
    inputs: maskSecrets(r.inputs, r.secretPaths),
    dependencies: r.dependencies,
  };
}
