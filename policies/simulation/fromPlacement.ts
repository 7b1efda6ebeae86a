import { GPUS, type GpuType } from "../placement/catalog/gpus.js";
import { LATENCY } from "../placement/catalog/latency.js";
import { MACHINES } from "../placement/catalog/machines.js";
import { SERVERLESS_SHAPES } from "../placement/catalog/serverless.js";
import { TARGET_UTILISATION, THROUGHPUT_MODEL } from "../placement/catalog/throughput.js";
import { managedApiOption } from "../placement/options/managedApi.js";
import { nodeScaleUpS, replicaFloor } from "../placement/options/nodePool.js";
import {
  SERVERLESS_VARIANTS,
  serverlessColdStartS,
  serverlessOptions,
} from "../placement/options/serverlessGpu.js";
import type { PlacementOption } from "../placement/options/types.js";
import { weightLoadSeconds } from "../placement/performance.js";
import { controlPlaneUsdPerHour, managedApiPrice, nodePrices, shapeUsdPerHour } from "../placement/prices.js";
import { USABLE_MEMORY_FRACTION } from "../placement/sizing.js";
import type { Workload } from "../placement/workload.js";
import { DEFAULT_AUTOSCALER, SIMULATION_DEFAULTS } from "./defaults.js";
import type {
  HybridParams,
  KubernetesParams,
  ManagedApiParams,
  OptionIdentity,
  OptionParams,
  ReplicaModel,
  ServerlessParams,
} from "./engine/params.js";

/** Settings of a replay that are not in the profile. */
export interface ReplaySettings {
  /** Seed for Spot interruptions. */
  seed: number;
  /** Managed-API quota to model; `null`: none. */
  apiRateLimit: ManagedApiParams["rateLimit"];
}

/** An option the plan weighed that cannot be simulated, and why. */
export interface SkippedOption {
  id: string;
  reason: string;
}

function identity(o: PlacementOption): OptionIdentity {
  return { id: o.id, platform: o.platform, cloud: o.cloud, variant: o.variant, service: o.service };
}

/**
 * The replica model of `gpus` GPUs of `gpuType` serving `workload`: the decode rate that gives the
 * plan's tokens per second at the profile's mix (so profile overrides carry over), the share of the
 * replica one request of that mix uses alone (prefill at full speed, decode at the single-stream
 * rate), and a batch limited by the KV cache the GPUs hold beyond the weights, at most vLLM's 256
 * sequences.
 */
export function replicaModelFor(
  workload: Workload,
  gpuType: GpuType,
  gpus: number,
  tokensPerSecond: number,
): ReplicaModel {
  const { avgInputTokens: input, avgOutputTokens: output } = workload.traffic;
  const p = THROUGHPUT_MODEL.prefillToDecode;
  const decode = (tokensPerSecond * (output + input / p)) / (input + output);
  const freeGB = GPUS[gpuType].memoryGB * gpus * USABLE_MEMORY_FRACTION - workload.model.weightsGB;
  const perRequestGB = workload.model.kvGBPerToken * (input + output);
  const slots = Math.floor(freeGB / perRequestGB);
  // A lone request prefills at the replica's full speed and decodes at the single-stream share:
  // the share of the replica it uses on average is its full-batch time over its time alone.
  const prefillS = input / (p * decode);
  const decodeS = output / decode;
  const share = (prefillS + decodeS) / (prefillS + decodeS / SIMULATION_DEFAULTS.singleStreamShare.value);
  return {
    decodeTokensPerSecond: decode,
    prefillToDecode: p,
    singleStreamShare: share,
    maxConcurrency: Math.max(1, Math.min(SIMULATION_DEFAULTS.maxConcurrency.value, slots)),
    warmBaseMs: LATENCY.warmBaseMs.value,
    warmQueueFactor: LATENCY.warmQueueFactor.value,
  };
}

function managedParams(workload: Workload, o: PlacementOption, s: ReplaySettings): ManagedApiParams | string {
  const price = managedApiPrice(o.cloud, workload.model.name, workload.profile.pricing);
  if (typeof price === "string") return `no managed-API price (${price})`;
  return {
    kind: "managed-api",
    ...identity(o),
    inputUsdPerMTokens: price.input,
    outputUsdPerMTokens: price.output,
    ttftMs: LATENCY.managedApiTtftP95Ms.value,
    rateLimit: s.apiRateLimit,
  };
}

function serverlessParams(workload: Workload, o: PlacementOption): ServerlessParams | string {
  const sizing = o.sizing;
  const shape = SERVERLESS_SHAPES.find((x) => x.name === sizing?.instanceType);
  if (!sizing || !shape || !sizing.gpuType) return "the plan gives no serverless shape";
  const usdPerHour = shapeUsdPerHour(shape, workload.profile.pricing);
  if (usdPerHour === null) return `${shape.name} has no price`;
  const variant = SERVERLESS_VARIANTS.find((v) => v.variant === o.variant);
  const limit =
    shape.service === "SageMaker"
      ? SIMULATION_DEFAULTS.sageMakerMaxInstances.value
      : SIMULATION_DEFAULTS.cloudRunMaxInstances.value;
  return {
    kind: "serverless-gpu",
    ...identity(o),
    replica: replicaModelFor(
      workload,
      sizing.gpuType,
      sizing.gpusPerReplica,
      sizing.tokensPerSecondPerReplica,
    ),
    usdPerInstanceHour: usdPerHour,
    minInstances: variant?.minInstances ?? 0,
    maxInstances: Math.max(limit, sizing.replicas),
    coldStartS: serverlessColdStartS(o.cloud, weightLoadSeconds(workload.model)),
    idleTailS: LATENCY.idleTailS.value,
    targetUtilisation: TARGET_UTILISATION.serverless,
    coldStartErrors: shape.service === "SageMaker",
  };
}

function kubernetesParams(
  workload: Workload,
  o: PlacementOption,
  s: ReplaySettings,
): KubernetesParams | string {
  const sizing = o.sizing;
  const machine = MACHINES.find((m) => m.name === sizing?.instanceType);
  if (!sizing || !machine) return "the plan gives no node type";
  const { profile } = workload;
  const prices = nodePrices(machine, profile.pricing);
  const multiNode = sizing.nodesPerReplica > 1;
  return {
    kind: "kubernetes",
    ...identity(o),
    replica: replicaModelFor(
      workload,
      machine.gpuType,
      sizing.gpusPerReplica,
      sizing.tokensPerSecondPerReplica,
    ),
    replicasPerUnit: multiNode ? 1 : Math.max(1, Math.floor(machine.gpuCount / sizing.gpusPerReplica)),
    nodesPerUnit: Math.max(1, sizing.nodesPerReplica),
    onDemandUsdPerNodeHour: prices.onDemand,
    spotUsdPerNodeHour: profile.constraints.spot ? prices.spot : null,
    spotInterruptionsPerNodeMonth: prices.interruptionPerMonth,
    floorReplicas: Math.min(sizing.replicas, replicaFloor(workload)),
    initialReplicas: sizing.replicas,
    maxReplicas: Math.max(sizing.replicas, profile.constraints.kubernetes.maxReplicas),
    nodeScaleUpS: nodeScaleUpS(workload),
    podStartS: LATENCY.engineInitS.value + weightLoadSeconds(workload.model),
    autoscaler: DEFAULT_AUTOSCALER,
    overheadFactor: profile.pricing.overheadFactor,
    controlPlaneUsdPerHour: controlPlaneUsdPerHour(o.cloud, profile.pricing),
    operationsUsdPerHour: (profile.team.opsFte * profile.team.fteUsdPerYear) / 8760,
    seed: s.seed,
  };
}

/**
 * A hybrid's base is a fixed fleet of the plan's base replicas; its overflow is the service the
 * plan named after the `+` in the option's service (a model API or the serverless endpoint scaled
 * to zero). With no overflow in the plan, bursts queue on the base.
 */
function hybridParams(
  workload: Workload,
  o: PlacementOption,
  s: ReplaySettings,
): HybridParams | OptionParams | string {
  const base = kubernetesParams(workload, o, s);
  if (typeof base === "string") return base;
  const fixed: KubernetesParams = {
    ...base,
    floorReplicas: base.initialReplicas,
    maxReplicas: base.initialReplicas,
    autoscaler: { ...base.autoscaler, enabled: false },
  };
  const overflowService = o.service.split(" + ")[1];
  if (overflowService === undefined) return fixed;
  const api = managedApiOption(workload, o.cloud);
  if (api.feasible && api.service === overflowService) {
    const p = managedParams(workload, api, s);
    if (typeof p === "string") return p;
    return { kind: "hybrid", ...identity(o), base: fixed, overflow: p };
  }
  const sl = serverlessOptions(workload, o.cloud).find((x) => x.feasible && x.service === overflowService);
  if (!sl) return `the overflow ${overflowService} is not feasible on its own`;
  const p = serverlessParams(workload, sl);
  if (typeof p === "string") return p;
  return { kind: "hybrid", ...identity(o), base: fixed, overflow: p };
}

/**
 * Simulation parameters for every feasible option of a plan, from the same sizing, catalogs and
 * price overrides the plan used. Infeasible options are returned with the plan's reason.
 */
export function paramsFromPlacement(
  workload: Workload,
  options: readonly PlacementOption[],
  settings: ReplaySettings,
): { params: OptionParams[]; skipped: SkippedOption[] } {
  const params: OptionParams[] = [];
  const skipped: SkippedOption[] = [];
  for (const o of options) {
    if (!o.feasible) {
      skipped.push({ id: o.id, reason: o.infeasibleReason ?? "infeasible" });
      continue;
    }
    const p =
      o.platform === "managed-api"
        ? managedParams(workload, o, settings)
        : o.platform === "serverless-gpu"
          ? serverlessParams(workload, o)
          : o.platform === "kubernetes"
            ? kubernetesParams(workload, o, settings)
            : hybridParams(workload, o, settings);
    if (typeof p === "string") skipped.push({ id: o.id, reason: p });
    else params.push(p.id === o.id ? p : { ...p, ...identity(o) });
  }
  return { params, skipped };
}
