import type * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

const IMAGE =
  "vllm/vllm-openai:v0.28.0@sha256:61fc8a896b0a4fbbbdc063bc4b0dbc25ce98e02b5050c24aeb7830ac02039b14";

/** Hardened regional GKE cluster args. */
export function gpuCluster(): gcp.container.ClusterArgs {
  return {
    location: "us-central1",
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
    databaseEncryption: {
      state: "ENCRYPTED",
      keyName: "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k",
    },
    workloadIdentityConfig: { workloadPool: "p.svc.id.goog" },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    datapathProvider: "ADVANCED_DATAPATH",
    releaseChannel: { channel: "REGULAR" },
    maintenancePolicy: { dailyMaintenanceWindow: { startTime: "03:00" } },
  };
}

/** A Spot L4 pool and its on-demand fallback. */
export function gpuPools(cluster: pulumi.Input<string>): Record<string, gcp.container.NodePoolArgs> {
  const nodeConfig = (spot: boolean): gcp.types.input.container.NodePoolNodeConfig => ({
    machineType: "g2-standard-8",
    guestAccelerators: [{ type: "nvidia-l4", count: 1 }],
    serviceAccount: "gke-nodes@p.iam.gserviceaccount.com",
    workloadMetadataConfig: { mode: "GKE_METADATA" },
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    spot,
  });
  const base = { cluster, location: "us-central1", nodeLocations: ["us-central1-a", "us-central1-b"] };
  return {
    "l4-spot": { ...base, nodeConfig: nodeConfig(true) },
    "l4-ondemand": { ...base, nodeConfig: nodeConfig(false) },
  };
}

/** Namespace, vLLM Deployment and PDB, hardened; `image` overrides the pinned image. */
export function servingObjects(provider: k8s.Provider, opts: { image?: string }): void {
  const labels = { app: "vllm" };
  const health = { httpGet: { path: "/health", port: 8000 } };
  new k8s.core.v1.Namespace(
    "llm",
    { metadata: { name: "llm", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } },
    { provider },
  );
  new k8s.apps.v1.Deployment(
    "vllm",
    {
      metadata: { name: "vllm", namespace: "llm" },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 2000,
              runAsGroup: 0,
              fsGroup: 0,
              seccompProfile: { type: "RuntimeDefault" },
            },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: labels },
              },
            ],
            containers: [
              {
                name: "vllm",
                image: opts.image ?? IMAGE,
                resources: {
                  requests: { cpu: "4", memory: "24Gi", "nvidia.com/gpu": "1" },
                  limits: { memory: "24Gi", "nvidia.com/gpu": "1" },
                },
                startupProbe: { ...health, periodSeconds: 10, failureThreshold: 180 },
                readinessProbe: { ...health, periodSeconds: 5 },
                livenessProbe: { ...health, periodSeconds: 15, failureThreshold: 4 },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
              },
            ],
          },
        },
      },
    },
    { provider },
  );
  new k8s.policy.v1.PodDisruptionBudget(
    "vllm",
    {
      metadata: { name: "vllm", namespace: "llm" },
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: labels },
        unhealthyPodEvictionPolicy: "AlwaysAllow",
      },
    },
    { provider },
  );
}
