import { GPU_SYSTEM_NAMESPACES } from "../lib/exemptions.js";
import { at, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const LEVELS = ["privileged", "baseline", "restricted"];

/** The Pod Security problem with a namespace's labels, or `undefined` when they are acceptable. */
export function podSecurityProblem(
  name: string,
  labels: Record<string, unknown>,
  config: { privilegedNamespaces: string[]; restrictedNamespacePattern: string },
): string | undefined {
  const enforce = str(labels["pod-security.kubernetes.io/enforce"]);
  if (!enforce || !LEVELS.includes(enforce)) {
    return `namespace ${name} has no valid pod-security.kubernetes.io/enforce label (${enforce ?? "missing"}): set it to "restricted" (or "baseline" for non-inference namespaces)`;
  }
  if (enforce === "privileged" && !config.privilegedNamespaces.includes(name)) {
    return `namespace ${name} enforces "privileged": only GPU system namespaces (${config.privilegedNamespaces.join(", ")}) may; use "restricted" or add it to \`privilegedNamespaces\``;
  }
  if (enforce !== "restricted" && new RegExp(config.restrictedNamespacePattern).test(name)) {
    return `namespace ${name} serves inference but enforces "${enforce}": set pod-security.kubernetes.io/enforce = "restricted"`;
  }
  return undefined;
}

/** Config shared with the Helm-release backstop. */
export const podSecurityConfig = {
  privilegedNamespaces: {
    type: "array" as const,
    items: { type: "string" as const },
    default: GPU_SYSTEM_NAMESPACES,
    description: "Namespaces allowed to enforce the privileged level (GPU operator, device plugin).",
  },
  restrictedNamespacePattern: {
    type: "string" as const,
    default: "^(llm|inference|serving|vllm|model)(-|$)",
    description: "Regular expression for inference namespaces, which must enforce restricted.",
  },
};

export const podSecurityDefaults = {
  privilegedNamespaces: GPU_SYSTEM_NAMESPACES,
  restrictedNamespacePattern: "^(llm|inference|serving|vllm|model)(-|$)",
};

/** K8S-01: Pod Security admission labels on every namespace the program creates. */
export const k8s01PodSecurityLabels = resourceRule({
  name: "k8s-01-pod-security-labels",
  description:
    "Namespaces enforce Pod Security: restricted for inference, at least baseline elsewhere, privileged only for GPU system namespaces.",
  guard: {
    checklistId: "K8S-01",
    priority: "P0",
    sources: [
      "Pod Security Standards (kubernetes.io)",
      "NVIDIA gpu-operator psa.enabled",
      "device-plugin OpenShift manifest",
    ],
    exceptions: "`privilegedNamespaces` (default gpu-operator, nvidia-gpu-operator, nvidia-device-plugin)",
  },
  config: podSecurityConfig,
  defaults: podSecurityDefaults,
  types: ["kubernetes:core/v1:Namespace"],
  check: (props, ctx, report) => {
    const name = str(at(props, "metadata", "name")) ?? ctx.name;
    const problem = podSecurityProblem(name, rec(at(props, "metadata", "labels")) ?? {}, ctx.config);
    if (problem) report(`${problem}.`);
  },
});
