import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { describeZodError, objectKeysAt } from "../common/zodIssues.js";
import { WorkloadProfileSchema } from "../policies/placement/profile.js";

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label (lowercase letters, digits, '-')")
  .max(63);

/** A container image pinned by digest: tags move, digests do not (checklist K8S-05). */
const pinnedImage = z
  .string()
  .regex(/^[^\s@]+@sha256:[a-f0-9]{64}$/, "must be pinned by digest: <repository>[:tag]@sha256:<64 hex>");

/** How the program reaches the cluster. Absent fields fall back to the ambient kubeconfig. */
export const KubernetesAccess = z
  .object({
    /** kubeconfig context to use; default: the kubeconfig's current context. */
    context: z.string().min(1).optional(),
  })
  .strict();

/** The model server the first program deploys. */
export const ServiceConfig = z
  .object({
    /** Model to serve, a Hugging Face repository id (`org/name`). */
    model: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be a Hugging Face repository id, org/name"),
    /** vLLM OpenAI-compatible server image, pinned by digest. */
    image: pinnedImage,
    /** Pod replicas; at least 2 for the PodDisruptionBudget to allow voluntary evictions. */
    replicas: z.int().min(1).max(64).default(2),
    /** GPUs per pod (tensor parallel size). */
    gpusPerReplica: z.int().min(1).max(8).default(1),
    /** Longest context the server accepts, in tokens. */
    maxModelLen: z.int().min(256).max(1_048_576).default(8192),
    /** Namespaces allowed to reach the server (besides its own). */
    allowedClientNamespaces: z.array(dnsLabel).default([]),
  })
  .strict();

/** Every `inferplane:*` key a stack may set. Unknown keys are errors, with a "did you mean". */
export const StackConfigSchema = z
  .object({
    namespace: dnsLabel.default("llm"),
    kubernetes: KubernetesAccess.default({}),
    service: ServiceConfig,
    /** The environment's workload profile, from which the placement policy decides (docs/placement.md). */
    workload: WorkloadProfileSchema.optional(),
  })
  .strict();

export type StackConfig = z.output<typeof StackConfigSchema>;

/**
 * Reads and validates the stack's `inferplane:*` config before any resource exists, so a bad
 * value stops the run with nothing created. Throws `pulumi.RunError` (printed by the Pulumi CLI
 * without a stack trace) naming the stack file and the field path.
 */
export function loadStackConfig(): StackConfig {
  const project = pulumi.getProject();
  const prefix = `${project}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = parseConfigValue(value);
  }
  const result = StackConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const file = `stacks/Pulumi.${pulumi.getStack()}.yaml`;
  const lines = describeZodError(result.error, {
    file,
    pathPrefix: `config.${prefix}`,
    knownKeys: (path) => objectKeysAt(StackConfigSchema, path),
  });
  throw new pulumi.RunError(lines.join("\n"));
}

/** Pulumi hands structured config over as JSON text; scalars stay strings. */
function parseConfigValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
