type Inputs = Record<string, unknown>;

/** Kinds the API server keeps outside namespaces; everything else defaults to `default`. */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "StorageClass",
  "PriorityClass",
  "RuntimeClass",
  "IngressClass",
  "CSIDriver",
  "APIService",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ComputeClass",
]);

/** The kind of a `kubernetes:<group>/<version>:<Kind>` token, or undefined for other tokens. */
export function kubernetesKind(type: string): string | undefined {
  if (!type.startsWith("kubernetes:") || type.startsWith("kubernetes:helm.sh/")) return undefined;
  return type.slice(type.lastIndexOf(":") + 1);
}

/**
 * What the Kubernetes provider reports back for an applied object: the object with its name
 * (offline names are the logical name, without the random suffix a real run appends), its
 * namespace, and a uid. Helm releases report a deployed status, as a successful install would.
 */
export function kubernetesState(type: string, name: string, inputs: Inputs): Inputs {
  if (type === "kubernetes:helm.sh/v3:Release") {
    const releaseName = typeof inputs.name === "string" ? inputs.name : name;
    return {
      name: releaseName,
      status: {
        name: releaseName,
        namespace: inputs.namespace ?? "default",
        chart: inputs.chart,
        version: inputs.version,
        status: "deployed",
        revision: 1,
      },
    };
  }
  const kind = kubernetesKind(type);
  if (kind === undefined) return {};
  const metadata = (inputs.metadata ?? {}) as Inputs;
  return {
    metadata: {
      ...metadata,
      name: metadata.name ?? name,
      ...(CLUSTER_SCOPED.has(kind) ? {} : { namespace: metadata.namespace ?? "default" }),
      uid: `offline-${name}`,
    },
  };
}
