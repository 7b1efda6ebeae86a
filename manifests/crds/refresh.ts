/**
 * Regenerates the JSON schema kept beside each vendored CRD:
 *   npx tsx manifests/crds/refresh.ts
 * Run it after replacing a CRD YAML file; the drift test fails until you do.
 */
import { writeFileSync } from "node:fs";
import { extractCrdSchema } from "../crdSchema.js";
import { CRD_SOURCES } from "./sources.js";

for (const source of CRD_SOURCES) {
  const extracted = extractCrdSchema(source.crdFile, source.version);
  writeFileSync(source.schemaFile, `${JSON.stringify(extracted)}\n`);
  console.log(`wrote ${source.schemaFile}`);
}
