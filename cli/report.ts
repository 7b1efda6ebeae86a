import type { ManifestReport, ValidationError } from "../manifests/types.js";

/** A policy finding, as the guard pack reports it (the CrossGuard shape, plus where). */
export interface Violation {
  /** Policy name, e.g. `k8s-image-pinned`. */
  policy: string;
  enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
  /** URN of the offending resource, or the stack for stack-wide rules. */
  resource: string;
  message: string;
}

/** One resource in the preview, as CI scripts read it. */
export interface PreviewResource {
  type: string;
  name: string;
  urn: string;
  /** Parent URN; `null` for the root stack. */
  parent: string | null;
  /** Provider reference (`<urn>::<id>`) or `null` for default providers and components. */
  provider: string | null;
  custom: boolean;
  /** Inputs as registered; secret values are shown as `"[secret]"`. */
  inputs: Record<string, unknown>;
  dependencies: string[];
}

/**
 * The `inferplane preview --json` contract. Fields are only ever added; CI scripts may rely on
 * `resources`, `validationErrors`, `violations`, `decision` and `exitCode`.
 */
export interface PreviewReport {
  project: string;
  /** Stack whose config was used, or `null` when a program ran without one. */
  stack: string | null;
  /** Program path, relative to the working directory. */
  program: string;
  resources: PreviewResource[];
  validationErrors: ValidationError[];
  /** Guard pack findings; empty until a policy pack is evaluated. */
  violations: Violation[];
  /** The program's placement decision (its `decision` stack output), or `null` if it has none. */
  decision: unknown;
  /** The program's other stack outputs. */
  outputs: Record<string, unknown>;
  /** Checks that ran, e.g. `kubernetes-schemas`. */
  checks: string[];
  manifests: Pick<ManifestReport, "validated" | "unvalidated">;
  /** Things to know about this offline run (e.g. encrypted config replaced by stand-ins). */
  notes: string[];
  /**
   * Where the preview spent its time, in milliseconds: the offline engine run, Kubernetes schema
   * validation, and the guard pack (configuration and evaluation). Process start and module
   * loading are not included.
   */
  timingsMs: { engine: number; kubernetesSchemas: number; guardPack: number };
  /** 0 clean, 1 validation errors or mandatory violations. (Bad input exits 2 with no report.) */
  exitCode: 0 | 1;
}
