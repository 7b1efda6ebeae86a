import { relative } from "node:path";
import { InputError, isInputError } from "../../common/inputError.js";
import { parseOrThrow } from "../../common/zodIssues.js";
import { decideForWorkload } from "../placement/decide.js";
import { evaluateOptions } from "../placement/options/evaluate.js";
import type { PlacementOption } from "../placement/options/types.js";
import { WorkloadProfileSchema } from "../placement/profile.js";
import { type ProfileSource, resolveWorkload } from "../placement/resolve.js";
import type { OptionMetrics } from "./engine/metrics.js";
import { type ReplayWorker, replayParallel, startReplayWorker } from "./engine/parallel.js";
import { paramsFromPlacement, type ReplaySettings } from "./fromPlacement.js";
import type { SimulatedOption, SimulationReport } from "./report.js";
import { openTrace, type TraceSpec } from "./trace/open.js";
import { TraceStatsAccumulator } from "./trace/stats.js";
import { profileAsWritten, splitProfileTrace, trafficFromTrace, withTraceTraffic } from "./traffic.js";

/** What to simulate. */
export interface SimulateInput {
  /** The raw workload profile (as read from YAML) and where it came from. */
  profile: unknown;
  where?: ProfileSource;
  /** The trace; `file` may be omitted when the profile names one in `traffic.trace`. */
  trace: Omit<TraceSpec, "file"> & { file?: string };
  /** Managed-API quota to model. Default: none. */
  apiRateLimit?: ReplaySettings["apiRateLimit"];
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

function simulated(
  o: PlacementOption,
  m: OptionMetrics,
  horizonS: number,
  availability: number,
): SimulatedOption {
  const breakdown = Object.fromEntries(Object.entries(m.cost).map(([k, v]) => [k, round(v, 4)]));
  const cost = Object.values(m.cost).reduce((a, b) => a + b, 0);
  const within = m.requests - m.ttftAboveSlo >= Math.ceil(0.95 * m.requests);
  const errorsOk = m.errors <= (1 - availability) * m.requests;
  return {
    id: o.id,
    platform: o.platform,
    cloud: o.cloud,
    variant: o.variant,
    service: o.service,
    costUsd: round(cost, 4),
    monthlyCostUsd: round(horizonS > 0 ? (cost * 730 * 3600) / horizonS : 0),
    costBreakdown: breakdown,
    requestsServed: m.requests,
    inputTokensServed: m.inputTokens,
    outputTokensServed: m.outputTokens,
    tokensServed: m.inputTokens + m.outputTokens,
    ttftMs: {
      p50: round(m.ttftMs.quantile(0.5), 0),
      p95: round(m.ttftMs.quantile(0.95), 0),
      p99: round(m.ttftMs.quantile(0.99), 0),
      max: round(m.ttftMs.max, 0),
    },
    coldStarts: m.coldStarts,
    coldStartRequests: m.coldStartRequests,
    sloViolations: m.ttftAboveSlo,
    errors: m.errors,
    meetsSlo: within && errorsOk,
    queueDelayS: {
      mean: round(m.queueDelayS.mean, 3),
      p95: round(m.queueDelayS.quantile(0.95), 3),
      max: round(m.queueDelayS.max, 3),
    },
    peakInstances: m.peakInstances,
    peakNodes: m.peakNodes,
    nodesProvisioned: m.nodesProvisioned,
    spotInterruptions: m.spotInterruptions,
    overflowRequests: m.overflowRequests,
    planned: { monthlyCostUsd: o.monthlyCostUsd, ttftP95Ms: o.ttftP95Ms, meetsSlo: o.meetsSlo },
  };
}

/**
 * Replays a request trace against every option the placement policy weighs for a profile, with
 * the plan's sizing and the same catalogs, and compares the static plan choice with the cheapest
 * option that met the SLO on the trace. Streams the trace (once more first when the profile's
 * traffic must be derived from it). Throws {@link InputError} on bad input.
 */
export async function simulateProfile(input: SimulateInput): Promise<SimulationReport> {
  const worker = startReplayWorker();
  try {
    return await simulateWith(input, worker);
  } finally {
    await worker?.release();
  }
}

async function simulateWith(input: SimulateInput, worker: ReplayWorker | null): Promise<SimulationReport> {
  const where = input.where ?? {};
  const split = splitProfileTrace(profileAsWritten(input.profile));
  if (split.problem) {
    const head = where.file ? `${where.file}: ` : "";
    throw new InputError(
      `${head}${where.pathPrefix ? `${where.pathPrefix}.` : ""}${split.problem}. Fix: e.g. trace: { path: data/traces/azure-2023/conv.csv, format: azure }`,
      {
        ...(where.file === undefined ? {} : { file: where.file }),
        fieldPath: "traffic.trace",
      },
    );
  }
  const file = input.trace.file ?? split.trace?.path;
  if (file === undefined) {
    throw new InputError(
      "simulate needs a trace. Fix: pass --trace FILE, or name one in the profile as traffic.trace.path",
    );
  }
  const format = input.trace.format ?? (input.trace.file === undefined ? split.trace?.format : undefined);
  const spec: TraceSpec = { ...input.trace, file, ...(format === undefined ? {} : { format }) };
  const opened = await openTrace(spec);

  const derive = !split.hasVolume || split.trace !== null;
  let raw = split.profile;
  if (derive) {
    const pre = new TraceStatsAccumulator();
    for await (const b of opened.source) pre.add(b);
    raw = withTraceTraffic(raw, trafficFromTrace(pre.result()));
    opened.issues.reset();
  }
  const profile = parseOrThrow(WorkloadProfileSchema, raw, {
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.pathPrefix === undefined ? {} : { pathPrefix: where.pathPrefix }),
  });
  const workload = resolveWorkload(profile, where);
  const options = evaluateOptions(workload);
  let choice: string | null = null;
  let noChoiceReason: string | null = null;
  try {
    choice = decideForWorkload(workload, where).optionId;
  } catch (error) {
    if (!isInputError(error)) throw error;
    noChoiceReason = error.message;
  }
  const seed = spec.seed ?? 1;
  const { params, skipped } = paramsFromPlacement(workload, options, {
    seed,
    apiRateLimit: input.apiRateLimit ?? null,
  });
  const result = await replayParallel(opened.source, params, profile.slo.ttftP95Ms, worker);
  const byId = new Map(options.map((o) => [o.id, o]));
  const sims = params
    .map((p, i) =>
      simulated(
        byId.get(p.id) as PlacementOption,
        result.metrics[i] as OptionMetrics,
        result.horizonS,
        profile.slo.availability,
      ),
    )
    .sort((a, b) => a.costUsd - b.costUsd || a.id.localeCompare(b.id));
  const best = sims.find((s) => s.meetsSlo) ?? null;
  const chosen = sims.find((s) => s.id === choice) ?? null;
  const load = result.load.points();
  const capacity: Record<string, number[]> = {};
  params.forEach((p, i) => {
    const points = (result.metrics[i] as OptionMetrics).capacity.points().points;
    capacity[p.id] = load.points.map((_, k) => {
      // Capacity buckets may be wider or narrower than the load's; read the one covering the time.
      const at = load.points[k]?.[0] ?? 0;
      let v = 0;
      for (const [start, value] of points) if (start <= at) v = value;
      return v;
    });
  });
  return {
    timeline: {
      bucketS: load.widthS,
      startsS: load.points.map((p) => p[0]),
      requestsPerSecond: load.points.map((p) => round(p[1] / load.widthS, 3)),
      capacity,
    },
    trace: {
      file,
      format: opened.format,
      seed,
      scale: spec.scale ?? 1,
      repeat: spec.repeat ?? 1,
      startS: spec.startS ?? null,
      durationS: spec.durationS ?? null,
      malformedRows: opened.issues.count,
      malformedSamples: [...opened.issues.samples],
      // Relative to the working directory, like the trace path: reports must not depend on
      // where the repository was checked out.
      lengthsSource:
        opened.lengthsSource === undefined ? null : relative(process.cwd(), opened.lengthsSource),
      stats: result.trace,
      horizonS: round(result.horizonS, 3),
    },
    slo: { ttftP95Ms: profile.slo.ttftP95Ms, availability: profile.slo.availability },
    trafficFromTrace: derive,
    plannedTraffic: {
      tokensPerDay: Math.round(workload.traffic.tokensPerDay),
      avgInputTokens: workload.traffic.avgInputTokens,
      avgOutputTokens: workload.traffic.avgOutputTokens,
      peakToMean: workload.traffic.peakToMean,
      activeHoursPerDay: workload.traffic.activeHoursPerDay,
    },
    options: sims,
    skipped,
    cheapestMeetingSlo: best?.id ?? null,
    plan: {
      choice,
      noChoiceReason,
      choiceMetSlo: chosen ? chosen.meetsSlo : null,
      regretPercent:
        best && chosen
          ? round(best.costUsd > 0 ? ((chosen.costUsd - best.costUsd) / best.costUsd) * 100 : 0, 1)
          : null,
    },
  };
}
