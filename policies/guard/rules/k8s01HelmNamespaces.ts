import { at, isTrue, rec, str } from "../lib/values.js";
import { label, stackRule } from "../rule.js";
import { podSecurityConfig, podSecurityDefaults, podSecurityProblem } from "./k8s01PodSecurityLabels.js";

/**
 * K8S-01 backstop for Helm releases: a `helm.sh/v3` Release renders inside the provider, so no
 * policy sees its pods; the namespace's Pod Security admission labels are what stops them.
 */
export const k8s01HelmNamespaces = stackRule({
  name: "k8s-01-helm-release-namespace",
  description:
    "Every Helm release installs into a namespace the program declares with Pod Security labels (its pods are invisible to policies).",
  guard: {
    checklistId: "K8S-01",
    priority: "P0",
    sources: [
      "Pod Security Standards (kubernetes.io)",
      "Pulumi registry: helm/v3 Release embeds Helm (manifests escape resource policies)",
      "checklist §0 finding 4",
    ],
    exceptions:
      "namespaces managed outside the program, listed in `externalNamespaces`; `privilegedNamespaces` as for K8S-01",
  },
  config: {
    ...podSecurityConfig,
    externalNamespaces: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Namespaces labelled outside this program (their labels are trusted).",
    },
  },
  defaults: { ...podSecurityDefaults, externalNamespaces: [] as string[] },
  check: (resources, config, report) => {
    const namespaces = new Map<string, Record<string, unknown>>();
    for (const r of resources) {
      if (r.type !== "kubernetes:core/v1:Namespace") continue;
      const name = str(at(r.props, "metadata", "name")) ?? r.name;
      namespaces.set(name, rec(at(r.props, "metadata", "labels")) ?? {});
    }
    for (const r of resources) {
      if (r.type !== "kubernetes:helm.sh/v3:Release") continue;
      const ns = str(r.props.namespace) ?? "default";
      if (config.externalNamespaces.includes(ns)) continue;
      const labels = namespaces.get(ns);
      if (!labels) {
        report(
          `${label(r)} installs into namespace ${ns}${isTrue(r.props.createNamespace) ? " (createNamespace, unlabelled)" : ""}, ` +
            "which this program does not declare: its pods are invisible to policies, so declare the namespace with " +
            "pod-security.kubernetes.io/enforce labels (or list it in `externalNamespaces`).",
          r.urn,
        );
        continue;
      }
      const problem = podSecurityProblem(ns, labels, config);
      if (problem) report(`${label(r)}: ${problem}.`, r.urn);
    }
  },
});
