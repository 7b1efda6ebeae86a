import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import type { CrdVersionSchema } from "./crdSchema.js";
import { CRD_SOURCES } from "./crds/sources.js";

const require = createRequire(import.meta.url);
// ajv's standalone module is CommonJS: the function is both `module.exports` and `.default`.
const standaloneCode = standalone.default;
const AJV_VERSION = (require("ajv/package.json") as { version: string }).version;
const OPTIONS = { allErrors: true, strict: false, logger: false, validateSchema: false } as const;
/** Where compiled validators are kept between runs: this package's own cache folder. */
export const CACHE_DIR = join(packageRoot(), "node_modules", ".cache", "inferplane");

/** The directory of this package's package.json, from the sources or from the compiled dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator for a custom resource's `apiVersion` and `kind`, from the vendored CRD's
 * openAPIV3Schema (`strict: false` lets ajv skip the `x-kubernetes-*` extensions; formats were
 * rewritten as bounds and patterns when the schema was cut). Compiling it costs ~0.13 s, so the
 * compiled code is cached in node_modules/.cache/inferplane, keyed by the schema, the ajv
 * version and the options; a cache that cannot be read or written is skipped, never trusted
 * blindly: a stale key simply misses.
 */
export function crdValidator(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const source = CRD_SOURCES.find((s) => s.apiVersion === apiVersion && s.kind === kind);
  if (!source) return undefined;
  const text = readFileSync(source.schemaFile, "utf8");
  const digest = createHash("sha256")
    .update(`${AJV_VERSION}\n${JSON.stringify(OPTIONS)}\n${text}`)
    .digest("hex");
  const cacheFile = join(CACHE_DIR, `${kind}-${digest.slice(0, 24)}.cjs`);
  const validate =
    fromCache(cacheFile) ?? compileAndCache((JSON.parse(text) as CrdVersionSchema).schema, cacheFile);
  compiled.set(key, validate);
  return validate;
}

/** A validator cached by an earlier run, or `undefined` when there is none. */
export function fromCache(file: string): ValidateFunction | undefined {
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const module = { exports: {} as unknown };
  // Standalone ajv code is a CommonJS module that requires only ajv's runtime helpers.
  new Function("require", "module", "exports", code)(require, module, module.exports);
  const validate = module.exports as ValidateFunction;
  return typeof validate === "function" ? validate : undefined;
}

function compileAndCache(schema: Record<string, unknown>, file: string): ValidateFunction {
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, optimize: false } });
  const validate = ajv.compile(schema);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, standaloneCode(ajv, validate));
    renameSync(temporary, file);
  } catch {
    // A read-only install still validates; it just compiles on every run.
  }
  return validate;
}

/** Whether a CRD is vendored for this group (so an unknown kind in it is an error). */
export function isKnownCrdGroup(apiVersion: string): boolean {
  const group = apiVersion.split("/")[0];
  return CRD_SOURCES.some((s) => s.apiVersion.split("/")[0] === group);
}
