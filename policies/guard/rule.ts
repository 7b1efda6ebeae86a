import type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

/** Where a rule comes from and what it tolerates; docs/guard.md and the metadata tests read it. */
export interface GuardMeta {
  /** Checklist id (`../shared/reference/security-reliability-checklist.md` §6), e.g. `GKE-01`. */
  checklistId: string;
  /** P0 and P1 are mandatory, P2 advisory; `stack` marks the pack's own stack rules. */
  priority: "P0" | "P1" | "P2";
  /** Benchmarks and scanners the rule mirrors: CIS, checkov, KICS, trivy, kube-linter ids. */
  sources: string[];
  /** The documented exceptions and how to grant them (config fields), or "none". */
  exceptions: string;
}

/** Properties of one resource as a rule reads them (wrapped in `unknownCheckingProxy`). */
export type Props = Record<string, unknown>;

/** What a rule's check receives besides the props. */
export interface RuleContext<C> {
  /** The rule's config: the schema defaults overlaid with the pack config for this rule. */
  config: C;
  /** Type token of the resource. */
  type: string;
  /** Logical name of the resource. */
  name: string;
  /** URN of the resource. */
  urn: string;
}

/** Reports one violation; the message is prefixed with the checklist id. */
export type Report = (message: string) => void;

/** A resource rule: a CrossGuard resource policy carrying its guard metadata. */
export interface GuardResourceRule extends ResourceValidationPolicy {
  enforcementLevel: EnforcementLevel;
  guard: GuardMeta;
  /** The type tokens the rule reads (it ignores every other resource). */
  resourceTypes: readonly string[];
}

/** A stack rule: a CrossGuard stack policy carrying its guard metadata. */
export interface GuardStackRule extends StackValidationPolicy {
  enforcementLevel: EnforcementLevel;
  guard: GuardMeta;
}

/** Any rule of the pack. */
export type GuardRule = GuardResourceRule | GuardStackRule;

/** True for resource rules. */
export function isResourceRule(rule: GuardRule): rule is GuardResourceRule {
  return "validateResource" in rule;
}

interface RuleSpec<C extends object> {
  name: string;
  description: string;
  guard: GuardMeta;
  /** JSON-schema properties of the rule's config, each with its `default`. */
  config?: PolicyConfigSchema["properties"];
  /** The same defaults as plain values (what the check sees when nothing is configured). */
  defaults: C;
}

/** Enforcement level the checklist priority asks for. */
export function levelFor(priority: GuardMeta["priority"]): EnforcementLevel {
  return priority === "P2" ? "advisory" : "mandatory";
}

function configOf<C extends object>(defaults: C, given: object): C {
  return { ...defaults, ...(given as Partial<C>) };
}

/**
 * Builds a resource rule that runs `check` on resources whose type is one of `types`. Type
 * tokens are matched exactly rather than through `validateResourceOfType`, which never matches
 * custom resources such as LeaderWorkerSet (no `__pulumiType` on `CustomResource`).
 */
export function resourceRule<C extends object>(
  spec: RuleSpec<C> & {
    types: readonly string[];
    check: (props: Props, ctx: RuleContext<C>, report: Report) => void;
  },
): GuardResourceRule {
  const types = new Set(spec.types);
  const prefix = `[${spec.guard.checklistId}] `;
  return {
    name: spec.name,
    description: spec.description,
    enforcementLevel: levelFor(spec.guard.priority),
    ...(spec.config ? { configSchema: { properties: spec.config } } : {}),
    guard: spec.guard,
    resourceTypes: spec.types,
    validateResource: (args: ResourceValidationArgs, reportViolation) => {
      if (!types.has(args.type)) return;
      const ctx = {
        config: configOf(spec.defaults, args.getConfig<object>()),
        type: args.type,
        name: args.name,
        urn: args.urn,
      };
      spec.check(args.props as Props, ctx, (message) => reportViolation(prefix + message));
    },
  };
}

/** Reports one violation against a resource of the stack (or the stack itself when `urn` is absent). */
export type StackReport = (message: string, urn?: string) => void;

/** Builds a stack rule. `check` sees every resource (props are outputs, as in a real stack policy). */
export function stackRule<C extends object>(
  spec: RuleSpec<C> & {
    check: (resources: PolicyResource[], config: C, report: StackReport, args: StackValidationArgs) => void;
  },
): GuardStackRule {
  const prefix = `[${spec.guard.checklistId}] `;
  return {
    name: spec.name,
    description: spec.description,
    enforcementLevel: levelFor(spec.guard.priority),
    ...(spec.config ? { configSchema: { properties: spec.config } } : {}),
    guard: spec.guard,
    validateStack: (args: StackValidationArgs, reportViolation) => {
      const config = configOf(spec.defaults, args.getConfig<object>());
      spec.check(args.resources, config, (message, urn) => reportViolation(prefix + message, urn), args);
    },
  };
}

/** A resource's label for messages: `type "name"`. */
export function label(r: { type: string; name: string }): string {
  return `${r.type} "${r.name}"`;
}
