import type { WorkloadProfileArgs } from "./workloadArgs.js";

/**
 * Arguments of {@link LlmPlatform}: a workload profile (or a ready decision) and the cloud
 * settings the composed components need. Every default is the secure, reliable choice.
 */
export interface LlmPlatformArgs {
  /** The workload profile the placement policy decides from (docs/placement.md). One of `workload` and `decisionJson`. */
  workload?: WorkloadProfileArgs;
  /**
   * A ready decision: the JSON that `inferplane plan --json` prints or `decidePlacement()` returns.
   * Used instead of running the policy. One of `workload` and `decisionJson`.
   */
  decisionJson?: string;
  /** Where the profile came from, named in error messages (e.g. `stacks/Pulumi.prod.yaml`). */
  workloadFile?: string;
  /** Field path of the profile inside `workloadFile` (e.g. `config.inferplane:workload`). */
  workloadPath?: string;
  /**
   * Hugging Face repository id the self-hosted server loads (`org/name`). Default: the profile's
   * `model.name` when it is one.
   */
  modelId?: string;
  /**
   * vLLM OpenAI-compatible server image pinned by digest (`repo:tag@sha256:...`). Required for the
   * `serverless-gpu`, `kubernetes` and `hybrid` platforms.
   */
  image?: string;
  /** Bedrock model id (or Vertex AI model name) of the managed API. Default: from the model catalog. */
  managedModelId?: string;
  /** Google Cloud project. Default: the `gcp:project` config. */
  gcpProject?: string;
  /** Zones of the GKE cluster (GPU-offering zones of the region). Default: `<region>-a`, `-b`, `-c`. */
  gcpZones?: string[];
  /** GCP principals (`serviceAccount:...`, `group:...`) allowed to invoke Cloud Run endpoints and gateways. */
  gcpInvokers?: string[];
  /** AWS principals (role ARNs or account ids) allowed to invoke the Bedrock gateway. */
  awsInvokerPrincipals?: string[];
  /** Private subnets for SageMaker endpoints (with `awsSecurityGroupIds`); required for SageMaker. */
  awsSubnetIds?: string[];
  /** Security groups for SageMaker endpoints. */
  awsSecurityGroupIds?: string[];
  /** Kubernetes namespace of the model server (and the hybrid router). Default `llm`. */
  namespace?: string;
  /** Namespaces whose pods may call the model server or the router (besides its own). */
  allowedClientNamespaces?: string[];
  /** Kubernetes Secret holding the Hugging Face token, for gated models. */
  hfTokenSecretName?: string;
  /**
   * Cost trade for a dev tier: turn Cloud Run GPU zonal redundancy off (cheaper, best effort on
   * zone failure). Default false (redundancy on, RUN-04).
   */
  allowNoGpuZonalRedundancy?: boolean;
  /** Most Cloud Run GPU instances or SageMaker instances. Default: the decision's peak replicas. */
  maxServerlessInstances?: number;
  /** Hybrid router image (Node.js 22 or later) pinned by digest. Required for `hybrid`. */
  routerImage?: string;
  /** Hybrid: requests waiting in the base's vLLM queue at which the router spills over. Default 8. */
  overflowQueueDepth?: number;
  /** Deletion protection on clusters and Cloud Run services. Default true. */
  deletionProtection?: boolean;
}
