import { relative, resolve } from "node:path";
import { InputError } from "../../common/inputError.js";
import { findProject, readYamlFile } from "../../engine/project.js";
import { readStackConfig } from "../../engine/stackConfig.js";
import type { ProfileSource } from "./resolve.js";
import { withProfileFileTrace } from "./traceTraffic.js";

/** The stack config key that holds a stack's workload profile. */
export const WORKLOAD_CONFIG_KEY = "inferplane:workload";

/** A raw workload profile and where it came from. */
export interface LoadedProfile {
  raw: unknown;
  where: Required<Pick<ProfileSource, "file">> & ProfileSource;
}

/**
 * Reads a standalone workload profile YAML file. When it names a trace (`traffic.trace`, relative to
 * the file's directory), the trace's traffic is filled in where the profile is silent (see
 * `withProfileTrace`). Throws {@link InputError} if missing, not YAML, or the trace is unreadable.
 */
export function loadWorkloadFile(path: string, cwd = process.cwd()): LoadedProfile {
  const absolute = resolve(cwd, path);
  const file = relative(cwd, absolute) || absolute;
  const raw = readYamlFile(absolute, file);
  if (raw === null || raw === undefined) {
    throw new InputError(
      `${file}: the file is empty. Fix: write a workload profile (see docs/placement.md)`,
      { file },
    );
  }
  return { raw: withProfileFileTrace(raw, { file }, absolute), where: { file } };
}

/**
 * Reads the `inferplane:workload` profile of a stack of the project found from `cwd`, with a named
 * trace's traffic filled in (paths relative to the stack file's directory).
 */
export function loadStackWorkload(stack: string, cwd = process.cwd()): LoadedProfile {
  const config = readStackConfig(findProject(cwd), stack);
  const raw = config.structured[WORKLOAD_CONFIG_KEY];
  const pathPrefix = `config.${WORKLOAD_CONFIG_KEY}`;
  if (raw === undefined) {
    throw new InputError(
      `${config.file}: ${pathPrefix}: missing; the stack has no workload profile. Fix: add ${WORKLOAD_CONFIG_KEY} with at least model and traffic (see docs/placement.md)`,
      { file: config.file, fieldPath: pathPrefix },
    );
  }
  const where = { file: config.file, pathPrefix };
  return { raw: withProfileFileTrace(raw, where, resolve(config.file)), where };
}
