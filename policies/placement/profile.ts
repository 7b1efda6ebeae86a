import { z } from "zod";
import { TRACE_FORMATS } from "../simulation/trace/types.js";
import { PRECISIONS } from "./catalog/models.js";

/** Platforms the policy weighs, in the order it prefers them on a tie (simplest first). */
export const PLATFORMS = ["managed-api", "serverless-gpu", "kubernetes", "hybrid"] as const;
/** A placement platform. */
export type Platform = (typeof PLATFORMS)[number];

/** Clouds the policy places on. */
export const CLOUDS = ["gcp", "aws"] as const;

const positive = (example: string) =>
  z
    .number({ error: `must be a number. Fix: e.g. ${example}` })
    .positive({ error: `must be > 0. Fix: e.g. ${example}` });

const cloud = z.enum(CLOUDS, { error: `unknown cloud. Fix: use one of ${CLOUDS.join(", ")}` });
const platform = z.enum(PLATFORMS, { error: `unknown platform. Fix: use one of ${PLATFORMS.join(", ")}` });

/** The model to serve: a catalog name, or a parameter count for any model. */
export const ModelSchema = z
  .strictObject({
    /** Model catalog name (or its Hugging Face id), e.g. `llama-3.1-70b-instruct`. */
    name: z.string().min(1).optional(),
    /** Parameters in billions; required when `name` is not in the catalog. Overrides the catalog. */
    paramsB: positive("70").optional(),
    /** Weight precision. Default: the catalog model's, else `bf16`. */
    precision: z
      .enum(PRECISIONS, { error: `unknown precision. Fix: use one of ${PRECISIONS.join(", ")}` })
      .optional(),
    /** Longest request the server must accept, tokens. Default 8192. */
    contextTokens: z
      .int({ error: "must be a whole number of tokens. Fix: e.g. 8192" })
      .min(256, { error: "must be at least 256. Fix: e.g. 8192" })
      .max(1_048_576, { error: "must be at most 1048576" })
      .default(8192),
    /** Fine-tuned or private weights: rules out managed model APIs. Default false. */
    custom: z.boolean().default(false),
  })
  .refine((m) => m.name !== undefined || m.paramsB !== undefined, {
    message:
      "give the model. Fix: set model.name to a catalog model or model.paramsB to its size in billions",
  });

/**
 * A request trace the traffic comes from (docs/simulation.md, "Traces"). The profile loaders fill
 * in volume, mean lengths, peak-to-mean and active hours from it where the profile is silent.
 */
export const TrafficTraceSchema = z.strictObject({
  /** The trace file, relative to the profile's file. */
  path: z.string({ error: "must be a file path. Fix: e.g. data/traces/azure-2023/code.csv" }).min(1),
  /** Its format; guessed from the first line when absent. */
  format: z.enum(TRACE_FORMATS).optional(),
});

/** Daily traffic. `tokensPerDay` counts input plus output; `requestsPerDay` may be given instead. */
export const TrafficSchema = z
  .strictObject({
    /** A request trace to derive the other fields from (filled in when the profile is loaded). */
    trace: TrafficTraceSchema.optional(),
    tokensPerDay: positive("50000000").optional(),
    requestsPerDay: positive("40000").optional(),
    /** Mean input tokens per request. Default 1155 (Azure LLM 2023 conversation trace mean). */
    avgInputTokens: positive("1000").default(1155),
    /** Mean output tokens per request. Default 211 (Azure LLM 2023 conversation trace mean). */
    avgOutputTokens: z
      .number({ error: "must be a number. Fix: e.g. 250" })
      .min(1, { error: "must be at least 1. Fix: e.g. 250" })
      .default(211),
    /** Peak over mean request rate during active hours. Default 3 (ServeGen m-large, 10-min windows: 2.98). */
    peakToMean: z
      .number({ error: "must be a number. Fix: e.g. 3" })
      .min(1, { error: "must be at least 1 (the peak is never below the mean). Fix: e.g. 3" })
      .max(1000, { error: "must be at most 1000" })
      .default(3),
    /** Hours a day with traffic; the rest is idle. Default 24. */
    activeHoursPerDay: positive("24")
      .max(24, { error: "must be at most 24. Fix: e.g. 10 for office hours" })
      .default(24),
  })
  .refine((t) => (t.tokensPerDay === undefined) !== (t.requestsPerDay === undefined), {
    message:
      "give exactly one volume. Fix: set traffic.tokensPerDay or traffic.requestsPerDay (not both, not neither), or name a trace in traffic.trace and load the profile with `inferplane plan --workload`",
  });

/** Service level objectives. */
export const SloSchema = z.strictObject({
  /** p95 time to first token, ms, cold starts included. Default 2000. */
  ttftP95Ms: positive("2000").default(2000),
  /** Fraction of time the service must answer. Above 0.99, self-hosted options run at least 2 replicas. Default 0.99. */
  availability: z
    .number({ error: "must be a number. Fix: e.g. 0.99" })
    .gt(0, { error: "must be between 0 and 1. Fix: e.g. 0.99" })
    .lt(1, { error: "must be below 1. Fix: e.g. 0.999" })
    .default(0.99),
});

/** The people cost of running GPU clusters yourself. */
export const TeamSchema = z.strictObject({
  /** Operations effort self-hosting (kubernetes, hybrid) adds, in full-time engineers. Default 0.25. */
  opsFte: z
    .number({ error: "must be a number. Fix: e.g. 0.25" })
    .min(0, { error: "must be 0 or more. Fix: e.g. 0.25" })
    .default(0.25),
  /** Fully loaded cost of one engineer, USD a year. Default 150000 (the comparison article's). */
  fteUsdPerYear: z
    .number({ error: "must be a number. Fix: e.g. 150000" })
    .min(0, { error: "must be 0 or more. Fix: e.g. 150000" })
    .default(150_000),
});

/** Kubernetes bounds and overrides. */
export const KubernetesConstraintsSchema = z
  .strictObject({
    /** Pin the node instance or machine types (e.g. `g5.12xlarge`, `a3-highgpu-8g`). Default: any in the catalog. */
    instanceTypes: z
      .array(z.string().min(1))
      .min(1, { error: "must list at least one type, or be left out" })
      .optional(),
    /** Fewest model replicas. Default 1. */
    minReplicas: z
      .int({ error: "must be a whole number. Fix: e.g. 1" })
      .min(1, { error: "must be at least 1" })
      .default(1),
    /** Most model replicas. Default 64. */
    maxReplicas: z
      .int({ error: "must be a whole number. Fix: e.g. 4" })
      .min(1, { error: "must be at least 1" })
      .default(64),
    /** Input plus output tokens per second one replica sustains, replacing the estimate. */
    tokensPerSecondPerReplica: positive("5000").optional(),
  })
  .refine((k) => k.minReplicas <= k.maxReplicas, {
    message: "minReplicas is above maxReplicas. Fix: make minReplicas <= maxReplicas",
    path: ["minReplicas"],
  });

/** What the placement may use. */
export const ConstraintsSchema = z.strictObject({
  /** Allowed clouds. Default both. */
  clouds: z
    .array(cloud)
    .min(1, { error: "must list at least one cloud. Fix: e.g. [gcp]" })
    .default([...CLOUDS]),
  /** Region per cloud. Default us-central1 and us-east-1 (the catalog's price regions). */
  regions: z
    .strictObject({
      gcp: z.string().min(1).default("us-central1"),
      aws: z.string().min(1).default("us-east-1"),
    })
    .default({ gcp: "us-central1", aws: "us-east-1" }),
  /** Allowed platforms. Default all four. */
  platforms: z
    .array(platform)
    .min(1, { error: "must list at least one platform. Fix: e.g. [serverless-gpu, kubernetes]" })
    .default([...PLATFORMS]),
  /** Allow Spot capacity (with on-demand fallback) on self-hosted nodes. Default false. */
  spot: z.boolean().default(false),
  /** Most the deployment may cost, USD a month. Default: no limit. */
  budgetUsdPerMonth: positive("20000").optional(),
  kubernetes: KubernetesConstraintsSchema.default({ minReplicas: 1, maxReplicas: 64 }),
});

/** Price overrides; everything else comes from the catalogs. */
export const PricingSchema = z
  .strictObject({
    /** One blended managed-API price, USD per 1 M tokens (input and output alike), on every cloud. */
    managedApiUsdPerMTokens: positive("1.5").optional(),
    /** Managed-API prices, USD per 1 M input and output tokens, on every cloud. */
    managedApi: z
      .strictObject({ inputUsdPerMTokens: positive("0.72"), outputUsdPerMTokens: positive("0.72") })
      .optional(),
    /** Instance or machine prices, USD an hour, by catalog name (EC2, Compute Engine, SageMaker, `cloudrun-l4`). */
    instances: z
      .record(
        z.string(),
        z.strictObject({
          onDemandUsdPerHour: positive("5.672").optional(),
          spotUsdPerHour: positive("2.4").optional(),
        }),
      )
      .optional(),
    /** Multiplier on self-hosted node cost for load balancers, storage, monitoring, egress. Default 1.25 (the comparison article's). */
    overheadFactor: z
      .number({ error: "must be a number. Fix: e.g. 1.25" })
      .min(1, { error: "must be at least 1 (1 = no overhead). Fix: e.g. 1.25" })
      .default(1.25),
    /** Kubernetes control-plane fee, USD an hour. Default: the catalog's ($0.10 on EKS and GKE). */
    controlPlaneUsdPerHour: z.number().min(0, { error: "must be 0 or more. Fix: e.g. 0.1" }).optional(),
  })
  .refine((p) => p.managedApiUsdPerMTokens === undefined || p.managedApi === undefined, {
    message:
      "give one managed-API price. Fix: set pricing.managedApiUsdPerMTokens or pricing.managedApi, not both",
    path: ["managedApi"],
  });

/** Force a platform regardless of cost, with the reason recorded in the decision. */
export const OverrideSchema = z.strictObject({
  platform,
  /** Also force the cloud. Default: the cheapest allowed cloud for that platform. */
  cloud: cloud.optional(),
  reason: z.string().min(1, { error: "must say why. Fix: e.g. reason: data residency" }),
});

/**
 * A workload profile: what to serve, how much, how fast, and what the placement may use. Used as
 * a standalone YAML file (`inferplane plan --workload FILE`) and under `inferplane:workload` in a
 * stack's config. Unknown keys are errors. Defaults are documented on each field and in
 * docs/placement.md.
 */
export const WorkloadProfileSchema = z.strictObject({
  model: ModelSchema,
  traffic: TrafficSchema,
  slo: SloSchema.default({ ttftP95Ms: 2000, availability: 0.99 }),
  team: TeamSchema.default({ opsFte: 0.25, fteUsdPerYear: 150_000 }),
  constraints: ConstraintsSchema.default(() => ConstraintsSchema.parse({})),
  pricing: PricingSchema.default({ overheadFactor: 1.25 }),
  override: OverrideSchema.optional(),
});

/** A workload profile as written (optional fields may be absent). */
export type WorkloadProfileInput = z.input<typeof WorkloadProfileSchema>;
/** A validated workload profile with every default filled in. */
export type WorkloadProfile = z.output<typeof WorkloadProfileSchema>;
