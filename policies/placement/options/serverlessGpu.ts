import { GPUS } from "../catalog/gpus.js";
import { LATENCY } from "../catalog/latency.js";
import type { Cloud } from "../catalog/machines.js";
import {
  CLOUD_RUN_GPU_REGIONS,
  CLOUD_RUN_SHAPES,
  SAGEMAKER_SHAPES,
  type ServerlessShape,
} from "../catalog/serverless.js";
import { TARGET_UTILISATION } from "../catalog/throughput.js";
import { decodeRate, replicaTokensPerSecond, warmTtftP95Ms, weightLoadSeconds } from "../performance.js";
import { shapeUsdPerHour } from "../prices.js";
import { fitReplica, memoryPerReplicaGB, USABLE_MEMORY_FRACTION } from "../sizing.js";
import {
  DAYS_PER_MONTH,
  HOURS_PER_MONTH,
  loadTokensPerSecond,
  type ResolvedTraffic,
  type Workload,
} from "../workload.js";
import { cents, infeasible, type PlacementOption, total } from "./types.js";

/** The two ways to run a serverless GPU endpoint the policy compares. */
export const SERVERLESS_VARIANTS = [
  { variant: "scale-to-zero", minInstances: 0 },
  { variant: "min-1-instance", minInstances: 1 },
] as const;

/** Share of requests above which cold starts set the p95 (5 % of requests may be slower than p95). */
const P95_TAIL = 0.05;

/** A serverless bill for one day pattern, USD a month by part, and the share of requests that start cold. */
export interface ServerlessBill {
  breakdown: Record<string, number>;
  coldStartShare: number;
  peakInstances: number;
}

/**
 * Monthly bill of a serverless GPU endpoint (docs/placement.md, "Serverless GPU"). With no minimum
 * instances, a Poisson stream of `lambda` requests/s over the active hours keeps an instance up a
 * share `1 - e^(-lambda*tau)` of the time (tau: idle tail) and starts cold for a share
 * `e^(-lambda*tau)` of requests, each billed `coldS`; the sum is taken at `min(x, 1 + tau/coldS)`
 * (x = lambda*tau) so that the bill never falls as traffic grows. Capacity beyond one instance
 * is billed as busy time at the target utilisation, and each extra instance at the daily peak
 * costs one more cold start.
 */
export function serverlessBill(
  traffic: ResolvedTraffic,
  tokensPerSecondPerInstance: number,
  coldS: number,
  minInstances: number,
  usdPerHour: number,
): ServerlessBill {
  const perInstance = tokensPerSecondPerInstance * TARGET_UTILISATION.serverless;
  const activeSec = traffic.activeHoursPerDay * 3600;
  const busySec = traffic.tokensPerDay / perInstance;
  const peakInstances = Math.max(1, Math.ceil(loadTokensPerSecond(traffic).peak / perInstance));
  const monthly = (secondsPerDay: number) => (secondsPerDay * DAYS_PER_MONTH * usdPerHour) / 3600;
  if (minInstances === 0) {
    const tau = LATENCY.idleTailS.value;
    const lambda = traffic.requestsPerDay / activeSec;
    const kappa = coldS / tau;
    const x = Math.min(lambda * tau, 1 + 1 / kappa);
    const warmSec = activeSec * (1 - Math.exp(-x));
    const coldSec = activeSec * kappa * x * Math.exp(-x) + (peakInstances - 1) * coldS;
    return {
      breakdown: { instanceTime: monthly(Math.max(warmSec, busySec)), coldStarts: monthly(coldSec) },
      coldStartShare: Math.exp(-lambda * tau),
      peakInstances,
    };
  }
  const extraSec = Math.max(0, busySec - minInstances * activeSec);
  return {
    breakdown: {
      minInstances: minInstances * HOURS_PER_MONTH * usdPerHour,
      burstInstanceTime: monthly(extraSec),
      coldStarts: monthly(Math.max(0, peakInstances - minInstances) * coldS),
    },
    coldStartShare: 0,
    peakInstances: Math.max(peakInstances, minInstances),
  };
}

/** Seconds from zero instances to the first token being possible on `cloud`'s serverless GPU. */
export function serverlessColdStartS(cloud: Cloud, weightsSeconds: number): number {
  const infra =
    cloud === "gcp"
      ? LATENCY.cloudRunInfraS.value + LATENCY.cloudRunImageS.value
      : LATENCY.sageMakerFromZeroS.value;
  return infra + LATENCY.engineInitS.value + weightsSeconds;
}

/**
 * Serverless GPU options on `cloud`: Cloud Run (gcp, one GPU per instance) or SageMaker
 * inference components scaled to zero (aws), each scaled to zero and with one warm instance.
 * The cheapest shape that holds the model is used.
 */
export function serverlessOptions(workload: Workload, cloud: Cloud): PlacementOption[] {
  return SERVERLESS_VARIANTS.map(({ variant, minInstances }) =>
    serverlessOption(workload, cloud, variant, minInstances),
  );
}

/** One serverless GPU variant on `cloud`: scaled to zero (`minInstances` 0) or with warm instances. */
export function serverlessOption(
  workload: Workload,
  cloud: Cloud,
  variant: string,
  minInstances: number,
): PlacementOption {
  const service = cloud === "gcp" ? "Cloud Run" : "SageMaker";
  const base = { platform: "serverless-gpu" as const, cloud, variant, service };
  const { model, traffic, profile } = workload;
  const region = profile.constraints.regions[cloud];
  if (cloud === "gcp" && !CLOUD_RUN_GPU_REGIONS.includes(region)) {
    return infeasible(
      base,
      `Cloud Run has no GPUs in ${region} (GPU regions: ${CLOUD_RUN_GPU_REGIONS.join(", ")})`,
    );
  }
  const shapes: readonly ServerlessShape[] = cloud === "gcp" ? CLOUD_RUN_SHAPES : SAGEMAKER_SHAPES;
  const needGB = memoryPerReplicaGB(model, traffic);
  const coldS = serverlessColdStartS(cloud, weightLoadSeconds(model));
  const budget = profile.constraints.budgetUsdPerMonth;
  let best: PlacementOption | undefined;
  const unpriced: string[] = [];
  for (const shape of shapes) {
    const layout = fitReplica(needGB, shape.gpuType, shape.gpuCount, 1);
    if (!layout) continue;
    const usdPerHour = shapeUsdPerHour(shape, profile.pricing);
    if (usdPerHour === null) {
      unpriced.push(shape.name);
      continue;
    }
    const rate = decodeRate(model, shape.gpuType, layout.gpusPerReplica);
    const theta = replicaTokensPerSecond(rate, traffic);
    const bill = serverlessBill(traffic, theta, coldS, minInstances, usdPerHour);
    const cost = total(bill.breakdown);
    if (best?.monthlyCostUsd != null && best.monthlyCostUsd <= cents(cost)) continue;
    const warm = warmTtftP95Ms(rate, traffic);
    const ttft = bill.coldStartShare > P95_TAIL ? warm + coldS * 1000 : warm;
    // SageMaker invocations error while an endpoint scales from zero: those requests are lost.
    const errorsCold = cloud === "aws" && bill.coldStartShare > 1 - profile.slo.availability;
    const notes = [
      `${shape.name} at $${usdPerHour.toFixed(4)}/h (${shape.source}, ${shape.date})`,
      `throughput ${Math.round(theta)} tok/s per instance (${rate.basis}: ${rate.source})`,
      `cold start ${coldS.toFixed(0)} s; ${(bill.coldStartShare * 100).toFixed(1)} % of requests start cold`,
    ];
    if (errorsCold) {
      notes.push(
        `SageMaker invocations error during scale from zero: ${(bill.coldStartShare * 100).toFixed(1)} % of requests would fail, above the ${((1 - profile.slo.availability) * 100).toFixed(2)} % the availability SLO allows`,
      );
    }
    if (cloud === "gcp" && region !== "us-central1")
      notes.push(`prices are us-central1's; ${region} may differ`);
    if (cloud === "aws" && region !== "us-east-1") notes.push(`prices are us-east-1's; ${region} may differ`);
    best = {
      id: `serverless-gpu/${cloud}/${variant}`,
      ...base,
      feasible: true,
      monthlyCostUsd: cents(cost),
      costBreakdown: Object.fromEntries(Object.entries(bill.breakdown).map(([k, v]) => [k, cents(v)])),
      ttftP95Ms: Math.round(ttft),
      meetsSlo: ttft <= profile.slo.ttftP95Ms && !errorsCold,
      withinBudget: budget === undefined || cost <= budget,
      sizing: {
        gpuType: shape.gpuType,
        instanceType: shape.name,
        gpusPerReplica: layout.gpusPerReplica,
        tensorParallel: layout.tensorParallel,
        pipelineParallel: 1,
        nodesPerReplica: 1,
        replicas: bill.peakInstances,
        nodes: bill.peakInstances,
        memoryPerReplicaGB: Math.round(needGB * 10) / 10,
        tokensPerSecondPerReplica: Math.round(theta),
        throughputBasis: rate.basis,
      },
      latency: {
        warmTtftP95Ms: Math.round(warm),
        coldStartS: Math.round(coldS),
        coldStartShare: bill.coldStartShare,
      },
      notes,
    };
  }
  if (best) return best;
  if (unpriced.length > 0) {
    return infeasible(
      base,
      `the model (${needGB.toFixed(0)} GB) fits only ${unpriced.join(", ")}, which has no sourced price; set pricing.instances.${unpriced[0]}.onDemandUsdPerHour`,
    );
  }
  const largest = shapes.reduce((a, b) =>
    GPUS[b.gpuType].memoryGB * b.gpuCount > GPUS[a.gpuType].memoryGB * a.gpuCount ? b : a,
  );
  const largestGB = GPUS[largest.gpuType].memoryGB * largest.gpuCount;
  const perInstance = cloud === "gcp" ? "one GPU per instance, " : "";
  return infeasible(
    base,
    `needs ${needGB.toFixed(0)} GB of GPU memory per replica (${model.weightsGB.toFixed(0)} GB of ${model.precision} weights plus KV cache); ${service} has ${perInstance}the largest being ${largest.name} with ${largestGB} GB (${(largestGB * USABLE_MEMORY_FRACTION).toFixed(0)} GB usable)`,
  );
}
