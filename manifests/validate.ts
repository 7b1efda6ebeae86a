import type { RecordedResource } from "../engine/types.js";
import { builtinModel, isBuiltinGroup, type SchemaError, validateWithModel } from "./builtinSchemas.js";
import { crdValidator, isKnownCrdGroup } from "./crdValidators.js";
import { metadataErrors } from "./metadataRules.js";
import { kubernetesObjects } from "./objects.js";
import type { ManifestReport, ValidationError } from "./types.js";

/**
 * Validates every Kubernetes object a program declares: built-in kinds against the upstream
 * OpenAPI schema (kubernetes-models), vendored CRDs (LeaderWorkerSet) against their
 * openAPIV3Schema (ajv), and metadata against the API server's name and label rules.
 */
export async function validateManifests(resources: ReadonlyArray<RecordedResource>): Promise<ManifestReport> {
  const report: ManifestReport = { errors: [], validated: 0, unvalidated: [] };
  for (const object of kubernetesObjects(resources)) {
    const schemaErrors = schemaErrorsFor(object.apiVersion, object.kind, object.body);
    if (schemaErrors === undefined) {
      report.unvalidated.push({
        resource: object.urn,
        reason: `no schema for ${object.apiVersion} ${object.kind} offline (third-party CRD)`,
      });
      continue;
    }
    report.validated++;
    for (const e of [...schemaErrors, ...metadataErrors(object.kind, object.body)]) {
      report.errors.push(toValidationError(object.urn, e));
    }
  }
  return report;
}

function schemaErrorsFor(
  apiVersion: string,
  kind: string,
  body: Record<string, unknown>,
): SchemaError[] | undefined {
  const crd = crdValidator(apiVersion, kind);
  if (crd) return crd(body) ? [] : ((crd.errors ?? []) as SchemaError[]);
  const model = builtinModel(apiVersion, kind);
  if (model) return validateWithModel(model, body);
  if (isBuiltinGroup(apiVersion) || isKnownCrdGroup(apiVersion)) {
    return [
      {
        instancePath: "",
        keyword: "kind",
        params: {},
        message: `${apiVersion} has no kind ${kind}: check apiVersion and kind`,
      },
    ];
  }
  return undefined;
}

/** Turns an ajv error into our contract: a dotted field path and a message that names it. */
export function toValidationError(resource: string, e: SchemaError): ValidationError {
  const segments = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  const missing = e.keyword === "required" ? String(e.params.missingProperty) : undefined;
  if (missing) segments.push(missing);
  const path = dotted(segments);
  let message = e.message ?? e.keyword;
  if (missing) message = "required field is missing";
  else if (e.keyword === "enum" && Array.isArray(e.params.allowedValues)) {
    message = `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (e.keyword === "additionalProperties" && e.params.additionalProperty) {
    message = `unknown field "${String(e.params.additionalProperty)}"`;
  }
  return { resource, path, message: `${path}: ${message}` };
}

function dotted(segments: string[]): string {
  let out = "";
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === "" ? "(object)" : out;
}
