import { fmt } from "../../policies/placement/breakEven.js";
import type { CostCurve } from "../../policies/placement/curves.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";
import { decadeTicks, el, logScale, type SvgNode, serialise } from "./planChartSvg.js";

const PALETTE = [
  "#1b6ac9",
  "#d9480f",
  "#2b8a3e",
  "#862e9c",
  "#e8590c",
  "#0b7285",
  "#c2255c",
  "#5c940d",
  "#495057",
  "#364fc7",
];
const W = 900;
const H = 520;
const M = { left: 80, right: 260, top: 40, bottom: 60 };

/**
 * The `plan --chart` SVG: monthly cost against tokens a day (both log scales) for every option
 * feasible at the profile's volume, with the break-even and the profile's volume marked.
 */
export function renderPlanChart(curves: CostCurve[], decision: PlacementDecision): string {
  const points = curves.flatMap((c) =>
    c.points.filter((p) => p.monthlyCostUsd !== null && p.monthlyCostUsd > 0),
  );
  const xs = curves[0]?.points.map((p) => p.tokensPerDay) ?? [decision.workload.tokensPerDay];
  const costs = points.map((p) => p.monthlyCostUsd as number);
  const xDomain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  const yDomain: [number, number] =
    costs.length > 0 ? [Math.min(...costs) / 1.5, Math.max(...costs) * 1.5] : [1, 10];
  const x = logScale(xDomain, [M.left, W - M.right]);
  const y = logScale(yDomain, [H - M.bottom, M.top]);
  const children: SvgNode[] = [
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "white" }),
    el(
      "text",
      { x: M.left, y: 24, "font-size": 16, "font-weight": "bold" },
      `Monthly cost against volume: ${decision.workload.model}`,
    ),
  ];
  for (const t of decadeTicks(xDomain)) {
    children.push(
      el("line", { x1: x(t), x2: x(t), y1: M.top, y2: H - M.bottom, stroke: "#e9ecef" }),
      el("text", { x: x(t), y: H - M.bottom + 18, "text-anchor": "middle", "font-size": 11 }, fmt(t)),
    );
  }
  for (const t of decadeTicks(yDomain)) {
    children.push(
      el("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), stroke: "#e9ecef" }),
      el("text", { x: M.left - 6, y: y(t) + 4, "text-anchor": "end", "font-size": 11 }, `$${fmt(t)}`),
    );
  }
  children.push(
    el("rect", {
      x: M.left,
      y: M.top,
      width: W - M.left - M.right,
      height: H - M.top - M.bottom,
      fill: "none",
      stroke: "#868e96",
    }),
    el(
      "text",
      { x: (M.left + W - M.right) / 2, y: H - 18, "text-anchor": "middle", "font-size": 12 },
      "tokens per day (input + output)",
    ),
    el(
      "text",
      {
        x: 18,
        y: (M.top + H - M.bottom) / 2,
        "font-size": 12,
        transform: `rotate(-90 18 ${(M.top + H - M.bottom) / 2})`,
        "text-anchor": "middle",
      },
      "USD per month",
    ),
  );
  curves.forEach((curve, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    let d = "";
    let pen = false;
    for (const p of curve.points) {
      if (p.monthlyCostUsd === null || p.monthlyCostUsd <= 0) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${x(p.tokensPerDay).toFixed(1)},${y(p.monthlyCostUsd).toFixed(1)}`;
      pen = true;
    }
    const chosen = curve.id === decision.optionId;
    children.push(
      el("path", {
        d,
        fill: "none",
        stroke: color,
        "stroke-width": chosen ? 3 : 1.5,
        "data-option": curve.id,
      }),
      el("line", {
        x1: W - M.right + 16,
        x2: W - M.right + 40,
        y1: M.top + 10 + i * 20,
        y2: M.top + 10 + i * 20,
        stroke: color,
        "stroke-width": chosen ? 3 : 1.5,
      }),
      el(
        "text",
        { x: W - M.right + 46, y: M.top + 14 + i * 20, "font-size": 11 },
        `${curve.id}${chosen ? " (chosen)" : ""}`,
      ),
    );
  });
  const volume = decision.workload.tokensPerDay;
  children.push(
    el("line", {
      x1: x(volume),
      x2: x(volume),
      y1: M.top,
      y2: H - M.bottom,
      stroke: "#212529",
      "stroke-dasharray": "2 3",
    }),
    el("text", { x: x(volume) + 4, y: M.top + 12, "font-size": 11 }, `profile: ${fmt(volume)}/day`),
  );
  const be = decision.breakEven.tokensPerDay;
  if (be !== null && be >= xDomain[0] && be <= xDomain[1]) {
    children.push(
      el("line", {
        x1: x(be),
        x2: x(be),
        y1: M.top,
        y2: H - M.bottom,
        stroke: "#c92a2a",
        "stroke-width": 2,
        "stroke-dasharray": "6 4",
        "data-break-even": Math.round(be),
      }),
      el(
        "text",
        { x: x(be) + 4, y: H - M.bottom - 8, "font-size": 11, fill: "#c92a2a" },
        `break-even ${fmt(be)}/day`,
      ),
    );
  }
  return `${serialise(el("svg", { xmlns: "http://www.w3.org/2000/svg", width: W, height: H, viewBox: `0 0 ${W} ${H}`, "font-family": "sans-serif" }, ...children))}\n`;
}
