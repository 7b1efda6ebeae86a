import { InputError } from "../../common/inputError.js";
import { parseOrThrow } from "../../common/zodIssues.js";
import { costCurves } from "../../policies/placement/curves.js";
import { decideForWorkload, type PlacementDecision } from "../../policies/placement/decide.js";
import { type LoadedProfile, loadStackWorkload, loadWorkloadFile } from "../../policies/placement/load.js";
import { WorkloadProfileSchema } from "../../policies/placement/profile.js";
import { resolveWorkload } from "../../policies/placement/resolve.js";
import { renderPlanChart } from "../render/planChart.js";
import { writeChart } from "../writeChart.js";

/** What to plan: a stack's `inferplane:workload` or a workload file, and where to write the chart. */
export interface PlanOptions {
  stack?: string;
  workload?: string;
  /** SVG file to write the cost-against-volume chart to. */
  chart?: string;
  /** Directory to resolve paths and find `Pulumi.yaml` from. Default: the working directory. */
  cwd?: string;
}

/** The plan and, when a chart was asked for, where it was written (relative to `cwd`). */
export interface PlanResult {
  decision: PlacementDecision;
  chartFile: string | null;
}

/**
 * `inferplane plan`: reads the profile, decides the placement and optionally writes the chart.
 * Throws {@link InputError} on bad input (the CLI exits 2).
 */
export async function plan(options: PlanOptions): Promise<PlanResult> {
  const cwd = options.cwd ?? process.cwd();
  if ((options.stack === undefined) === (options.workload === undefined)) {
    throw new InputError(
      "plan needs exactly one of --stack NAME or --workload FILE.yaml. Fix: e.g. `inferplane plan --workload workload.yaml`.",
    );
  }
  const loaded: LoadedProfile =
    options.stack !== undefined
      ? loadStackWorkload(options.stack, cwd)
      : loadWorkloadFile(options.workload as string, cwd);
  const profile = parseOrThrow(WorkloadProfileSchema, loaded.raw, loaded.where);
  const workload = resolveWorkload(profile, loaded.where);
  const decision = decideForWorkload(workload, loaded.where);
  const chartFile =
    options.chart === undefined
      ? null
      : await writeChart(options.chart, cwd, () =>
          renderPlanChart(costCurves(workload, decision.options), decision),
        );
  return { decision, chartFile };
}
