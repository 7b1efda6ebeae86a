/** Pod Security Standards levels (https://kubernetes.io/docs/concepts/security/pod-security-standards). */
export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"];

/**
 * Pod Security Admission version the labels pin. Pinning keeps a cluster upgrade from changing
 * what the namespace admits without a reviewed change here.
 */
export const POD_SECURITY_VERSION = "v1.33";

/**
 * Namespace labels that enforce `enforce` and audit and warn at `audit`. A namespace that must
 * enforce `privileged` (GPU operator, device plugin) still audits at `baseline`, so every pod
 * that needs the exception shows up in the audit log rather than passing silently.
 */
export function podSecurityLabels(enforce: string, audit: string = enforce): Record<string, string> {
  return {
    "pod-security.kubernetes.io/enforce": enforce,
    "pod-security.kubernetes.io/enforce-version": POD_SECURITY_VERSION,
    "pod-security.kubernetes.io/audit": audit,
    "pod-security.kubernetes.io/audit-version": POD_SECURITY_VERSION,
    "pod-security.kubernetes.io/warn": audit,
    "pod-security.kubernetes.io/warn-version": POD_SECURITY_VERSION,
  };
}
