import { parseOrThrow } from "../../common/zodIssues.js";
import { type BreakEven, breakEven, fmt } from "./breakEven.js";
import { CATALOG_DATE } from "./catalog/source.js";
import { evaluateOptions } from "./options/evaluate.js";
import type { PlacementOption } from "./options/types.js";
import { PLATFORMS, type Platform, type WorkloadProfileInput, WorkloadProfileSchema } from "./profile.js";
import { type ProfileSource, profileError, resolveWorkload } from "./resolve.js";
import type { Sizing } from "./sizing.js";
import type { Workload } from "./workload.js";

/**
 * The placement decision: what `inferplane plan --json` prints and what LlmPlatform provisions.
 * `platform`, `cloud`, `reasons`, `sizing`, `options` and `breakEven` are a contract CI relies on.
 */
export interface PlacementDecision {
  platform: Platform;
  cloud: "gcp" | "aws";
  /** Id of the chosen option in `options`. */
  optionId: string;
  variant: string;
  service: string;
  monthlyCostUsd: number;
  ttftP95Ms: number;
  /** The profile's override when it decided, with its reason; otherwise `null`. */
  override: { platform: Platform; cloud: string | null; reason: string } | null;
  /** Plain-words reasons naming the numbers that decided. */
  reasons: string[];
  sizing: Sizing;
  /** Every option weighed, feasible or not, cheapest first. */
  options: PlacementOption[];
  breakEven: BreakEven;
  /** The workload as the policy read it. */
  workload: {
    model: string;
    paramsB: number;
    precision: string;
    custom: boolean;
    tokensPerDay: number;
    requestsPerDay: number;
    peakToMean: number;
    activeHoursPerDay: number;
    sloTtftP95Ms: number;
    availability: number;
  };
  /** Date of the price and latency catalog snapshot. */
  catalogDate: string;
}

const usd = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

function rank(a: PlacementOption, b: PlacementOption, clouds: string[]): number {
  return (
    (a.monthlyCostUsd ?? Number.POSITIVE_INFINITY) - (b.monthlyCostUsd ?? Number.POSITIVE_INFINITY) ||
    PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) ||
    clouds.indexOf(a.cloud) - clouds.indexOf(b.cloud) ||
    a.variant.localeCompare(b.variant)
  );
}

function describe(o: PlacementOption): string {
  return `${o.platform} on ${o.cloud} (${o.service}, ${o.variant})`;
}

/**
 * Decides where to run a workload: the cheapest feasible option that meets the SLO and the
 * budget, or the profile's override. A pure function of the profile and the catalogs.
 *
 * @param input a workload profile (raw or already parsed); validated here.
 * @param where the file and path the profile came from, for error messages.
 * @throws InputError when the profile is invalid or its constraints leave no feasible option.
 */
export function decidePlacement(
  input: WorkloadProfileInput | unknown,
  where: ProfileSource = {},
): PlacementDecision {
  const profile = parseOrThrow(WorkloadProfileSchema, input, {
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.pathPrefix === undefined ? {} : { pathPrefix: where.pathPrefix }),
  });
  const workload = resolveWorkload(profile, where);
  return decideForWorkload(workload, where);
}

/** {@link decidePlacement} for an already resolved workload (used by the chart's volume sweep). */
export function decideForWorkload(workload: Workload, where: ProfileSource = {}): PlacementDecision {
  const { profile } = workload;
  const clouds = workload.clouds;
  const options = evaluateOptions(workload).sort((a, b) => rank(a, b, clouds));
  const feasible = options.filter((o) => o.feasible);
  if (feasible.length === 0) {
    const memory = options.every((o) => o.infeasibleReason?.includes("GPU memory"));
    profileError(
      where,
      memory ? "model" : "constraints",
      `no option is feasible:\n${options.map((o) => `  - ${o.id}: ${o.infeasibleReason}`).join("\n")}\nFix: ${memory ? "use a lower model.precision (fp8, int4) or allow more clouds or node types" : "allow more platforms, clouds or node types in constraints"}`,
    );
  }
  const reasons: string[] = [];
  let chosen: PlacementOption;
  const good = feasible.filter((o) => o.meetsSlo && o.withinBudget);
  const override = profile.override;
  if (override) {
    const pool = feasible.filter(
      (o) => o.platform === override.platform && (!override.cloud || o.cloud === override.cloud),
    );
    if (pool.length === 0) {
      const why = options
        .filter((o) => o.platform === override.platform && (!override.cloud || o.cloud === override.cloud))
        .map((o) => `${o.id}: ${o.infeasibleReason}`)
        .join("; ");
      profileError(
        where,
        "override.platform",
        `${override.platform} cannot run this workload (${why}). Fix: override to a feasible platform or remove the override`,
      );
    }
    chosen = pool.find((o) => o.meetsSlo && o.withinBudget) ?? (pool[0] as PlacementOption);
    reasons.push(`Forced by override to ${describe(chosen)}: ${override.reason}.`);
    const policy = good[0];
    if (policy && policy.id !== chosen.id) {
      const delta = (chosen.monthlyCostUsd ?? 0) - (policy.monthlyCostUsd ?? 0);
      reasons.push(
        `Without the override the policy would choose ${describe(policy)} at ${usd(policy.monthlyCostUsd ?? 0)}/month; the override costs ${usd(Math.abs(delta))}/month ${delta >= 0 ? "more" : "less"}.`,
      );
    }
    if (!chosen.meetsSlo)
      reasons.push(
        `Warning: its p95 time to first token, ${chosen.ttftP95Ms} ms, misses the ${profile.slo.ttftP95Ms} ms SLO.`,
      );
    if (!chosen.withinBudget)
      reasons.push(
        `Warning: ${usd(chosen.monthlyCostUsd ?? 0)}/month is over the ${usd(profile.constraints.budgetUsdPerMonth ?? 0)} budget.`,
      );
  } else {
    if (good.length === 0) {
      const meeting = feasible.filter((o) => o.meetsSlo);
      if (meeting.length === 0) {
        const fastest = feasible.reduce((a, b) => ((b.ttftP95Ms ?? 0) < (a.ttftP95Ms ?? 0) ? b : a));
        profileError(
          where,
          "slo.ttftP95Ms",
          `no feasible option meets the ${profile.slo.ttftP95Ms} ms p95 time to first token; the fastest is ${fastest.id} at ${fastest.ttftP95Ms} ms. Fix: raise slo.ttftP95Ms to at least ${fastest.ttftP95Ms}, or allow more platforms`,
        );
      }
      const cheapest = meeting[0] as PlacementOption;
      profileError(
        where,
        "constraints.budgetUsdPerMonth",
        `the cheapest option that meets the SLO, ${cheapest.id}, costs ${usd(cheapest.monthlyCostUsd ?? 0)}/month, over the ${usd(profile.constraints.budgetUsdPerMonth ?? 0)} budget. Fix: raise constraints.budgetUsdPerMonth or relax the SLO`,
      );
    }
    chosen = good[0] as PlacementOption;
    reasons.push(
      `${describe(chosen)} is the cheapest option that meets the SLO and constraints: ${usd(chosen.monthlyCostUsd ?? 0)}/month, p95 time to first token ${chosen.ttftP95Ms} ms against ${profile.slo.ttftP95Ms} ms.`,
    );
    const next = good[1];
    if (next) {
      const pct = ((next.monthlyCostUsd ?? 0) / Math.max(chosen.monthlyCostUsd ?? 0, 0.01) - 1) * 100;
      reasons.push(
        `Next best: ${describe(next)} at ${usd(next.monthlyCostUsd ?? 0)}/month (${pct.toFixed(0)} % more).`,
      );
    }
  }
  for (const o of feasible) {
    if (o === chosen || (o.monthlyCostUsd ?? 0) >= (chosen.monthlyCostUsd ?? 0)) continue;
    if (!o.meetsSlo) {
      const cold =
        o.latency && o.latency.coldStartShare > 0.05
          ? ` (${(o.latency.coldStartShare * 100).toFixed(0)} % of requests wait a ${o.latency.coldStartS} s cold start)`
          : "";
      reasons.push(
        `${describe(o)} is cheaper at ${usd(o.monthlyCostUsd ?? 0)}/month but its p95 time to first token is ${o.ttftP95Ms} ms${cold}.`,
      );
    } else if (!o.withinBudget) {
      reasons.push(`${describe(o)} costs ${usd(o.monthlyCostUsd ?? 0)}/month, over the budget.`);
    }
  }
  for (const o of options) if (!o.feasible) reasons.push(`${o.id} ruled out: ${o.infeasibleReason}.`);
  const be = breakEven(workload, options);
  const volume = workload.traffic.tokensPerDay;
  reasons.push(
    be.tokensPerDay === null
      ? `Break-even: none (${be.reason}).`
      : `At ${fmt(volume)} tokens/day the volume is ${volume < be.tokensPerDay ? "below" : "above"} the break-even of ${fmt(be.tokensPerDay)} tokens/day between ${be.between?.[0].id} and ${be.between?.[1].id}.`,
  );
  return {
    platform: chosen.platform,
    cloud: chosen.cloud,
    optionId: chosen.id,
    variant: chosen.variant,
    service: chosen.service,
    monthlyCostUsd: chosen.monthlyCostUsd ?? 0,
    ttftP95Ms: chosen.ttftP95Ms ?? 0,
    override: override
      ? { platform: override.platform, cloud: override.cloud ?? null, reason: override.reason }
      : null,
    reasons,
    sizing: chosen.sizing as Sizing,
    options,
    breakEven: be,
    workload: {
      model: workload.model.name,
      paramsB: workload.model.paramsB,
      precision: workload.model.precision,
      custom: workload.model.custom,
      tokensPerDay: Math.round(volume),
      requestsPerDay: Math.round(workload.traffic.requestsPerDay),
      peakToMean: workload.traffic.peakToMean,
      activeHoursPerDay: workload.traffic.activeHoursPerDay,
      sloTtftP95Ms: profile.slo.ttftP95Ms,
      availability: profile.slo.availability,
    },
    catalogDate: CATALOG_DATE,
  };
}
