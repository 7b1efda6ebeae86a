import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { LlmInferenceServiceArgs } from "./llmInferenceServiceArgs.js";
import { resolveLlmServiceSettings, validateLlmInferenceServiceArgs } from "./llmServiceSettings.js";
import {
  autoscalerArgs,
  disruptionBudgetArgs,
  leaderServiceArgs,
  leaderWorkerSetBody,
  networkPolicyArgs,
} from "./lwsWorkload.js";
import { podSecurityLabels } from "./podSecurity.js";
import { requireKubernetesProvider } from "./provider.js";
import { serviceLabels } from "./vllmPod.js";

/**
 * Serves one model with vLLM on a LeaderWorkerSet, sized by the placement decision: `size` =
 * nodes per replica, GPUs per pod = GPUs per replica / nodes, tensor and pipeline parallelism
 * passed to vLLM (on Ray when a group spans nodes). Single-node models use the same component
 * as an LWS of size 1, so policies, autoscaling and disruption budgets treat both alike and
 * growing a model to several nodes changes a number, not the workload kind.
 *
 * Pass `dependsOn: [leaderWorkerSetController]`: it is forwarded to every child, so nothing is
 * applied before the LWS controller and its webhook serve.
 */
export class LlmInferenceService extends pulumi.ComponentResource {
  /** Namespace of the service. */
  public readonly namespace: pulumi.Output<string>;
  /** Name of the LeaderWorkerSet (and of the leader Service). */
  public readonly leaderWorkerSetName: pulumi.Output<string>;
  /** In-cluster OpenAI-compatible base URL (`http://<svc>.<ns>.svc.cluster.local:<port>/v1`). */
  public readonly endpoint: pulumi.Output<string>;
  /** Pods per replica (the LWS group size). */
  public readonly groupSize: number;
  /** GPUs each pod requests. */
  public readonly gpusPerPod: number;

  constructor(name: string, args: LlmInferenceServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    validateLlmInferenceServiceArgs(name, args);
    super("inferplane:index:LlmInferenceService", name, {}, opts);
    const provider = requireKubernetesProvider(this, "LlmInferenceService", name, args.provider);
    const s = resolveLlmServiceSettings(name, args);
    // Children do not inherit a component's dependsOn; forward it so the LWS controller's
    // readiness gates every object, the LeaderWorkerSet above all.
    const base = { parent: this, provider, dependsOn: opts?.dependsOn };
    const labels = serviceLabels(s);

    let namespace: pulumi.Output<string> = pulumi.output(s.namespace);
    const nsDeps: pulumi.Resource[] = [];
    if (s.createNamespace) {
      const ns = new k8s.core.v1.Namespace(
        `${name}-ns`,
        // vLLM runs non-root, read-only, no capabilities, only emptyDir/PVC/secret volumes.
        { metadata: { name: s.namespace, labels: { ...labels, ...podSecurityLabels("restricted") } } },
        base,
      );
      namespace = ns.metadata.name;
      nsDeps.push(ns);
    }
    const opt = { ...base, dependsOn: mergeDeps(opts?.dependsOn, nsDeps) };

    const sa = new k8s.core.v1.ServiceAccount(
      `${name}-sa`,
      { metadata: { name: s.name, namespace: s.namespace, labels }, automountServiceAccountToken: false },
      opt,
    );
    const lws = new k8s.apiextensions.CustomResource(
      `${name}-lws`,
      {
        apiVersion: "leaderworkerset.x-k8s.io/v1",
        kind: "LeaderWorkerSet",
        ...leaderWorkerSetBody(s, s.name),
      },
      { ...opt, dependsOn: mergeDeps(opts?.dependsOn, [...nsDeps, sa]) },
    );
    const svc = new k8s.core.v1.Service(`${name}-svc`, leaderServiceArgs(s), opt);
    new k8s.networking.v1.NetworkPolicy(`${name}-ingress`, networkPolicyArgs(s), opt);
    const pdb = disruptionBudgetArgs(s);
    if (pdb) new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, pdb, opt);
    const hpa = autoscalerArgs(s);
    if (hpa) {
      new k8s.autoscaling.v2.HorizontalPodAutoscaler(`${name}-hpa`, hpa, {
        ...opt,
        dependsOn: mergeDeps(opts?.dependsOn, [...nsDeps, lws]),
      });
    }

    this.namespace = namespace;
    this.leaderWorkerSetName = pulumi.output(s.name);
    this.endpoint = pulumi.interpolate`http://${svc.metadata.name}.${namespace}.svc.cluster.local:${s.port}/v1`;
    this.groupSize = s.size;
    this.gpusPerPod = s.gpusPerPod;
    this.registerOutputs({
      namespace: this.namespace,
      leaderWorkerSetName: this.leaderWorkerSetName,
      endpoint: this.endpoint,
      groupSize: this.groupSize,
      gpusPerPod: this.gpusPerPod,
    });
  }
}

function mergeDeps(
  fromOpts: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource> | undefined,
  own: pulumi.Resource[],
): pulumi.Input<pulumi.Input<pulumi.Resource>[]> {
  if (fromOpts === undefined) return own;
  if (Array.isArray(fromOpts)) return [...fromOpts, ...own];
  if (pulumi.Resource.isInstance(fromOpts)) return [fromOpts, ...own];
  const later = pulumi.output(fromOpts as pulumi.Input<pulumi.Resource[] | pulumi.Resource>);
  return later.apply((d) => [...(Array.isArray(d) ? d : [d]), ...own]);
}
