import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

/**
 * Roles of the dedicated node service account: the minimum GKE nodes need (logging, monitoring,
 * metadata) and image pulls from Artifact Registry. Nothing else: workloads get their own
 * identities through Workload Identity (CIS GKE 5.2.1/5.2.2; t-g-k-e safer-cluster `sa.tf`).
 * https://cloud.google.com/kubernetes-engine/docs/how-to/service-accounts#default-gke-service-agent
 */
export const NODE_SERVICE_ACCOUNT_ROLES = [
  "roles/container.defaultNodeServiceAccount",
  "roles/artifactregistry.reader",
];

/** The node service account, with its roles granted. */
export interface NodeIdentity {
  email: pulumi.Output<string>;
  grants: pulumi.Resource[];
}

/** A dedicated, least-privilege node service account (never the Compute Engine default one). */
export function createNodeServiceAccount(
  name: string,
  project: pulumi.Input<string>,
  parent: pulumi.Resource,
): NodeIdentity {
  // Service account ids: 6-30 characters, a lowercase letter first, letters, digits and dashes.
  const stem = `n${name.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`.replace(/^n([a-z])/, "$1").slice(0, 19);
  const accountId = `${stem.replace(/-+$/, "")}-gke-nodes`;
  const account = new gcp.serviceaccount.Account(
    `${name}-nodes`,
    { project, accountId, displayName: `GKE nodes of ${name} (inferplane)` },
    { parent },
  );
  const grants = NODE_SERVICE_ACCOUNT_ROLES.map(
    (role) =>
      new gcp.projects.IAMMember(
        `${name}-nodes-${role.split("/")[1]?.replace(/\./g, "-")}`,
        { project, role, member: account.member },
        { parent },
      ),
  );
  return { email: account.email, grants };
}

/** The KMS key that encrypts Secrets in etcd, and the grant that lets GKE use it. */
export interface SecretsKey {
  keyName: pulumi.Output<string>;
  grant: pulumi.Resource | undefined;
}

/**
 * Application-layer Secret encryption (CIS GKE 5.3.1): a key ring in the cluster's region and a
 * key rotated every 90 days, usable by the project's GKE service agent only. With an existing key
 * the caller grants the service agent itself.
 * https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
 */
export function createSecretsKey(
  name: string,
  project: pulumi.Input<string>,
  projectNumber: pulumi.Input<string>,
  region: string,
  existingKeyName: string | undefined,
  parent: pulumi.Resource,
): SecretsKey {
  if (existingKeyName !== undefined) return { keyName: pulumi.output(existingKeyName), grant: undefined };
  const ring = new gcp.kms.KeyRing(`${name}-secrets`, { project, location: region }, { parent });
  const key = new gcp.kms.CryptoKey(
    `${name}-secrets`,
    { keyRing: ring.id, purpose: "ENCRYPT_DECRYPT", rotationPeriod: "7776000s" },
    { parent },
  );
  const grant = new gcp.kms.CryptoKeyIAMMember(
    `${name}-secrets-gke`,
    {
      cryptoKeyId: key.id,
      role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
      member: pulumi.interpolate`serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`,
    },
    { parent },
  );
  // Built from names rather than `key.id` so the value has the documented
  // `projects/P/locations/L/keyRings/R/cryptoKeys/K` shape whatever the provider's id format.
  const keyName = pulumi.interpolate`projects/${project}/locations/${region}/keyRings/${ring.name}/cryptoKeys/${key.name}`;
  return { keyName, grant };
}
