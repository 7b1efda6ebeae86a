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

/** The model server and its entry point; the platform and its sizing come from the workload. */
export const ServiceConfig = z
  .object({
    /** Hugging Face repository id the server loads. Default: the catalog's id of `workload.model.name`. */
    model: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, "must be a Hugging Face repository id, org/name")
      .optional(),
    /** vLLM OpenAI-compatible server image, pinned by digest. */
    image: pinnedImage,
    /** Hybrid router image (Node.js 22+), pinned by digest; needed when the platform is hybrid. */
    routerImage: pinnedImage.optional(),
    /** Requests waiting in the base's queue at which the hybrid router spills over. Default 8. */
    overflowQueueDepth: z.int().min(1).max(1000).optional(),
    /** Most serverless instances. Default: the decision's peak. */
    maxInstances: z.int().min(1).max(1000).optional(),
    /** Managed-API model id (Bedrock id or Vertex AI model). Default: from the catalog. */
    managedModelId: z.string().min(1).optional(),
    /** Kubernetes Secret with the Hugging Face token (gated models). */
    hfTokenSecretName: dnsLabel.optional(),
    /** Namespaces allowed to reach the server (besides its own). */
    allowedClientNamespaces: z.array(dnsLabel).default([]),
  })
  .strict();

/** Google Cloud settings (the project and region come from `gcp:project` / the workload's regions). */
export const GcpConfig = z
  .object({
    /** GKE node zones (GPU-offering zones of the region). Default `<region>-a`, `-b`, `-c`. */
    zones: z.array(z.string().min(1)).min(2).optional(),
    /** Principals allowed to invoke Cloud Run endpoints and the Vertex gateway. */
    invokers: z
      .array(z.string().regex(/^(serviceAccount|group|user|domain):\S+$/, "must be an IAM member"))
      .default([]),
  })
  .strict();

/** AWS settings (the region comes from the workload's regions). */
export const AwsConfig = z
  .object({
    /** Principals (role ARNs, account ids) allowed to invoke the Bedrock gateway. */
    invokerPrincipals: z.array(z.string().min(1)).default([]),
    /** Private subnets for SageMaker endpoints. */
    subnetIds: z.array(z.string().min(1)).optional(),
    /** Security groups for SageMaker endpoints. */
    securityGroupIds: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Every `inferplane:*` key a stack may set. Unknown keys are errors, with a "did you mean". */
export const StackConfigSchema = z
  .object({
    namespace: dnsLabel.default("llm"),
    service: ServiceConfig,
    gcp: GcpConfig.default({ invokers: [] }),
    aws: AwsConfig.default({ invokerPrincipals: [] }),
    /** The environment's workload profile, from which the placement policy decides (docs/placement.md). */
    workload: WorkloadProfileSchema.optional(),
  })
  .strict();

export type StackConfig = z.output<typeof StackConfigSchema>;
/** A stack's config once the workload profile is known to be there. */
export type PlatformStackConfig = StackConfig & { workload: NonNullable<StackConfig["workload"]> };

/** The stack file a stack's config comes from, as error messages name it. */
export function stackFile(): string {
  return `stacks/Pulumi.${pulumi.getStack()}.yaml`;
}

/**
 * Reads and validates the stack's `inferplane:*` config before any resource exists, so a bad
 * value stops the run with nothing created. Throws `pulumi.RunError` (printed by the Pulumi CLI
 * without a stack trace) naming the stack file and the field path.
 */
export function loadStackConfig(): PlatformStackConfig {
  const project = pulumi.getProject();
  const prefix = `${project}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = parseConfigValue(value);
  }
  const file = stackFile();
  const result = StackConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = describeZodError(result.error, {
      file,
      pathPrefix: `config.${prefix}`,
      knownKeys: (path) => objectKeysAt(StackConfigSchema, path),
    });
    throw new pulumi.RunError(lines.join("\n"));
  }
  const { workload } = result.data;
  if (workload === undefined) {
    throw new pulumi.RunError(
      `${file}: config.${prefix}workload: missing. Every stack needs its workload profile: the placement policy decides the platform from it. Fix: add ${prefix}workload (model, traffic, slo, constraints; see docs/placement.md and stacks/Pulumi.dev.yaml)`,
    );
  }
  return { ...result.data, workload };
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
