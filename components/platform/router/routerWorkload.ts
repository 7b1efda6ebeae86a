import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { routerDigest, routerFiles } from "./bundle.js";

/** Settings of the router's Kubernetes objects. */
export interface RouterWorkloadSettings {
  provider: k8s.Provider;
  /** Namespace of the model server (Pod Security `restricted`). */
  namespace: pulumi.Input<string>;
  /** Router image (Node.js 22+) pinned by digest. */
  image: string;
  baseUrl: pulumi.Input<string>;
  overflowUrl: pulumi.Input<string>;
  overflowAuth: "none" | "google-id-token";
  queueDepth: number;
  /** Annotations of the router's ServiceAccount (e.g. the GKE Workload Identity binding). */
  serviceAccountAnnotations: Record<string, pulumi.Input<string>>;
  allowedClientNamespaces: string[];
  parent: pulumi.Resource;
  dependsOn: pulumi.Resource[];
}

/** Name of the router's ServiceAccount, Deployment and Service. */
export const ROUTER_NAME = "llm-router";
/** Port the router listens on. */
export const ROUTER_PORT = 8080;

/**
 * The router as hardened Kubernetes objects: its code in a ConfigMap, a ServiceAccount without a
 * token, two replicas spread over zones, a disruption budget, a ClusterIP Service and an ingress
 * policy admitting only the model server's namespace and the allowed client namespaces.
 */
export function createRouterWorkload(name: string, s: RouterWorkloadSettings) {
  const opts = { provider: s.provider, parent: s.parent, dependsOn: s.dependsOn };
  const labels = { "app.kubernetes.io/name": ROUTER_NAME, "app.kubernetes.io/part-of": "inferplane" };
  const meta = (n: string) => ({ name: n, namespace: s.namespace, labels });
  const code = new k8s.core.v1.ConfigMap(
    `${name}-router-code`,
    { metadata: meta(`${ROUTER_NAME}-code`), data: { ...routerFiles() } },
    opts,
  );
  const account = new k8s.core.v1.ServiceAccount(
    `${name}-router`,
    {
      metadata: { ...meta(ROUTER_NAME), annotations: s.serviceAccountAnnotations },
      automountServiceAccountToken: false,
    },
    opts,
  );
  const health = { httpGet: { path: "/healthz", port: "http" } };
  const deployment = new k8s.apps.v1.Deployment(
    `${name}-router`,
    {
      metadata: meta(ROUTER_NAME),
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels, annotations: { "inferplane.dev/router-code": routerDigest() } },
          spec: {
            serviceAccountName: account.metadata.name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 30,
            securityContext: {
              runAsNonRoot: true,
              // The official node image's `node` user.
              runAsUser: 1000,
              runAsGroup: 1000,
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
                name: "router",
                image: s.image,
                command: ["node", "/router/server.js"],
                env: [
                  { name: "ROUTER_BASE_URL", value: s.baseUrl },
                  { name: "ROUTER_OVERFLOW_URL", value: s.overflowUrl },
                  { name: "ROUTER_OVERFLOW_AUTH", value: s.overflowAuth },
                  { name: "ROUTER_QUEUE_DEPTH", value: String(s.queueDepth) },
                  { name: "ROUTER_PORT", value: String(ROUTER_PORT) },
                ],
                ports: [{ name: "http", containerPort: ROUTER_PORT, protocol: "TCP" }],
                resources: {
                  requests: { cpu: "250m", memory: "256Mi" },
                  limits: { memory: "512Mi" },
                },
                readinessProbe: { ...health, periodSeconds: 5, failureThreshold: 3 },
                livenessProbe: { ...health, periodSeconds: 15, failureThreshold: 4 },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                volumeMounts: [{ name: "code", mountPath: "/router", readOnly: true }],
              },
            ],
            volumes: [{ name: "code", configMap: { name: code.metadata.name } }],
          },
        },
      },
    },
    opts,
  );
  const service = new k8s.core.v1.Service(
    `${name}-router`,
    {
      metadata: meta(ROUTER_NAME),
      spec: {
        type: "ClusterIP",
        selector: labels,
        ports: [{ name: "http", port: ROUTER_PORT, targetPort: "http" }],
      },
    },
    opts,
  );
  new k8s.policy.v1.PodDisruptionBudget(
    `${name}-router`,
    {
      metadata: meta(ROUTER_NAME),
      spec: {
        maxUnavailable: 1,
        unhealthyPodEvictionPolicy: "AlwaysAllow",
        selector: { matchLabels: labels },
      },
    },
    opts,
  );
  new k8s.networking.v1.NetworkPolicy(
    `${name}-router`,
    {
      metadata: meta(`${ROUTER_NAME}-ingress`),
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [
              { podSelector: {} },
              ...(s.allowedClientNamespaces.length > 0
                ? [
                    {
                      namespaceSelector: {
                        matchExpressions: [
                          {
                            key: "kubernetes.io/metadata.name",
                            operator: "In",
                            values: s.allowedClientNamespaces,
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
  return { deployment, service };
}
