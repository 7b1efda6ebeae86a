import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { CrdVersionSchema } from "./crdSchema.js";
import { CRD_SOURCES } from "./crds/sources.js";

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator for a custom resource's `apiVersion` and `kind`, compiled with ajv from the
 * vendored CRD's openAPIV3Schema on first use. `strict: false` lets ajv skip the
 * `x-kubernetes-*` extensions; the integer formats the API server enforces are checked.
 */
export function crdValidator(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const source = CRD_SOURCES.find((s) => s.apiVersion === apiVersion && s.kind === kind);
  if (!source) return undefined;
  const crd = JSON.parse(readFileSync(source.schemaFile, "utf8")) as CrdVersionSchema;
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    // Meta-validating and optimising a 130 KB schema costs ~0.5 s and buys nothing at this size.
    validateSchema: false,
    code: { optimize: false },
    formats: {
      int32: {
        type: "number",
        validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
      },
      int64: { type: "number", validate: (n: number) => Number.isSafeInteger(n) },
      "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
    },
  });
  const validate = ajv.compile(crd.schema);
  compiled.set(key, validate);
  return validate;
}

/** Whether a CRD is vendored for this group (so an unknown kind in it is an error). */
export function isKnownCrdGroup(apiVersion: string): boolean {
  const group = apiVersion.split("/")[0];
  return CRD_SOURCES.some((s) => s.apiVersion.split("/")[0] === group);
}

export type { ErrorObject };
