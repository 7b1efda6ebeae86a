import type { SimulationReport } from "../../policies/simulation/report.js";

const WIDTH = 1040;
const HEIGHT = 540;

/**
 * The `simulate --chart` SVG, rendered by Apache ECharts on the server (SVG renderer, no DOM):
 * the trace's request rate over time (left axis) and the instances or nodes each self-hosted
 * option ran (right axis, step lines). Loaded only when a chart is asked for.
 */
export async function renderSimulateChart(report: SimulationReport): Promise<string> {
  const echarts = await import("echarts/core");
  const { LineChart } = await import("echarts/charts");
  const { GridComponent, LegendComponent, TitleComponent } = await import("echarts/components");
  const { SVGRenderer } = await import("echarts/renderers");
  echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  const { timeline } = report;
  const hours = timeline.startsS.map((s) => s / 3600);
  const selfHosted = report.options.filter((o) => o.platform !== "managed-api");
  chart.setOption({
    animation: false,
    backgroundColor: "#ffffff",
    title: { text: `Load and capacity over ${report.trace.file}`, left: 16, top: 8 },
    legend: { type: "plain", orient: "vertical", left: WIDTH - 310, top: 48 },
    grid: { left: 72, right: 380, top: 56, bottom: 64 },
    xAxis: { type: "value", name: "hours from the trace start", nameLocation: "middle", nameGap: 36 },
    yAxis: [
      { type: "value", name: "requests / s", nameLocation: "middle", nameGap: 48 },
      { type: "value", name: "instances or nodes", nameLocation: "middle", nameGap: 40, position: "right" },
    ],
    series: [
      {
        type: "line",
        name: `load (req/s, ${Math.round(timeline.bucketS)} s buckets)`,
        showSymbol: false,
        areaStyle: { opacity: 0.15 },
        lineStyle: { width: 1 },
        data: hours.map((h, i) => [h, timeline.requestsPerSecond[i] ?? 0]),
      },
      ...selfHosted.map((o) => ({
        type: "line",
        name: `${o.id}${o.id === report.cheapestMeetingSlo ? " (cheapest meeting SLO)" : ""}`,
        yAxisIndex: 1,
        step: "end",
        showSymbol: false,
        lineStyle: { width: o.id === report.plan.choice ? 3 : 1.5 },
        data: hours.map((h, i) => [h, timeline.capacity[o.id]?.[i] ?? 0]),
      })),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return `${svg}\n`;
}
