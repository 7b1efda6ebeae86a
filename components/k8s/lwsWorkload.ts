import type * as k8s from "@pulumi/kubernetes";
import type { ServiceSettings } from "./llmServiceSettings.js";
import { LWS_NAME_LABEL, LWS_WORKER_INDEX_LABEL, podTemplate, serviceLabels } from "./vllmPod.js";

type Obj = Record<string, unknown>;

/** LWS annotation giving each group a topology domain of its own (anchors §2.1). */
export const EXCLUSIVE_TOPOLOGY = "leaderworkerset.sigs.k8s.io/exclusive-topology";

/** The LeaderWorkerSet body (apiVersion and kind are added by the component). */
export function leaderWorkerSetBody(s: ServiceSettings, serviceAccountName: string): Obj {
  const multiNode = s.size > 1;
  return {
    metadata: {
      name: s.name,
      namespace: s.namespace,
      labels: serviceLabels(s),
      // Single-node groups are one pod: the leaders' zone spread is enough, and exclusivity
      // would waste GPUs.
      ...(multiNode ? { annotations: { [EXCLUSIVE_TOPOLOGY]: s.exclusiveTopologyKey } } : {}),
    },
    spec: {
      replicas: s.replicas,
      // Not LeaderReady: the leader becomes ready only after its workers joined Ray, so gating
      // workers on a ready leader would deadlock.
      startupPolicy: "LeaderCreated",
      rolloutStrategy: {
        type: "RollingUpdate",
        rollingUpdateConfiguration: { maxUnavailable: s.rolloutMaxUnavailable, maxSurge: s.rolloutMaxSurge },
      },
      networkConfig: { subdomainPolicy: "Shared" },
      leaderWorkerTemplate: {
        size: s.size,
        // A group is useless once any member restarts (Ray and NCCL state are gone): recreate it.
        restartPolicy: "RecreateGroupOnPodRestart",
        ...(multiNode
          ? {
              leaderTemplate: podTemplate(s, "leader", serviceAccountName),
              workerTemplate: podTemplate(s, "worker", serviceAccountName),
            }
          : { workerTemplate: podTemplate(s, "leader", serviceAccountName) }),
      },
    },
  };
}

/** Selector of the leader pods, which serve the API (and expose the group's metrics). */
export function leaderSelector(s: ServiceSettings): Record<string, string> {
  return { [LWS_NAME_LABEL]: s.name, [LWS_WORKER_INDEX_LABEL]: "0" };
}

/** ClusterIP Service in front of the leaders. */
export function leaderServiceArgs(s: ServiceSettings): k8s.core.v1.ServiceArgs {
  return {
    metadata: { name: s.name, namespace: s.namespace, labels: serviceLabels(s) },
    spec: {
      type: "ClusterIP",
      selector: leaderSelector(s),
      ports: [{ name: "http", port: s.port, targetPort: "http", protocol: "TCP" }],
    },
  };
}

/**
 * Group-aware disruption budget (REL-01, REL-02): all but one group must stay whole, counted in
 * pods (`(replicas - 1) x size`, a multiple of the group size), and unhealthy pods may always
 * be evicted so a broken group never wedges a node drain. None at one replica: a budget there
 * either blocks every drain or protects nothing.
 */
export function disruptionBudgetArgs(s: ServiceSettings): k8s.policy.v1.PodDisruptionBudgetArgs | undefined {
  if (s.replicas < 2) return undefined;
  return {
    metadata: { name: s.name, namespace: s.namespace, labels: serviceLabels(s) },
    spec: {
      minAvailable: (s.replicas - 1) * s.size,
      selector: { matchLabels: { [LWS_NAME_LABEL]: s.name } },
      unhealthyPodEvictionPolicy: "AlwaysAllow",
    },
  };
}

/**
 * Ingress policy: group members reach each other on any port (Ray and NCCL pick ports at run
 * time); clients reach only the HTTP port, from this namespace and the listed ones.
 */
export function networkPolicyArgs(s: ServiceSettings): k8s.networking.v1.NetworkPolicyArgs {
  const members = { podSelector: { matchLabels: { [LWS_NAME_LABEL]: s.name } } };
  const clients: k8s.types.input.networking.v1.NetworkPolicyPeer[] = [{ podSelector: {} }];
  if (s.allowedClientNamespaces.length > 0) {
    clients.push({
      namespaceSelector: {
        matchExpressions: [
          { key: "kubernetes.io/metadata.name", operator: "In", values: s.allowedClientNamespaces },
        ],
      },
    });
  }
  const ingress: k8s.types.input.networking.v1.NetworkPolicyIngressRule[] = [
    { from: clients, ports: [{ port: "http", protocol: "TCP" }] },
  ];
  if (s.size > 1) ingress.unshift({ from: [members] });
  return {
    metadata: { name: `${s.name}-ingress`, namespace: s.namespace, labels: serviceLabels(s) },
    spec: { ...members, policyTypes: ["Ingress"], ingress },
  };
}

/**
 * HPA on the LWS scale subresource. It sees leader pods only (LWS `hpaPodSelector`), which
 * suits vLLM: the leader's server holds the whole group's queue. Needs a custom-metrics adapter
 * serving the per-pod metric (see docs/components/kubernetes.md). Scale-down is slow because a
 * group costs minutes of model load to bring back.
 */
export function autoscalerArgs(
  s: ServiceSettings,
): k8s.autoscaling.v2.HorizontalPodAutoscalerArgs | undefined {
  if (s.maxReplicas === undefined) return undefined;
  return {
    metadata: { name: s.name, namespace: s.namespace, labels: serviceLabels(s) },
    spec: {
      scaleTargetRef: { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: s.name },
      minReplicas: s.replicas,
      maxReplicas: s.maxReplicas,
      metrics: [
        {
          type: "Pods",
          pods: {
            metric: { name: s.autoscalingMetric },
            target: { type: "AverageValue", averageValue: String(s.autoscalingTarget) },
          },
        },
      ],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 60,
          policies: [{ type: "Pods", value: 1, periodSeconds: 120 }],
        },
        scaleDown: {
          stabilizationWindowSeconds: 900,
          policies: [{ type: "Pods", value: 1, periodSeconds: 600 }],
        },
      },
    },
  };
}
