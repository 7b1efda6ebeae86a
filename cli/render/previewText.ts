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

  if (report.violations.length > 0) {
    lines.push("", `Policy violations: ${report.violations.length}`);
    for (const v of report.violations) {
      lines.push(
        `  ${v.enforcementLevel === "mandatory" ? "✗" : "!"} [${v.enforcementLevel}] ${v.policy}: ${names.get(v.resource) ?? v.resource}: ${v.message}`,
      );
    }
  }
  if (report.decision !== null) lines.push("", "Decision:", `  ${JSON.stringify(report.decision)}`);
  const outputs = Object.entries(report.outputs);
  if (outputs.length > 0) {
    lines.push("", "Outputs:");
    for (const [k, v] of outputs) lines.push(`  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  lines.push("", report.exitCode === 0 ? "Result: OK" : "Result: FAILED (exit 1)");
  return `${lines.join("\n")}\n`;
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
