import type { SchemaError } from "./builtinSchemas.js";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kinds whose names must be DNS-1123 labels (they become DNS names or label values). */
const LABEL_NAMED = new Set(["Namespace", "Service", "LeaderWorkerSet", "StatefulSet"]);

/**
 * Checks the API server applies to metadata that the OpenAPI schema cannot express: name
 * syntax (apimachinery `IsDNS1123Subdomain` / `IsDNS1123Label`) and label syntax
 * (`IsQualifiedName`, `IsValidLabelValue`). A name that is absent is left to the provider's
 * autonaming and is not an error.
 */
export function metadataErrors(kind: string, body: Record<string, unknown>): SchemaError[] {
  const errors: SchemaError[] = [];
  const metadata = body.metadata as Record<string, unknown> | undefined;
  if (!metadata || typeof metadata !== "object") return errors;
  const name = metadata.name;
  if (typeof name === "string") {
    const asLabel = LABEL_NAMED.has(kind);
    const ok = asLabel
      ? DNS1123_LABEL.test(name) && name.length <= 63
      : DNS1123_SUBDOMAIN.test(name) && name.length <= 253;
    if (!ok) {
      errors.push({
        instancePath: "/metadata/name",
        keyword: "name",
        params: {},
        message: asLabel
          ? `"${name}" is not a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending alphanumeric`
          : `"${name}" is not a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253`,
      });
    }
  }
  const labels = metadata.labels;
  if (labels && typeof labels === "object") {
    for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
      const slash = key.lastIndexOf("/");
      const prefix = slash >= 0 ? key.slice(0, slash) : "";
      const local = slash >= 0 ? key.slice(slash + 1) : key;
      const keyOk =
        LABEL_NAME.test(local) &&
        local.length <= 63 &&
        (prefix === "" || (DNS1123_SUBDOMAIN.test(prefix) && prefix.length <= 253));
      if (!keyOk) {
        errors.push({
          instancePath: `/metadata/labels/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`,
          keyword: "labelKey",
          params: {},
          message: `label key "${key}" is not a qualified name ([prefix/]name, name at most 63 characters)`,
        });
      }
      if (typeof value === "string" && (!LABEL_VALUE.test(value) || value.length > 63)) {
        errors.push({
          instancePath: `/metadata/labels/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`,
          keyword: "labelValue",
          params: {},
          message: `label value "${value}" is invalid: at most 63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric`,
        });
      }
    }
  }
  return errors;
}
