import type { PreviewReport, PreviewResource } from "../report.js";

/** The human summary of a preview: counts by type, the tree by parent, problems, outputs. */
export function renderPreview(report: PreviewReport): string {
  const lines: string[] = [];
  const target = report.stack ? `stack ${report.stack}` : "no stack config";
  lines.push(`inferplane preview: ${target}, program ${report.program} (offline, no cloud)`, "");

  lines.push(`Resources: ${report.resources.length}`);
  const byType = new Map<string, number>();
  for (const r of report.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const width = Math.max(...[...byType.keys()].map((t) => t.length), 0);
  for (const [type, count] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${type.padEnd(width)}  ${count}`);
  }
  lines.push("", "Tree:", ...tree(report.resources), "");

  const m = report.manifests;
  lines.push(
    `Kubernetes objects: ${m.validated} validated against their schemas, ${report.validationErrors.length} error(s)` +
      (m.unvalidated.length ? `, ${m.unvalidated.length} without an offline schema` : ""),
  );
  const names = new Map(report.resources.map((r) => [r.urn, `${r.type} "${r.name}"`]));
  for (const e of report.validationErrors)
    lines.push(`  ✗ ${names.get(e.resource) ?? e.resource}: ${e.message}`);
  for (const u of m.unvalidated) lines.push(`  ? ${names.get(u.resource) ?? u.resource}: ${u.reason}`);

  if (report.checks.includes("guard-pack")) {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    lines.push(
      "",
      `Guard pack: ${mandatory} mandatory and ${report.violations.length - mandatory} advisory violation(s)`,
    );
  }
  if (report.violations.length > 0) {
    for (const v of report.violations) {
      lines.push(
        `  ${v.enforcementLevel === "mandatory" ? "✗" : "!"} [${v.enforcementLevel}] ${v.policy}: ${names.get(v.resource) ?? v.resource}: ${v.message}`,
      );
    }
  }
  if (report.decision !== null) lines.push("", ...renderDecision(report.decision));
  const outputs = Object.entries(report.outputs);
  if (outputs.length > 0) {
    lines.push("", "Outputs:");
    for (const [k, v] of outputs) lines.push(`  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  lines.push("", report.exitCode === 0 ? "Result: OK" : "Result: FAILED (exit 1)");
  return `${lines.join("\n")}\n`;
}

/** The decision's headline, sizing and reasons; the whole decision is in the JSON report. */
function renderDecision(decision: unknown): string[] {
  const d = decision as Partial<{
    platform: string;
    cloud: string;
    service: string;
    monthlyCostUsd: number;
    ttftP95Ms: number;
    reasons: string[];
    override: { platform: string; reason: string } | null;
    sizing: {
      gpusPerReplica: number;
      gpuType: string;
      instanceType: string;
      nodesPerReplica: number;
      replicas: number;
    };
  }>;
  if (typeof d.platform !== "string" || typeof d.cloud !== "string") {
    return ["Decision:", `  ${JSON.stringify(decision)}`];
  }
  const cost =
    typeof d.monthlyCostUsd === "number"
      ? `, $${Math.round(d.monthlyCostUsd).toLocaleString("en-US")}/month`
      : "";
  const ttft =
    typeof d.ttftP95Ms === "number" ? `, p95 time to first token ${Math.round(d.ttftP95Ms)} ms` : "";
  const lines = [`Decision: ${d.platform} on ${d.cloud}${d.service ? ` (${d.service})` : ""}${cost}${ttft}`];
  if (d.override) lines.push(`  override: ${d.override.platform}, because ${d.override.reason}`);
  const z = d.sizing;
  if (z) {
    lines.push(
      `  sizing: ${z.replicas} replica(s) of ${z.gpusPerReplica} x ${z.gpuType} on ${z.instanceType}` +
        (z.nodesPerReplica > 1 ? `, ${z.nodesPerReplica} nodes per replica` : ""),
    );
  }
  for (const reason of d.reasons ?? []) lines.push(`  - ${reason}`);
  return lines;
}

function tree(resources: PreviewResource[]): string[] {
  const children = new Map<string | null, PreviewResource[]>();
  const urns = new Set(resources.map((r) => r.urn));
  for (const r of resources) {
    const parent = r.parent && urns.has(r.parent) ? r.parent : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const out: string[] = [];
  const walk = (parent: string | null, indent: string) => {
    const list = children.get(parent) ?? [];
    list.forEach((r, i) => {
      const last = i === list.length - 1;
      const branch = parent === null ? "" : last ? "└─ " : "├─ ";
      out.push(`  ${indent}${branch}${r.type} "${r.name}"`);
      walk(r.urn, parent === null ? indent : indent + (last ? "   " : "│  "));
    });
  };
  walk(null, "");
  return out;
}
