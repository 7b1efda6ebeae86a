/**
 * The workload profile as component arguments: the same fields as `WorkloadProfileSchema`
 * (docs/placement.md), written as interfaces without unions so the component-package schema
 * generates for Python, Go and YAML. Values are validated by the placement policy's zod schema.
 */

/** The model to serve. */
export interface WorkloadModelArgs {
  /** Catalog name or Hugging Face id, e.g. `llama-3.1-8b-instruct` or `meta-llama/Llama-3.1-8B-Instruct`. */
  name?: string;
  /** Parameters in billions; required when `name` is not in the catalog. */
  paramsB?: number;
  /** Weight precision: `fp32`, `bf16`, `fp16`, `fp8`, `int8` or `int4`. Default: the catalog's, else `bf16`. */
  precision?: string;
  /** Longest request the server must accept, tokens. Default 8192. */
  contextTokens?: number;
  /** Fine-tuned or private weights: rules out managed model APIs. Default false. */
  custom?: boolean;
}

/** Daily traffic: exactly one of `tokensPerDay` and `requestsPerDay`. */
export interface WorkloadTrafficArgs {
  /** Input plus output tokens a day. */
  tokensPerDay?: number;
  /** Requests a day. */
  requestsPerDay?: number;
  /** Mean input tokens per request. Default 1155. */
  avgInputTokens?: number;
  /** Mean output tokens per request. Default 211. */
  avgOutputTokens?: number;
  /** Peak over mean request rate during active hours. Default 3. */
  peakToMean?: number;
  /** Hours a day with traffic. Default 24. */
  activeHoursPerDay?: number;
}

/** Service level objectives. */
export interface WorkloadSloArgs {
  /** p95 time to first token, ms, cold starts included. Default 2000. */
  ttftP95Ms?: number;
  /** Fraction of time the service must answer, e.g. 0.99. Default 0.99. */
  availability?: number;
}

/** The people cost of self-hosting. */
export interface WorkloadTeamArgs {
  /** Operations effort self-hosting adds, full-time engineers. Default 0.25. */
  opsFte?: number;
  /** Fully loaded cost of one engineer, USD a year. Default 150000. */
  fteUsdPerYear?: number;
}

/** Region per cloud. */
export interface WorkloadRegionsArgs {
  /** Google Cloud region. Default `us-central1`. */
  gcp?: string;
  /** AWS region. Default `us-east-1`. */
  aws?: string;
}

/** Kubernetes bounds and overrides. */
export interface WorkloadKubernetesArgs {
  /** Pin node instance or machine types (e.g. `g5.12xlarge`, `a3-highgpu-8g`). */
  instanceTypes?: string[];
  /** Fewest model replicas. Default 1. */
  minReplicas?: number;
  /** Most model replicas. Default 64. */
  maxReplicas?: number;
  /** Input plus output tokens per second one replica sustains, replacing the estimate. */
  tokensPerSecondPerReplica?: number;
}

/** What the placement may use. */
export interface WorkloadConstraintsArgs {
  /** Allowed clouds: `gcp`, `aws`. Default both. */
  clouds?: string[];
  /** Region per cloud. */
  regions?: WorkloadRegionsArgs;
  /** Allowed platforms: `managed-api`, `serverless-gpu`, `kubernetes`, `hybrid`. Default all. */
  platforms?: string[];
  /** Allow Spot capacity (with on-demand fallback) on self-hosted nodes. Default false. */
  spot?: boolean;
  /** Most the deployment may cost, USD a month. Default: no limit. */
  budgetUsdPerMonth?: number;
  /** Kubernetes bounds. */
  kubernetes?: WorkloadKubernetesArgs;
}

/** Managed-API prices, USD per 1 M tokens. */
export interface WorkloadManagedApiPriceArgs {
  /** USD per 1 M input tokens. */
  inputUsdPerMTokens: number;
  /** USD per 1 M output tokens. */
  outputUsdPerMTokens: number;
}

/** An instance price override, USD an hour. */
export interface WorkloadInstancePriceArgs {
  /** On-demand price, USD an hour. */
  onDemandUsdPerHour?: number;
  /** Spot price, USD an hour. */
  spotUsdPerHour?: number;
}

/** Price overrides; everything else comes from the catalogs. */
export interface WorkloadPricingArgs {
  /** One blended managed-API price, USD per 1 M tokens, on every cloud. */
  managedApiUsdPerMTokens?: number;
  /** Managed-API input and output prices on every cloud. */
  managedApi?: WorkloadManagedApiPriceArgs;
  /** Instance prices by catalog name (EC2, Compute Engine, SageMaker, `cloudrun-l4`). */
  instances?: Record<string, WorkloadInstancePriceArgs>;
  /** Multiplier on self-hosted node cost. Default 1.25. */
  overheadFactor?: number;
  /** Kubernetes control-plane fee, USD an hour. Default 0.10. */
  controlPlaneUsdPerHour?: number;
}

/** A forced platform, recorded with its reason. */
export interface WorkloadOverrideArgs {
  /** The platform to deploy instead of the policy's choice. */
  platform: string;
  /** The cloud to deploy on. Default: the cheapest feasible one. */
  cloud?: string;
  /** Why the decision is overridden (required; the guard's PLAT-01 checks it). */
  reason: string;
}

/** A workload profile (docs/placement.md), the input of the placement policy. */
export interface WorkloadProfileArgs {
  /** The model to serve. */
  model: WorkloadModelArgs;
  /** Daily traffic. */
  traffic: WorkloadTrafficArgs;
  /** Service level objectives. */
  slo?: WorkloadSloArgs;
  /** The people cost of self-hosting. */
  team?: WorkloadTeamArgs;
  /** What the placement may use. */
  constraints?: WorkloadConstraintsArgs;
  /** Price overrides. */
  pricing?: WorkloadPricingArgs;
  /** Force a platform, with its reason. */
  override?: WorkloadOverrideArgs;
}
