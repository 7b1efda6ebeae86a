import { InputError } from "../../common/inputError.js";

/**
 * Small helpers shared by the serverless components' `validate<ClassName>Args` functions. Every
 * failure is an {@link InputError} whose message names the component, the field path and the fix,
 * and is thrown before any resource is registered.
 */
export class ArgsCheck {
  constructor(
    private readonly component: string,
    private readonly name: string,
  ) {}

  /** Throws an input error about `args.<field>`. */
  fail(field: string, problem: string, fix: string): never {
    throw new InputError(`${this.component} "${this.name}": args.${field} ${problem}. Fix: ${fix}.`, {
      fieldPath: `${this.component}.${field}`,
    });
  }

  /** A required integer within [min, max]. */
  integer(field: string, value: unknown, min: number, max: number, fix: string): number {
    if (value === undefined || value === null) this.fail(field, "is required", fix);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`, fix);
    }
    return value;
  }

  /** An optional integer within [min, max], or the default. */
  optionalInteger(field: string, value: unknown, min: number, max: number, fallback: number): number {
    if (value === undefined || value === null) return fallback;
    return this.integer(
      field,
      value,
      min,
      max,
      `set it to an integer from ${min} to ${max}, or leave it out`,
    );
  }

  /** A required non-empty plain string. */
  text(field: string, value: unknown, fix: string): string {
    if (typeof value !== "string" || value.trim() === "") this.fail(field, "is required", fix);
    return value;
  }
}

/** Environment variable names that usually carry credentials; they must come from a secret store. */
const SECRET_NAME = /(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** True when an environment variable name looks like it holds a credential. */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** IAM members that make a Google Cloud resource public. */
export const PUBLIC_GCP_MEMBERS = ["allUsers", "allAuthenticatedUsers"] as const;

/** True when `member` is one of Google Cloud's public principals. */
export function isPublicGcpMember(member: string): boolean {
  return (PUBLIC_GCP_MEMBERS as readonly string[]).includes(member.trim());
}

/** Google Cloud IAM member syntax: `user:`, `serviceAccount:`, `group:`, `domain:`, `principal(Set):`. */
export const GCP_MEMBER = /^(user|serviceAccount|group|domain|principal|principalSet):\S+$/;
