import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type WorkloadProfileInput, WorkloadProfileSchema } from "../../../policies/placement/profile.js";
import { resolveWorkload } from "../../../policies/placement/resolve.js";
import type { Workload } from "../../../policies/placement/workload.js";

/** Absolute path of a workload fixture. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/workloads/${name}`, import.meta.url));
}

/** A workload fixture's raw profile. */
export function fixture(name: string): WorkloadProfileInput {
  return parse(readFileSync(fixturePath(name), "utf8")) as WorkloadProfileInput;
}

/** Parses and resolves a profile. */
export function workloadOf(input: WorkloadProfileInput): Workload {
  return resolveWorkload(WorkloadProfileSchema.parse(input));
}
