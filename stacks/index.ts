/**
 * The inferplane program: one stack per environment (`stacks/Pulumi.<stack>.yaml`).
 *
 * Today it deploys a vLLM OpenAI-compatible server onto an existing GPU cluster through an
 * explicit Kubernetes provider, with the secure defaults every later component keeps: a Pod
 * Security "restricted" namespace, a pinned image, a non-root read-only container, probes sized
 * for model loading, a disruption budget and a default-deny ingress policy. The placement
 * decision and the cluster components plug in here as they land.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "./config.js";

const config = loadStackConfig();
const service = config.service;
const port = 8000;
const labels = { "app.kubernetes.io/name": "vllm", "app.kubernetes.io/instance": pulumi.getStack() };

const provider = new k8s.Provider("cluster", {
  ...(config.kubernetes.context ? { context: config.kubernetes.context } : {}),
  enableServerSideApply: true,
});
const opts = { provider };

const namespace = new k8s.core.v1.Namespace(
  "serving",
  {
    metadata: {
      name: config.namespace,
      labels: {
        // vLLM runs as a non-root user with no extra capabilities, so "restricted" holds.
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "v1.33",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/warn": "restricted",
      },
    },
  },
  opts,
);
const ns = namespace.metadata.name;

const serviceAccount = new k8s.core.v1.ServiceAccount(
  "vllm",
  { metadata: { name: "vllm", namespace: ns, labels }, automountServiceAccountToken: false },
  opts,
);

const health = { httpGet: { path: "/health", port: "http" } };
const deployment = new k8s.apps.v1.Deployment(
  "vllm",
  {
    metadata: { name: "vllm", namespace: ns, labels },
    spec: {
      replicas: service.replicas,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: serviceAccount.metadata.name,
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 60,
          // The vLLM image is prepared for UID 2000 in group 0 (vLLM docs, docker.md).
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 2000,
            runAsGroup: 0,
            fsGroup: 0,
            seccompProfile: { type: "RuntimeDefault" },
          },
          tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
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
              image: service.image,
              args: [
                "--model",
                service.model,
                "--port",
                String(port),
                "--tensor-parallel-size",
                String(service.gpusPerReplica),
                "--max-model-len",
                String(service.maxModelLen),
              ],
              env: [{ name: "HF_HOME", value: "/cache/huggingface" }],
              ports: [{ name: "http", containerPort: port, protocol: "TCP" }],
              resources: {
                requests: {
                  cpu: `${4 * service.gpusPerReplica}`,
                  memory: `${24 * service.gpusPerReplica}Gi`,
                  "nvidia.com/gpu": `${service.gpusPerReplica}`,
                },
                limits: {
                  memory: `${24 * service.gpusPerReplica}Gi`,
                  "nvidia.com/gpu": `${service.gpusPerReplica}`,
                },
              },
              // Loading weights takes minutes; the startup probe allows 30 min before liveness applies.
              startupProbe: { ...health, periodSeconds: 10, failureThreshold: 180 },
              readinessProbe: { ...health, periodSeconds: 5, failureThreshold: 3 },
              livenessProbe: { ...health, periodSeconds: 15, failureThreshold: 4 },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ["ALL"] },
              },
              volumeMounts: [
                { name: "cache", mountPath: "/cache" },
                { name: "tmp", mountPath: "/tmp" },
                { name: "dshm", mountPath: "/dev/shm" },
              ],
            },
          ],
          volumes: [
            { name: "cache", emptyDir: { sizeLimit: "200Gi" } },
            { name: "tmp", emptyDir: { sizeLimit: "8Gi" } },
            // NCCL and PyTorch workers share tensors through /dev/shm.
            { name: "dshm", emptyDir: { medium: "Memory", sizeLimit: "16Gi" } },
          ],
        },
      },
    },
  },
  opts,
);

const svc = new k8s.core.v1.Service(
  "vllm",
  {
    metadata: { name: "vllm", namespace: ns, labels },
    spec: { type: "ClusterIP", selector: labels, ports: [{ name: "http", port, targetPort: "http" }] },
  },
  opts,
);

new k8s.policy.v1.PodDisruptionBudget(
  "vllm",
  {
    metadata: { name: "vllm", namespace: ns, labels },
    // AlwaysAllow: a pod stuck unready (say, a failed weight download) must not block a node drain.
    spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: "AlwaysAllow", selector: { matchLabels: labels } },
  },
  opts,
);

new k8s.networking.v1.NetworkPolicy(
  "vllm-ingress",
  {
    metadata: { name: "vllm-ingress", namespace: ns, labels },
    spec: {
      podSelector: { matchLabels: labels },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            { podSelector: {} },
            ...(service.allowedClientNamespaces.length > 0
              ? [
                  {
                    namespaceSelector: {
                      matchExpressions: [
                        {
                          key: "kubernetes.io/metadata.name",
                          operator: "In",
                          values: service.allowedClientNamespaces,
                        },
                      ],
                    },
                  },
                ]
              : []),
          ],
          ports: [{ port: "http", protocol: "TCP" }],
        },
      ],
    },
  },
  opts,
);

export const namespaceName = ns;
export const deploymentName = deployment.metadata.name;
export const endpoint = pulumi.interpolate`http://${svc.metadata.name}.${ns}.svc.cluster.local:${port}/v1`;
