import type { SimulationReport } from "../../policies/simulation/report.js";

const usd = (n: number) => (n >= 100 ? `$${Math.round(n).toLocaleString("en-US")}` : `$${n.toFixed(2)}`);
const ms = (n: number) =>
  n >= 10_000 ? `${(n / 1000).toFixed(0)}s` : n >= 1000 ? `${(n / 1000).toFixed(1)}s` : `${n}ms`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  "),
    )
    .join("\n");
}

/** The `inferplane simulate` report as a readable table and summary. */
export function renderSimulate(report: SimulationReport, chartFile: string | null = null): string {
  const { trace, slo } = report;
  const s = trace.stats;
  const hours = report.trace.horizonS / 3600;
  const lines: string[] = [];
  const reshaped = [
    trace.scale !== 1 ? `rate x${trace.scale}` : "",
    trace.repeat !== 1 ? `repeated ${trace.repeat}x` : "",
    trace.startS !== null || trace.durationS !== null
      ? `cut from ${trace.startS ?? 0} s for ${trace.durationS ?? "the rest"} s`
      : "",
  ].filter((x) => x !== "");
  lines.push(
    `inferplane simulate: ${trace.file} (${trace.format}${reshaped.length ? `, ${reshaped.join(", ")}` : ""}, seed ${trace.seed})`,
  );
  lines.push(
    `  ${int(s.requests)} requests, ${int(s.inputTokens)} input + ${int(s.outputTokens)} output tokens over ${hours.toFixed(2)} h; ` +
      `${s.meanRequestsPerSecond.toFixed(2)} req/s, inter-arrival CV ${s.interarrivalCv.toFixed(2)}, busiest minute ${s.peakToMeanPerMinute.toFixed(2)}x the mean`,
  );
  if (trace.lengthsSource) lines.push(`  token lengths drawn from ${trace.lengthsSource}`);
  const p = report.plannedTraffic;
  lines.push(
    `  plan sized for ${int(p.tokensPerDay)} tokens/day, ${p.avgInputTokens}/${p.avgOutputTokens} tokens in/out, peak-to-mean ${p.peakToMean}, ${p.activeHoursPerDay} active h/day${report.trafficFromTrace ? " (from the trace)" : " (from the profile)"}`,
  );
  lines.push(`  SLO: p95 time to first token <= ${ms(slo.ttftP95Ms)}, availability ${slo.availability}`);
  lines.push("");
  const rows = [
    ["option", "cost", "$/month", "planned", "TTFT p50", "p95", "p99", "over SLO", "cold", "peak", "SLO"],
    ...report.options.map((o) => [
      o.id,
      usd(o.costUsd),
      usd(o.monthlyCostUsd),
      o.planned.monthlyCostUsd === null ? "-" : usd(o.planned.monthlyCostUsd),
      ms(o.ttftMs.p50),
      ms(o.ttftMs.p95),
      ms(o.ttftMs.p99),
      int(o.sloViolations),
      int(o.coldStarts),
      o.platform === "managed-api" ? "-" : int(o.peakNodes),
      o.meetsSlo ? "met" : "MISSED",
    ]),
  ];
  lines.push(table(rows));
  lines.push("");
  lines.push(
    "  cost: over the replayed span; $/month: that rate over 730 h; planned: plan's monthly estimate; cold: instances or replicas started; peak: most instances or nodes at once",
  );
  for (const o of report.options) {
    if (o.errors > 0)
      lines.push(`  ${o.id}: ${int(o.errors)} requests failed once while scaling from zero (retried)`);
  }
  for (const k of report.skipped) lines.push(`  ${k.id} not simulated: ${k.reason}`);
  lines.push("");
  lines.push(
    report.cheapestMeetingSlo
      ? `Cheapest option that met the SLO on this trace: ${report.cheapestMeetingSlo}`
      : "No option met the SLO on this trace.",
  );
  const plan = report.plan;
  if (plan.choice === null) lines.push(`plan chooses nothing for this profile: ${plan.noChoiceReason ?? ""}`);
  else {
    const regret =
      plan.regretPercent === null
        ? ""
        : `; regret ${plan.regretPercent.toFixed(1)} % against the cheapest that met the SLO`;
    lines.push(
      `plan's static choice: ${plan.choice} (${plan.choiceMetSlo ? "met" : "missed"} the SLO on the trace${regret})`,
    );
  }
  if (trace.malformedRows > 0) {
    lines.push("");
    lines.push(`warning: ${int(trace.malformedRows)} malformed rows skipped (--strict rejects them):`);
    for (const m of trace.malformedSamples) lines.push(`  ${m}`);
  }
  if (chartFile) lines.push(`Chart written to ${chartFile}`);
  return `${lines.join("\n")}\n`;
}
