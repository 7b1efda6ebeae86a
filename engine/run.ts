import { existsSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { InputError, isInputError } from "../common/inputError.js";
import { armRegistrationGuard, takePrematureRegistrations } from "./guard.js";
import { offlineMocks } from "./mocks/index.js";
import { recordRegistrations } from "./recorder.js";
import { skipPromiseStackCapture } from "./sdkInternals.js";
import type { EngineRunResult, RecordedResource } from "./types.js";

/** A program to run offline: a module path, re-evaluated on every run, or a function. */
export type OfflineProgram = string | (() => unknown);

/** How to run a program on the offline engine. */
export interface OfflineRunOptions {
  /** Pulumi project name; config keys without a namespace belong to it. Default `inferplane`. */
  project?: string;
  /** Stack name the program sees through `pulumi.getStack()`. Default `offline`. */
  stack?: string;
  /** Flat config map (`<namespace>:<key>` to string), as the Pulumi CLI hands it to programs. */
  config?: Record<string, string>;
  /** Config keys whose values are secrets. */
  secretKeys?: string[];
  /** The program. */
  program: OfflineProgram;
}

/** A program failed while running; the message says where and why, without a stack trace. */
export class ProgramError extends InputError {}

let running = false;
let runCounter = 0;

/**
 * Runs a Pulumi program in-process against the offline mock engine and returns every resource
 * it registered. The runtime's state is global, so runs are serial: a second concurrent call is
 * refused rather than allowed to steal the first one's registrations. Each run installs fresh
 * mocks, a fresh recorder and its own config, runs the program inside a root Stack resource (as
 * the Pulumi CLI does), then drains every outstanding registration before returning.
 */
export async function runOffline(options: OfflineRunOptions): Promise<EngineRunResult> {
  if (running)
    throw new Error("runOffline is already running: the Pulumi runtime is global, so runs must be serial");
  running = true;
  const project = options.project ?? "inferplane";
  const stack = options.stack ?? "offline";
  const label = typeof options.program === "string" ? displayPath(options.program) : "program";
  try {
    const premature = takePrematureRegistrations();
    if (premature.length > 0) {
      throw new Error(
        `resources were registered before the offline engine started (${premature.join(", ")}): ` +
          "a program or component was constructed at import time. Pass it to runOffline instead.",
      );
    }
    if (typeof options.program === "string" && !existsSync(options.program)) {
      throw new InputError(
        `${label}: program file not found. Fix: give the path of a .ts or .js Pulumi program.`,
        {
          file: label,
        },
      );
    }
    skipPromiseStackCapture();
    pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
    await pulumi.runtime.setMocks(offlineMocks(), project, stack, false);
    const records: RecordedResource[] = [];
    recordRegistrations(records);

    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    let outputs: Record<string, unknown> = {};
    try {
      const result = await pulumi.runtime.runInPulumiStack(() => loadProgram(options.program));
      await pulumi.runtime.disconnect();
      outputs = (result ?? {}) as Record<string, unknown>;
    } catch (error) {
      await pulumi.runtime.disconnect().catch(() => undefined);
      throw asProgramError(error, label);
    } finally {
      // The SDK rejects some promises a second time after the program has seen the error;
      // Node reports those only after the microtask queue drains, so keep listening one turn.
      await new Promise((resolve) => setImmediate(resolve));
      process.off("unhandledRejection", onRejection);
    }
    const failure = failures[0];
    if (failure !== undefined) throw asProgramError(failure, label);
    rejectDuplicateUrns(records, label);
    return { project, stack, resources: records.sort((a, b) => compare(a.urn, b.urn)), outputs };
  } finally {
    await armRegistrationGuard();
    running = false;
  }
}

async function loadProgram(program: OfflineProgram): Promise<Record<string, unknown>> {
  if (typeof program === "function") {
    const value = await program();
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  }
  // A query string makes the module loader evaluate the program afresh on every run, so a
  // module-level resource never keeps the mocks or config of an earlier run (trap 12).
  const url = `${pathToFileURL(program).href}?inferplane-run=${++runCounter}`;
  const module = (await import(url)) as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(module)) {
    if (key !== "default" || value !== undefined) outputs[key] = value;
  }
  return outputs;
}

/**
 * The Pulumi engine refuses two resources with one URN (same type, name and parent type); the
 * mock monitor does not (trap 13), so the offline run checks it, as a real preview would fail.
 */
function rejectDuplicateUrns(records: ReadonlyArray<RecordedResource>, label: string): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.urn)) {
      throw new ProgramError(
        `${label}: two resources have the URN ${r.urn} (type ${r.type}, name "${r.name}"); the Pulumi engine rejects ` +
          "duplicates. Fix: give each resource a unique name, e.g. prefix children with the component's name.",
        { file: label },
      );
    }
    seen.add(r.urn);
  }
}

function asProgramError(error: unknown, label: string): InputError {
  if (isInputError(error)) return error;
  // Programs signal bad input with RunError (the Pulumi CLI prints it without a stack trace);
  // its message already says where the problem is.
  if (pulumi.RunError.isInstance(error)) return new ProgramError(error.message);
  const message = errorMessage(error);
  return new ProgramError(`${label}: the program failed: ${message}`, { file: label });
}

/** The most useful one-line message of an error from the SDK, a mock or the program. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const details = (error as Error & { details?: unknown }).details;
    const text = typeof details === "string" && details !== "" ? details : error.message;
    return text.split("\n")[0] ?? text;
  }
  return String(error);
}

function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
