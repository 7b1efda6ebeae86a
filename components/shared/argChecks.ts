import { InputError } from "../../common/inputError.js";
import { closest } from "../../common/zodIssues.js";

/**
 * Small checks shared by the cluster components' `validate<ClassName>Args` functions. Each throws
 * an {@link InputError} whose message starts with the component, the field path and ends with the fix.
 */
export class ArgChecker {
  constructor(private readonly component: string) {}

  /** Throws an InputError for `field` with `problem` and `fix`. */
  fail(field: string, problem: string, fix: string): never {
    throw new InputError(`${this.component}: args.${field}: ${problem}. Fix: ${fix}.`, {
      fieldPath: `args.${field}`,
    });
  }

  /** A DNS label of at most `max` characters (lowercase letters, digits, dashes). */
  dnsLabel(field: string, value: string, max: number): void {
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.length > max) {
      this.fail(
        field,
        `"${value}" is not a DNS label of at most ${max} characters`,
        "use lowercase letters, digits and dashes, starting with a letter",
      );
    }
  }

  /** An integer in [min, max]. */
  integer(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `${value} is not a whole number between ${min} and ${max}`, "give a value in range");
    }
  }

  /** One of `allowed`, with a "did you mean" hint. */
  oneOf(field: string, value: string, allowed: ReadonlyArray<string>): void {
    if (allowed.includes(value)) return;
    const hint = closest(value, allowed);
    this.fail(
      field,
      `"${value}" is not one of ${allowed.join(", ")}`,
      hint ? `did you mean "${hint}"?` : `use one of ${allowed.join(", ")}`,
    );
  }

  /** An IPv4 CIDR block (`10.0.0.0/16`). */
  cidr(field: string, value: string): void {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    const ok = (m?.slice(1, 5).every((o) => Number(o) <= 255) ?? false) && Number(m?.[5]) <= 32;
    if (!ok) this.fail(field, `"${value}" is not an IPv4 CIDR block`, 'write it as "a.b.c.d/n"');
  }

  /** A list of CIDRs that never opens the endpoint to the whole internet. */
  restrictedCidrs(field: string, values: ReadonlyArray<string>): void {
    values.forEach((v, i) => {
      if (v === "::/0")
        this.fail(`${field}[${i}]`, "::/0 opens the endpoint to the internet", "list your ranges");
      this.cidr(`${field}[${i}]`, v);
      if (v.endsWith("/0")) {
        this.fail(
          `${field}[${i}]`,
          `${v} opens the control plane to the whole internet (CIS GKE 5.6.3, CIS EKS 5.4.1)`,
          "list the office, VPN or CI ranges that need access",
        );
      }
    });
  }

  /** No duplicates in `values`. */
  unique(field: string, values: ReadonlyArray<string>): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) this.fail(`${field}[${i}]`, `"${v}" appears twice`, "give each entry once");
      seen.add(v);
    });
  }
}
