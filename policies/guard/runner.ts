import {
  type EnforcementLevel,
  type PolicyResource,
  type PolicyResourceOptions,
  type ResourceValidationArgs,
  type StackValidationArgs,
  UnknownValueError,
  unknownCheckingProxy,
} from "@pulumi/policy";
import type { RecordedResource } from "../../engine/types.js";
import { type GuardSettings, resolveGuardSettings } from "./config.js";
import { resolveReferences } from "./lib/references.js";
import { type GuardResourceRule, type GuardRule, type GuardStackRule, isResourceRule } from "./rule.js";
import { guardRules } from "./rules.js";

// @pulumi/policy 1.21.0 re-exports these, but its proxy.d.ts is stripped (`export {}`): type them here.
const proxy = unknownCheckingProxy as <T extends object>(target: T) => T;
const UnknownError = UnknownValueError as unknown as abstract new (...args: never[]) => Error;

/** A finding, in the preview report's `violations[]` shape. */
export interface GuardViolation {
  /** Rule name, e.g. `k8s-05-image-digest`. */
  policy: string;
  enforcementLevel: EnforcementLevel;
  /** URN of the offending resource (the stack's URN for stack-wide findings). */
  resource: string;
  message: string;
}

/** How to evaluate the pack in-process. */
export interface GuardRunOptions {
  /** Rule settings from a pack config ({@link resolveGuardSettings}); default: every rule's own. */
  settings?: GuardSettings;
  /** Rules to run; default: the whole pack. */
  rules?: readonly GuardRule[];
  /** Stack tags rules may read; default none. */
  stackTags?: ReadonlyMap<string, string>;
}

/** Name of the check in the preview report's `checks[]`. */
export const GUARD_CHECK = "guard-pack";

class NotApplicable extends Error {}

const NO_OPTIONS: PolicyResourceOptions = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

function typeOf(cls: unknown): string | undefined {
  const token = (cls as { __pulumiType?: unknown } | null)?.__pulumiType;
  return typeof token === "string" ? token : undefined;
}

const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

/**
 * Evaluates the guard pack over recorded resources the way the Pulumi engine does: resource rules
 * get each resource's inputs, stack rules every resource's outputs (components: their registered
 * outputs), both wrapped in `unknownCheckingProxy`. The rules and enforcement levels are the
 * pack's own. One difference is deliberate: where the CLI downgrades a rule that meets a value
 * unknown at preview to an advisory note, this runner reports it at the rule's own level, so an
 * unknown never lets a mandatory rule pass.
 */
export async function evaluateGuard(
  resources: ReadonlyArray<RecordedResource>,
  options: GuardRunOptions = {},
): Promise<GuardViolation[]> {
  const rules = options.rules ?? guardRules;
  const settings = options.settings ?? resolveGuardSettings(rules);
  const stackTags = options.stackTags ?? new Map<string, string>();
  const violations: GuardViolation[] = [];
  const byType = new Map<string, { rule: GuardResourceRule; level: EnforcementLevel }[]>();
  const stackRules: { rule: GuardStackRule; level: EnforcementLevel }[] = [];
  for (const rule of rules) {
    const level = settings.get(rule.name)?.enforcementLevel ?? rule.enforcementLevel;
    if (level === "disabled") continue;
    // A violation left after remediation is mandatory (pulumi-policy server.ts).
    const effective = level === "remediate" ? "mandatory" : level;
    if (isResourceRule(rule)) {
      for (const type of rule.resourceTypes)
        byType.set(type, [...(byType.get(type) ?? []), { rule, level: effective }]);
    } else {
      stackRules.push({ rule, level: effective });
    }
  }
  const configOf = (rule: GuardRule) => () => (settings.get(rule.name)?.properties ?? {}) as never;
  const byName = new Map<string, RecordedResource>();
  for (const r of resources) if (!byName.has(`${r.type}::${r.name}`)) byName.set(`${r.type}::${r.name}`, r);
  const lookup = (type: string, name: string) => byName.get(`${type}::${name}`);

  for (const r of resources) {
    const applicable = byType.get(r.type);
    if (!applicable || r.read) continue;
    const props = proxy(resolveReferences(r.inputs, lookup) as Record<string, unknown>);
    const isType = (cls: unknown) => typeOf(cls) === r.type;
    for (const { rule, level } of applicable) {
      const args: ResourceValidationArgs = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: r.parent ? { ...NO_OPTIONS, parent: r.parent } : NO_OPTIONS,
        stackTags,
        isType,
        asType: ((cls: unknown) => (isType(cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: configOf(rule),
        notApplicable,
      };
      const report = (message: string, urn?: string) =>
        violations.push({ policy: rule.name, enforcementLevel: level, resource: urn ?? r.urn, message });
      const validations = rule.validateResource;
      for (const validate of Array.isArray(validations) ? validations : validations ? [validations] : []) {
        await guarded(rule, level, r.urn, violations, () => validate(args, report));
      }
    }
  }

  if (stackRules.length > 0) {
    const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "stack";
    const policyResources = toPolicyResources(resources, lookup);
    for (const { rule, level } of stackRules) {
      const args: StackValidationArgs = {
        resources: policyResources,
        stackTags,
        getConfig: configOf(rule),
        notApplicable,
      };
      const report = (message: string, urn?: string) =>
        violations.push({ policy: rule.name, enforcementLevel: level, resource: urn ?? stackUrn, message });
      await guarded(rule, level, stackUrn, violations, () => rule.validateStack(args, report));
    }
  }
  return violations;
}

/** Runs one validation; unknowns and rule failures become findings at the rule's level. */
async function guarded(
  rule: GuardRule,
  level: EnforcementLevel,
  urn: string,
  violations: GuardViolation[],
  run: () => Promise<void> | void,
): Promise<void> {
  try {
    const result = run();
    if (result) await result;
  } catch (error) {
    if (error instanceof NotApplicable) return;
    const id = `[${rule.guard.checklistId}] `;
    const message =
      error instanceof UnknownError
        ? `${id}cannot be verified: ${error.message}. Make the value known at preview (a plain value or config), or rely on the check at \`pulumi up\`.`
        : `${id}the rule failed on this resource: ${error instanceof Error ? error.message : String(error)}`;
    violations.push({ policy: rule.name, enforcementLevel: level, resource: urn, message });
  }
}

/** Stack-policy view of recorded resources: outputs as props, parents and dependencies linked. */
function toPolicyResources(
  resources: ReadonlyArray<RecordedResource>,
  lookup: (type: string, name: string) => RecordedResource | undefined,
): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const out = resources.map((r) => {
    // Bridged providers report `id` among a resource's outputs; the mock state lacks it.
    const state = r.custom && r.id !== undefined && !("id" in r.state) ? { ...r.state, id: r.id } : r.state;
    const props = proxy(
      resolveReferences(r.custom ? state : (r.outputs ?? {}), lookup) as Record<string, unknown>,
    );
    const isType = (cls: unknown) => typeOf(cls) === r.type;
    const resource: PolicyResource = {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: r.parent ? { ...NO_OPTIONS, parent: r.parent } : NO_OPTIONS,
      dependencies: [],
      propertyDependencies: {},
      isType,
      asType: ((cls: unknown) => (isType(cls) ? props : undefined)) as PolicyResource["asType"],
    };
    byUrn.set(r.urn, resource);
    return resource;
  });
  resources.forEach((r, i) => {
    const resource = out[i] as PolicyResource;
    if (r.parent) resource.parent = byUrn.get(r.parent);
    resource.dependencies = r.dependencies.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => !!d);
  });
  return out;
}
