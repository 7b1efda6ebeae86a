/** One way an object would be rejected by the API server (or by its CRD's schema). */
export interface ValidationError {
  /** URN of the Pulumi resource that declares the object. */
  resource: string;
  /** Field path inside the object, e.g. `spec.leaderWorkerTemplate.size`. */
  path: string;
  /** What is wrong, e.g. `must be integer`. */
  message: string;
}

/** A Kubernetes object declared by a program, with where it came from. */
export interface KubernetesObject {
  urn: string;
  /** Pulumi type token, `kubernetes:<group>/<version>:<Kind>`. */
  type: string;
  apiVersion: string;
  kind: string;
  /** The object as the provider would send it to the API server. */
  body: Record<string, unknown>;
}

/** The outcome of validating every Kubernetes object of a program. */
export interface ManifestReport {
  errors: ValidationError[];
  /** Objects checked against a schema. */
  validated: number;
  /** Objects of kinds with no schema available offline (third-party CRDs), by URN, with why. */
  unvalidated: { resource: string; reason: string }[];
}
