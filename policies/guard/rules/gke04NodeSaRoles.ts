import { at, list, str, strings } from "../lib/values.js";
import { label, stackRule } from "../rule.js";

/** Roles a GKE node service account needs (terraform-google-kubernetes-engine safer-cluster `sa.tf`). */
const NODE_ROLES = [
  "roles/container.defaultNodeServiceAccount",
  "roles/logging.logWriter",
  "roles/monitoring.metricWriter",
  "roles/monitoring.viewer",
  "roles/stackdriver.resourceMetadata.writer",
  "roles/storage.objectViewer",
  "roles/artifactregistry.reader",
  "roles/serviceusage.serviceUsageConsumer",
];

const BINDING_TYPES = new Set(["gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMBinding:IAMBinding"]);

/** GKE-04 (roles): the node service account holds only node roles at project level. */
export const gke04NodeSaRoles = stackRule({
  name: "gke-04-node-service-account-roles",
  description: "GKE node service accounts hold only the node roles, no application permissions.",
  guard: {
    checklistId: "GKE-04",
    priority: "P0",
    sources: ["CIS GKE 5.2.1", "terraform-google-kubernetes-engine safer-cluster sa.tf"],
    exceptions: "extra roles through config `allowedRoles`",
  },
  config: {
    allowedRoles: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Roles allowed on node service accounts besides the node set.",
    },
  },
  defaults: { allowedRoles: [] as string[] },
  check: (resources, config, report) => {
    const nodeAccounts = new Set<string>();
    for (const r of resources) {
      if (r.type !== "gcp:container/nodePool:NodePool" && r.type !== "gcp:container/cluster:Cluster")
        continue;
      const sa = str(at(r.props, "nodeConfig", "serviceAccount"));
      if (sa) nodeAccounts.add(`serviceAccount:${sa}`);
    }
    if (nodeAccounts.size === 0) return;
    const allowed = new Set([...NODE_ROLES, ...config.allowedRoles]);
    for (const r of resources) {
      if (!BINDING_TYPES.has(r.type)) continue;
      const role = str(r.props.role) ?? "";
      const members = [...strings(r.props.member), ...list(r.props.members).map((m) => str(m) ?? "")];
      const node = members.find((m) => nodeAccounts.has(m));
      if (node && !allowed.has(role)) {
        report(
          `${label(r)} grants ${role} to the node service account ${node.slice("serviceAccount:".length)}: ` +
            "pods on every node inherit it. Grant it to a workload service account through Workload Identity instead.",
          r.urn,
        );
      }
    }
  },
});
