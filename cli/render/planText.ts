import { fmt } from "../../policies/placement/breakEven.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";

const money = (n: number | null) => (n === null ? "-" : `$${Math.round(n).toLocaleString("en-US")}`);
const ms = (n: number | null) => (n === null ? "-" : `${Math.round(n).toLocaleString("en-US")} ms`);

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const right = new Set([2, 3]);
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1
            ? cell
            : right.has(i)
              ? cell.padStart(widths[i] ?? 0)
              : cell.padEnd(widths[i] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The human-readable `inferplane plan` report: options table, decision, sizing, break-even, reasons. */
export function renderPlan(d: PlacementDecision, chartFile: string | null = null): string {
  const w = d.workload;
  const lines: string[] = [];
  lines.push(
    `Workload: ${w.model} (${w.paramsB}B, ${w.precision}${w.custom ? ", custom weights" : ""}), ${fmt(w.tokensPerDay)} tokens/day (${fmt(w.requestsPerDay)} requests), peak ${w.peakToMean}x mean over ${w.activeHoursPerDay} h/day`,
    `SLO: p95 time to first token ${w.sloTtftP95Ms} ms, availability ${w.availability}. Prices as of ${d.catalogDate}.`,
    "",
  );
  const rows = [["OPTION", "SERVICE", "$/MONTH", "P95 TTFT", "SLO", "STATUS"]];
  for (const o of d.options) {
    const status = !o.feasible
      ? `infeasible: ${o.infeasibleReason}`
      : [o.id === d.optionId ? "CHOSEN" : "ok", o.withinBudget ? "" : "over budget"]
          .filter(Boolean)
          .join(", ");
    rows.push([
      o.id,
      o.service,
      money(o.monthlyCostUsd),
      ms(o.ttftP95Ms),
      o.feasible ? (o.meetsSlo ? "met" : "MISSED") : "-",
      status,
    ]);
  }
  lines.push(table(rows), "");
  lines.push(
    `Decision: ${d.platform} on ${d.cloud} (${d.service}, ${d.variant}) at ${money(d.monthlyCostUsd)}/month, p95 TTFT ${ms(d.ttftP95Ms)}${d.override ? ` [override: ${d.override.reason}]` : ""}`,
  );
  const s = d.sizing;
  if (s.gpuType !== null) {
    lines.push(
      `Sizing: ${s.replicas} replica(s) x ${s.gpusPerReplica} ${s.gpuType} on ${s.instanceType} (tensor parallel ${s.tensorParallel}, pipeline parallel ${s.pipelineParallel}, ${s.nodesPerReplica} node(s) per replica, ${s.nodes} at peak); ${s.memoryPerReplicaGB} GB and ${s.tokensPerSecondPerReplica} tok/s per replica (${s.throughputBasis})`,
    );
  }
  lines.push(
    d.breakEven.tokensPerDay === null
      ? `Break-even: none (${d.breakEven.reason})`
      : `Break-even: ${fmt(d.breakEven.tokensPerDay)} tokens/day between ${d.breakEven.between?.[0].id} and ${d.breakEven.between?.[1].id}`,
    "",
    "Reasons:",
    ...d.reasons.map((r) => `  - ${r}`),
  );
  if (chartFile) lines.push("", `Chart written to ${chartFile}`);
  return `${lines.join("\n")}\n`;
}
