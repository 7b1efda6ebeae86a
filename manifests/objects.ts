import type { RecordedResource } from "../engine/types.js";
import type { KubernetesObject } from "./types.js";

/**
 * The Kubernetes objects among a program's resources: custom resources whose token is
 * `kubernetes:<group>/<version>:<Kind>`. Components (ConfigGroup, Chart v3) are skipped because
 * the objects they render are recorded as their children; Helm releases and v4 charts are opaque
 * (they render inside the provider), so they are not objects here.
 */
export function kubernetesObjects(resources: ReadonlyArray<RecordedResource>): KubernetesObject[] {
  const out: KubernetesObject[] = [];
  for (const r of resources) {
    if (!r.custom || r.read) continue;
    const match = /^kubernetes:([^:]+)\/([^/:]+):([A-Za-z0-9]+)$/.exec(r.type);
    if (!match) continue;
    const [, group, version, kind] = match as unknown as [string, string, string, string];
    if (group === "helm.sh" || group === "yaml") continue;
    const apiVersion = group === "core" ? version : `${group}/${version}`;
    out.push({ urn: r.urn, type: r.type, apiVersion, kind, body: { ...r.inputs, apiVersion, kind } });
  }
  return out;
}
