import { fmt } from "../../policies/placement/breakEven.js";
import type { CostCurve } from "../../policies/placement/curves.js";
import type { PlacementDecision } from "../../policies/placement/decide.js";

const WIDTH = 1040;
const HEIGHT = 540;

/**
 * The `plan --chart` SVG, rendered by Apache ECharts on the server (SVG renderer, no DOM):
 * monthly cost against tokens a day, both on log scales, one line per option feasible at the
 * profile's volume (the chosen one drawn heavier), with the profile's volume and the break-even
 * marked. ECharts is loaded only when a chart is asked for, so `plan` stays fast without one.
 */
export async function renderPlanChart(curves: CostCurve[], decision: PlacementDecision): Promise<string> {
  const echarts = await import("echarts/core");
  const { LineChart } = await import("echarts/charts");
  const { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } = await import(
    "echarts/components"
  );
  const { SVGRenderer } = await import("echarts/renderers");
  echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  const breakEven = decision.breakEven.tokensPerDay;
  const markers = [
    { xAxis: decision.workload.tokensPerDay, name: `profile ${fmt(decision.workload.tokensPerDay)}/day` },
    ...(breakEven === null ? [] : [{ xAxis: breakEven, name: `break-even ${fmt(breakEven)}/day` }]),
  ];
  chart.setOption({
    animation: false,
    backgroundColor: "#ffffff",
    title: { text: `Monthly cost against volume: ${decision.workload.model}`, left: 16, top: 8 },
    legend: { type: "plain", orient: "vertical", left: WIDTH - 310, top: 48 },
    grid: { left: 88, right: 330, top: 56, bottom: 64 },
    xAxis: {
      type: "log",
      name: "tokens per day (input + output)",
      nameLocation: "middle",
      nameGap: 36,
      axisLabel: { formatter: (v: number) => fmt(v) },
    },
    yAxis: {
      type: "log",
      name: "USD per month",
      nameLocation: "middle",
      nameGap: 64,
      axisLabel: { formatter: (v: number) => `$${fmt(v)}` },
    },
    series: curves.map((curve, i) => {
      const chosen = curve.id === decision.optionId;
      return {
        type: "line",
        name: chosen ? `${curve.id} (chosen)` : curve.id,
        showSymbol: false,
        lineStyle: { width: chosen ? 3 : 1.5 },
        data: curve.points
          .filter((p) => p.monthlyCostUsd !== null && p.monthlyCostUsd > 0)
          .map((p) => [p.tokensPerDay, p.monthlyCostUsd]),
        // The vertical markers ride on the first series; ECharts draws them across the grid.
        ...(i === 0
          ? {
              markLine: {
                symbol: "none",
                label: { formatter: "{b}", position: "insideEndTop" },
                lineStyle: { type: "dashed", color: "#c92a2a" },
                data: markers,
              },
            }
          : {}),
      };
    }),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return `${svg}\n`;
}
