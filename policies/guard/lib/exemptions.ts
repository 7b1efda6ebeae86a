import type { PolicyConfigSchema } from "@pulumi/policy";

/**
 * Namespaces that legitimately run privileged GPU infrastructure (checklist §2.3): the NVIDIA
 * GPU operator's operands and the device plugin need privileged pods, hostPath and hostPID.
 */
export const GPU_SYSTEM_NAMESPACES = ["gpu-operator", "nvidia-gpu-operator", "nvidia-device-plugin"];

/** Default workload allowlist: everything in the GPU system namespaces. */
export const DEFAULT_EXEMPT_WORKLOADS = GPU_SYSTEM_NAMESPACES.map((ns) => `${ns}/*`);

/** The `exemptWorkloads` config property shared by the pod rules. */
export const exemptWorkloadsSchema: PolicyConfigSchema["properties"] = {
  exemptWorkloads: {
    type: "array",
    items: { type: "string", pattern: "^[^/]+/[^/]+$" },
    default: DEFAULT_EXEMPT_WORKLOADS,
    description: "Workloads the rule skips, as namespace/name globs (e.g. gpu-operator/*).",
  },
};
