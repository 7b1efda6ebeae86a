import type { PolicyResource } from "@pulumi/policy";
import { LWS_TYPE, objectRef } from "../lib/pods.js";
import { at, num, rec } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

const WORKLOADS = new Set(["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", LWS_TYPE]);
const LWS_NAME = "leaderworkerset.sigs.k8s.io/name";

function selects(pdb: PolicyResource, labels: Record<string, unknown>): boolean {
  const match = rec(at(pdb.props, "spec", "selector", "matchLabels"));
  if (!match || Object.keys(match).length === 0) return false;
  return Object.entries(match).every(([k, v]) => labels[k] === v);
}

/** REL-02: replicated inference workloads have a matching PDB, sized for LeaderWorkerSet groups. */
export const rel02PdbCoverage = stackRule({
  name: "rel-02-pdb-coverage",
  description:
    "Workloads with 2+ replicas have a matching PodDisruptionBudget that still allows an eviction; LeaderWorkerSet PDBs count whole groups; no PDB at 1 replica.",
  guard: {
    checklistId: "REL-02",
    priority: "P1",
    sources: [
      "kube-score deployment-has-poddisruptionbudget",
      "Polaris missingPodDisruptionBudget",
      "LWS API (leaderworkerset.sigs.k8s.io/name)",
      "pdb-operator#81/#82 (third-party)",
    ],
    exceptions: "none",
  },
  defaults: {},
  check: (resources, _config, report) => {
    const pdbs = resources.filter((r) => r.type === "kubernetes:policy/v1:PodDisruptionBudget");
    for (const w of resources) {
      if (!WORKLOADS.has(w.type)) continue;
      const ref = objectRef(w.props, w.name);
      const lws = w.type === LWS_TYPE;
      const replicas = num(at(w.props, "spec", "replicas")) ?? 1;
      const size = lws ? (num(at(w.props, "spec", "leaderWorkerTemplate", "size")) ?? 1) : 1;
      const podLabels = lws
        ? {
            ...(rec(at(w.props, "spec", "leaderWorkerTemplate", "workerTemplate", "metadata", "labels")) ??
              {}),
            [LWS_NAME]: ref.name,
          }
        : (rec(at(w.props, "spec", "template", "metadata", "labels")) ?? {});
      const matching = pdbs.filter(
        (p) => objectRef(p.props, p.name).namespace === ref.namespace && selects(p, podLabels),
      );
      const pods = replicas * size;
      if (replicas >= 2 && matching.length === 0) {
        report(
          `${label(w)} runs ${replicas} replicas without a PodDisruptionBudget: add one selecting ${lws ? `${LWS_NAME}: ${ref.name}` : "its pod labels"} with maxUnavailable: ${lws ? size : 1}.`,
          w.urn,
        );
      }
      for (const p of matching) {
        const minAvailable = num(at(p.props, "spec", "minAvailable"));
        const maxUnavailable = at(p.props, "spec", "maxUnavailable");
        if (replicas < 2 && ((minAvailable !== undefined && minAvailable >= 1) || maxUnavailable === 0)) {
          report(
            `${label(p)} protects ${label(w)}, which has one replica: it blocks every drain. Remove the PDB at replicas: 1.`,
            p.urn,
          );
        } else if (minAvailable !== undefined && minAvailable >= pods) {
          report(
            `${label(p)} minAvailable ${minAvailable} >= the ${pods} pods of ${label(w)}: no eviction is ever allowed.`,
            p.urn,
          );
        } else if (
          lws &&
          minAvailable !== undefined &&
          (minAvailable % size !== 0 || minAvailable > (replicas - 1) * size)
        ) {
          report(
            `${label(p)} minAvailable ${minAvailable} is not a whole number of ${size}-pod groups at most ${(replicas - 1) * size}: set it to a multiple of the group size.`,
            p.urn,
          );
        }
      }
    }
  },
});
