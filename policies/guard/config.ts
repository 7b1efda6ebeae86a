import { readFileSync } from "node:fs";
import type { EnforcementLevel } from "@pulumi/policy";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { InputError } from "../../common/inputError.js";
import { closest } from "../../common/zodIssues.js";
import type { GuardRule } from "./rule.js";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One rule's effective settings after the pack config is applied. */
export interface RuleSettings {
  enforcementLevel: EnforcementLevel;
  /** Config properties with the schema's defaults filled in (what `args.getConfig()` returns). */
  properties: Record<string, unknown>;
}

/** Settings for every rule, by rule name. */
export type GuardSettings = Map<string, RuleSettings>;

const validators = new WeakMap<GuardRule, ValidateFunction>();
// 43 small schemas compiled on every run: skip meta-validation and code optimisation, which cost
// more than they save at this size.
const ajv = new Ajv({
  allErrors: true,
  useDefaults: true,
  strict: false,
  validateSchema: false,
  code: { optimize: false },
});

function validatorFor(rule: GuardRule): ValidateFunction {
  let v = validators.get(rule);
  if (!v) {
    v = ajv.compile({
      type: "object",
      properties: rule.configSchema?.properties ?? {},
      required: rule.configSchema?.required ?? [],
      additionalProperties: false,
    });
    validators.set(rule, v);
  }
  return v;
}

function describe(rule: string, e: ErrorObject): string {
  const field = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join("");
  if (e.keyword === "additionalProperties") {
    return `${rule}.${String(e.params.additionalProperty)}: unknown field`;
  }
  if (e.keyword === "required")
    return `${rule}.${String(e.params.missingProperty)}: required field is missing`;
  return `${rule}${field}: ${e.message ?? e.keyword}`;
}

/**
 * Applies a pack configuration (the JSON that `pulumi preview --policy-pack-config` takes:
 * `{ "all": "<level>", "<rule>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`)
 * to the rules, validating each rule's properties against its config schema and filling in the
 * defaults, as the Pulumi CLI does. Throws an {@link InputError} naming the rule and the field.
 */
export function resolveGuardSettings(
  rules: readonly GuardRule[],
  raw: unknown = {},
  file = "policy config",
): GuardSettings {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError(
      `${file}: the policy configuration must be a JSON object of rule names. Fix: e.g. {"all": "mandatory"}.`,
      { file },
    );
  }
  const given = raw as Record<string, unknown>;
  const names = rules.map((r) => r.name);
  const problems: string[] = [];
  const levelOf = (key: string, value: unknown): EnforcementLevel | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string" && (LEVELS as readonly string[]).includes(value))
      return value as EnforcementLevel;
    problems.push(`${key}: "${String(value)}" is not an enforcement level (${LEVELS.join(", ")})`);
    return undefined;
  };
  const all = levelOf("all", given.all);
  for (const key of Object.keys(given)) {
    if (key === "all" || names.includes(key)) continue;
    const guess = closest(key, names);
    problems.push(
      `${key}: unknown rule${guess ? `; did you mean "${guess}"?` : ` (rules are listed in docs/guard.md)`}`,
    );
  }
  const settings: GuardSettings = new Map();
  for (const rule of rules) {
    const entry = given[rule.name];
    let level: EnforcementLevel | undefined;
    let properties: Record<string, unknown> = {};
    if (typeof entry === "string") {
      level = levelOf(rule.name, entry);
    } else if (entry !== undefined) {
      if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        problems.push(`${rule.name}: must be an enforcement level or an object of settings`);
      } else {
        const { enforcementLevel, ...rest } = entry as Record<string, unknown>;
        level = levelOf(`${rule.name}.enforcementLevel`, enforcementLevel);
        properties = structuredClone(rest);
      }
    }
    const validate = validatorFor(rule);
    if (!validate(properties)) for (const e of validate.errors ?? []) problems.push(describe(rule.name, e));
    settings.set(rule.name, { enforcementLevel: level ?? all ?? rule.enforcementLevel, properties });
  }
  if (problems.length > 0) {
    const first = problems[0] ?? "";
    throw new InputError(
      `${problems.map((p) => `${file}: ${p}`).join("\n")}\nFix: correct the field (each rule's settings are in docs/guard.md).`,
      { file, fieldPath: first.split(":")[0] ?? "" },
    );
  }
  return settings;
}

/** Reads and applies a pack configuration file (JSON). */
export function loadGuardSettings(rules: readonly GuardRule[], file: string): GuardSettings {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(`${file}: policy config file not found. Fix: give the path of a JSON file.`, {
      file,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `${file}: not valid JSON (${reason}). Fix: the file is a JSON object of rule names.`,
      {
        file,
      },
    );
  }
  return resolveGuardSettings(rules, raw, file);
}
