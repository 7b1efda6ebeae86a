import { fileURLToPath } from "node:url";

/** A vendored CustomResourceDefinition and the schema JSON cut from it. */
export interface CrdSource {
  /** `apiVersion` of the objects it validates. */
  apiVersion: string;
  kind: string;
  version: string;
  /** The upstream CRD, unchanged. */
  crdFile: string;
  /** Output of `extractCrdSchema(crdFile, version)`, committed. */
  schemaFile: string;
  /** Where the CRD came from. */
  upstream: string;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** CRDs whose objects the offline preview validates. */
export const CRD_SOURCES: readonly CrdSource[] = [
  {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    version: "v1",
    crdFile: here("./lws/leaderworkerset.x-k8s.io_leaderworkersets.v0.10.0.yaml"),
    schemaFile: here("./lws/leaderworkerset.v1.schema.json"),
    upstream:
      "kubernetes-sigs/lws v0.10.0, config/crd/bases/leaderworkerset.x-k8s.io_leaderworkersets.yaml (Apache-2.0, see LICENSE)",
  },
];
