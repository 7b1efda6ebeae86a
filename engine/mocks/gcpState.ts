import { OFFLINE_CA_BASE64 } from "./certificate.js";
import { type OfflineCloud, shortHash } from "./context.js";

type Inputs = Record<string, unknown>;
type StateFn = (name: string, inputs: Inputs, cloud: OfflineCloud) => Inputs;

const project = (inputs: Inputs, cloud: OfflineCloud) => String(inputs.project ?? cloud.gcpProject);
const named = (name: string, inputs: Inputs) => (typeof inputs.name === "string" ? inputs.name : name);
const location = (inputs: Inputs, cloud: OfflineCloud) =>
  String(inputs.location ?? inputs.region ?? cloud.gcpRegion);

/** Provider-computed outputs of the Google Cloud resources our components use. */
export const gcpState: Record<string, StateFn> = {
  "gcp:container/cluster:Cluster": (name, inputs, cloud) => {
    const privateEndpoint = `10.${Number.parseInt(shortHash(name, 2), 16) % 250}.0.2`;
    return {
      name: named(name, inputs),
      project: project(inputs, cloud),
      location: location(inputs, cloud),
      endpoint: privateEndpoint,
      masterAuth: { clusterCaCertificate: OFFLINE_CA_BASE64, clientCertificate: "", clientKey: "" },
      privateClusterConfig: { ...(inputs.privateClusterConfig as Inputs | undefined), privateEndpoint },
      selfLink: `https://container.googleapis.com/v1/projects/${project(inputs, cloud)}/locations/${location(inputs, cloud)}/clusters/${named(name, inputs)}`,
      masterVersion: "1.33.5-gke.1000000",
      operation: null,
    };
  },
  "gcp:container/nodePool:NodePool": (name, inputs, cloud) => ({
    name: named(name, inputs),
    project: project(inputs, cloud),
    instanceGroupUrls: [
      `https://www.googleapis.com/compute/v1/projects/${project(inputs, cloud)}/zones/${cloud.gcpRegion}-a/instanceGroupManagers/gke-${shortHash(name, 8)}-grp`,
    ],
  }),
  "gcp:serviceaccount/account:Account": (name, inputs, cloud) => {
    const accountId = String(inputs.accountId ?? name);
    const email = `${accountId}@${project(inputs, cloud)}.iam.gserviceaccount.com`;
    return {
      email,
      member: `serviceAccount:${email}`,
      name: `projects/${project(inputs, cloud)}/serviceAccounts/${email}`,
      uniqueId: String(100000000000000000000n + BigInt(`0x${shortHash(name, 15)}`)),
    };
  },
  "gcp:kms/keyRing:KeyRing": (name, inputs, cloud) => ({
    name: named(name, inputs),
    id: `projects/${project(inputs, cloud)}/locations/${location(inputs, cloud)}/keyRings/${named(name, inputs)}`,
  }),
  "gcp:kms/cryptoKey:CryptoKey": (name, inputs) => ({
    name: named(name, inputs),
    id: `${String(inputs.keyRing)}/cryptoKeys/${named(name, inputs)}`,
  }),
  "gcp:compute/network:Network": (name, inputs, cloud) => ({
    name: named(name, inputs),
    selfLink: `https://www.googleapis.com/compute/v1/projects/${project(inputs, cloud)}/global/networks/${named(name, inputs)}`,
  }),
  "gcp:compute/subnetwork:Subnetwork": (name, inputs, cloud) => ({
    name: named(name, inputs),
    selfLink: `https://www.googleapis.com/compute/v1/projects/${project(inputs, cloud)}/regions/${String(inputs.region ?? cloud.gcpRegion)}/subnetworks/${named(name, inputs)}`,
    gatewayAddress: "10.0.0.1",
  }),
  "gcp:compute/router:Router": (name, inputs) => ({ name: named(name, inputs) }),
  "gcp:compute/routerNat:RouterNat": (name, inputs) => ({ name: named(name, inputs) }),
  "gcp:cloudrunv2/service:Service": (name, inputs, cloud) => {
    const svc = named(name, inputs);
    return {
      name: svc,
      uri: `https://${svc}-${shortHash(name, 10)}-uc.a.run.app`,
      urls: [`https://${svc}-${cloud.gcpProjectNumber}.${location(inputs, cloud)}.run.app`],
      latestReadyRevision: `${svc}-00001-${shortHash(name, 3)}`,
      conditions: [{ type: "Ready", state: "CONDITION_SUCCEEDED" }],
    };
  },
  "gcp:storage/bucket:Bucket": (name, inputs) => ({
    name: named(name, inputs),
    url: `gs://${named(name, inputs)}`,
    selfLink: `https://www.googleapis.com/storage/v1/b/${named(name, inputs)}`,
  }),
  "gcp:projects/iAMCustomRole:IAMCustomRole": (name, inputs, cloud) => ({
    name: `projects/${project(inputs, cloud)}/roles/${String(inputs.roleId ?? name)}`,
    deleted: false,
  }),
  "gcp:secretmanager/secret:Secret": (name, inputs, cloud) => ({
    name: `projects/${cloud.gcpProjectNumber}/secrets/${String(inputs.secretId ?? name)}`,
  }),
  "gcp:artifactregistry/repository:Repository": (name, inputs, cloud) => ({
    name: `projects/${project(inputs, cloud)}/locations/${location(inputs, cloud)}/repositories/${String(inputs.repositoryId ?? name)}`,
  }),
};
