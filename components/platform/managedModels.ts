/**
 * Managed-API model ids per catalog model, for the gateways LlmPlatform composes.
 * Bedrock: https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html (2026-12).
 * Vertex AI model-as-a-service (OpenAI-compatible endpoint, `meta/<model>-maas`):
 * https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/llama (2026-12).
 * Bedrock in-region throughput for some Llama models needs an inference profile (`us.` prefix):
 * set `managedModelId` to it where the account requires one.
 */
export const MANAGED_MODEL_IDS: Readonly<Record<string, { aws: string; gcp: string }>> = {
  "llama-3.1-8b-instruct": { aws: "meta.llama3-1-8b-instruct-v1:0", gcp: "meta/llama-3.1-8b-instruct-maas" },
  "llama-3.1-70b-instruct": {
    aws: "meta.llama3-1-70b-instruct-v1:0",
    gcp: "meta/llama-3.1-70b-instruct-maas",
  },
  "llama-3.3-70b-instruct": {
    aws: "meta.llama3-3-70b-instruct-v1:0",
    gcp: "meta/llama-3.3-70b-instruct-maas",
  },
  "llama-3.1-405b-instruct": {
    aws: "meta.llama3-1-405b-instruct-v1:0",
    gcp: "meta/llama-3.1-405b-instruct-maas",
  },
};
