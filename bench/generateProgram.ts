/**
 * Writes a Pulumi program that registers exactly `total` resources (the root stack included):
 * one Kubernetes provider and groups of a component with namespaced serving objects under it,
 * the shape of a multi-model inference cluster, including LeaderWorkerSets so the CRD
 * validator is exercised too.
 */
export function generateProgram(total: number): string {
  const perGroup = [
    "Namespace",
    "ServiceAccount",
    "Deployment",
    "Service",
    "PodDisruptionBudget",
    "NetworkPolicy",
    "ConfigMap",
    "LeaderWorkerSet",
  ];
  const fixed = 2; // the stack and the provider
  const groupSize = perGroup.length + 1; // objects plus their component
  const groups = Math.floor((total - fixed) / groupSize);
  const extraConfigMaps = total - fixed - groups * groupSize;
  const lines = [
    'import * as k8s from "@pulumi/kubernetes";',
    'import * as pulumi from "@pulumi/pulumi";',
    "",
    `const image = "vllm/vllm-openai@sha256:${"0".repeat(64)}";`,
    'const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });',
    "",
    "class ModelGroup extends pulumi.ComponentResource {",
    "  constructor(name: string, opts: pulumi.ComponentResourceOptions) {",
    '    super("bench:index:ModelGroup", name, {}, opts);',
    "    const parent = { parent: this };",
    "    const labels = { app: name };",
    "    const metadata = { name, namespace: name, labels };",
    '    const podSpec = { containers: [{ name: "vllm", image, ports: [{ containerPort: 8000 }], resources: { limits: { "nvidia.com/gpu": "1" } } }] };',
    '    new k8s.core.v1.Namespace(name + "-ns", { metadata: { name, labels } }, parent);',
    '    new k8s.core.v1.ServiceAccount(name + "-sa", { metadata, automountServiceAccountToken: false }, parent);',
    '    new k8s.apps.v1.Deployment(name + "-deploy", { metadata, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } } }, parent);',
    '    new k8s.core.v1.Service(name + "-svc", { metadata, spec: { selector: labels, ports: [{ port: 8000 }] } }, parent);',
    '    new k8s.policy.v1.PodDisruptionBudget(name + "-pdb", { metadata, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } }, parent);',
    '    new k8s.networking.v1.NetworkPolicy(name + "-np", { metadata, spec: { podSelector: { matchLabels: labels }, policyTypes: ["Ingress"] } }, parent);',
    '    new k8s.core.v1.ConfigMap(name + "-cm", { metadata, data: { model: name } }, parent);',
    '    new k8s.apiextensions.CustomResource(name + "-lws", { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata, spec: { replicas: 1, leaderWorkerTemplate: { size: 2, leaderTemplate: { spec: podSpec }, workerTemplate: { spec: podSpec } } } }, parent);',
    "    this.registerOutputs({});",
    "  }",
    "}",
    "",
    `for (let i = 0; i < ${groups}; i++) new ModelGroup("model-" + i, { providers: { kubernetes: provider } });`,
    `for (let i = 0; i < ${extraConfigMaps}; i++) new k8s.core.v1.ConfigMap("extra-" + i, { data: { i: String(i) } }, { provider });`,
    "",
  ];
  return lines.join("\n");
}
