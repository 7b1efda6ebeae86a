import type * as pulumi from "@pulumi/pulumi";
import { ArgsCheck } from "../serverless/argsCheck.js";
import { checkCloudRunAccess } from "./cloudRunAccess.js";
import type { CloudRunVpcArgs } from "./cloudRunGpuEndpointArgs.js";

/** Arguments of {@link VertexModelGateway}. */
export interface VertexModelGatewayArgs {
  /** Project of the gateway and of the Vertex AI calls. Default: the provider's project. */
  project?: pulumi.Input<string>;
  /** Cloud Run region of the gateway, e.g. `us-central1`. */
  location: pulumi.Input<string>;
  /** Vertex AI location serving the model (`us-central1`, `global`, ...). */
  vertexLocation: string;
  /**
   * The one model, as Vertex AI's OpenAI-compatible endpoint names it: a model-as-a-service id
   * such as `meta/llama-3.3-70b-instruct-maas`, or `google/gemini-2.5-flash`.
   */
  model: string;
  /** IAM members granted `roles/run.invoker` on the gateway. At least one. */
  invokers: string[];
  /** `INGRESS_TRAFFIC_INTERNAL_ONLY` (default) or `INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER`; `INGRESS_TRAFFIC_ALL` needs `allowPublicAccess`. */
  ingress?: string;
  /** Allow a public gateway (`INGRESS_TRAFFIC_ALL`, public invokers, `disableInvokerIam`). Default false. */
  allowPublicAccess?: boolean;
  /** Turn off the invoker IAM check. Needs `allowPublicAccess`. */
  disableInvokerIam?: boolean;
  /** Most gateway instances. Default 5. Together with `maxConcurrency`, the cap on simultaneous requests. */
  maxInstances?: number;
  /** Concurrent requests per instance. Default 40. */
  maxConcurrency?: number;
  /** Largest `max_tokens` a caller may request (and the default). Default 1024. */
  maxOutputTokens?: number;
  /** Most characters of prompt per request. Default 200000. */
  maxInputChars?: number;
  /** Longest request in seconds, streams included. Default 300. */
  requestTimeoutSeconds?: number;
  /**
   * Node.js 22+ image that runs the gateway code (mounted read-only from Cloud Storage). Default
   * {@link DEFAULT_GATEWAY_RUNTIME_IMAGE}, pinned by digest; a pinned base gets no security fixes,
   * so refresh it (`docker buildx imagetools inspect node:22-slim`).
   */
  runtimeImage?: pulumi.Input<string>;
  /** Custom role id granting only `aiplatform.endpoints.predict`. Default `inferplaneGateway_<name>`; custom role ids cannot be reused for weeks after deletion. */
  predictRoleId?: string;
  /** Cloud KMS key (CMEK) for the service and the code bucket. Default: Google-managed keys. */
  kmsKeyName?: pulumi.Input<string>;
  /** Direct VPC egress. Default: none. */
  vpc?: CloudRunVpcArgs;
  /** Protect the service from deletion. Default true. */
  deletionProtection?: boolean;
  /** Labels on the service and bucket (cost attribution). */
  labels?: Record<string, string>;
}

/** Arguments after validation, with defaults filled in. */
export interface VertexModelGatewayPlan {
  ingress: string;
  invokers: string[];
  maxInstances: number;
  maxConcurrency: number;
  maxOutputTokens: number;
  maxInputChars: number;
  requestTimeoutSeconds: number;
  predictRoleId: string;
}

const MODEL = /^[a-z0-9-]+\/[A-Za-z0-9._@-]+$/;

/**
 * Checks {@link VertexModelGatewayArgs} and fills in defaults. Throws an `InputError` naming the
 * field and the fix for a malformed model name, public access without `allowPublicAccess`,
 * out-of-range limits.
 */
export function validateVertexModelGatewayArgs(
  name: string,
  args: VertexModelGatewayArgs,
): VertexModelGatewayPlan {
  const check: ArgsCheck = new ArgsCheck("VertexModelGateway", name);
  const model = check.text(
    "model",
    args.model,
    'give the model as "<publisher>/<model>", e.g. "meta/llama-3.3-70b-instruct-maas"',
  );
  if (!MODEL.test(model))
    check.fail(
      "model",
      `is ${JSON.stringify(model)}`,
      'use "<publisher>/<model>", e.g. "meta/llama-3.3-70b-instruct-maas"',
    );
  check.text(
    "vertexLocation",
    args.vertexLocation,
    'give the Vertex AI location of the model, e.g. "us-central1" or "global"',
  );
  const { ingress, invokers } = checkCloudRunAccess(check, args);
  const predictRoleId =
    args.predictRoleId ?? `inferplaneGateway_${name.replace(/[^A-Za-z0-9]/g, "_")}`.slice(0, 64);
  if (!/^[A-Za-z0-9_.]{3,64}$/.test(predictRoleId))
    check.fail("predictRoleId", `is ${JSON.stringify(predictRoleId)}`, "use 3-64 letters, digits, _ or .");
  return {
    ingress,
    invokers,
    maxInstances: check.optionalInteger("maxInstances", args.maxInstances, 1, 1000, 5),
    maxConcurrency: check.optionalInteger("maxConcurrency", args.maxConcurrency, 1, 1000, 40),
    maxOutputTokens: check.optionalInteger("maxOutputTokens", args.maxOutputTokens, 1, 128_000, 1024),
    maxInputChars: check.optionalInteger("maxInputChars", args.maxInputChars, 1, 10_000_000, 200_000),
    requestTimeoutSeconds: check.optionalInteger(
      "requestTimeoutSeconds",
      args.requestTimeoutSeconds,
      10,
      3600,
      300,
    ),
    predictRoleId,
  };
}

/** node:22-slim pinned by the digest a public BuildKit build log resolved for that tag. */
export const DEFAULT_GATEWAY_RUNTIME_IMAGE =
  "docker.io/library/node:22-slim@sha256:83f487e0a63425e5b4d146fb5e5be574bcbe1b7b843d3ebafdd95eaf7767a7e5";
