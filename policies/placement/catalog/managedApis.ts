import type { Cloud } from "./machines.js";
import type { Source } from "./source.js";

/** A managed model API's on-demand price for one model, USD per 1 M tokens. */
export interface ManagedApiPrice extends Source {
  /** `null` when the provider serves the model without a published GA price (e.g. a preview). */
  inputUsdPerMTokens: number | null;
  outputUsdPerMTokens: number | null;
}

/** The managed model API of each cloud. */
export const MANAGED_API_SERVICE: Readonly<Record<Cloud, string>> = { aws: "Bedrock", gcp: "Vertex AI" };

const TABLES = "multiple public model-price tables (Cline/Roo-style lists, cloudprice.net, LiteLLM copy)";
const TOKENCOST = "AgentOps-AI/tokencost (LiteLLM-derived), file dated 2025-09-01";

function price(input: number | null, output: number | null, source: string, date: string): ManagedApiPrice {
  return { inputUsdPerMTokens: input, outputUsdPerMTokens: output, source, date, status: "3rd-party" };
}

/**
 * Which catalog models each managed API serves, and at what price (cost-latency-data.md §2.6).
 * Keys are model catalog names.
 */
export const MANAGED_API_PRICES: Readonly<Record<Cloud, Readonly<Record<string, ManagedApiPrice>>>> = {
  aws: {
    "llama-3.1-8b-instruct": price(0.22, 0.22, TABLES, "2025-2026"),
    "llama-3.1-70b-instruct": price(0.72, 0.72, `${TABLES}; $0.99 at launch (2024-07)`, "2025-2026"),
    "llama-3.3-70b-instruct": price(0.72, 0.72, TOKENCOST, "2025-09-01"),
    "llama-3.1-405b-instruct": price(2.4, 2.4, `${TABLES}; $5.32 / $16.00 at launch`, "2025-2026"),
  },
  gcp: {
    "llama-3.1-8b-instruct": price(
      null,
      null,
      "Vertex AI docs: MaaS preview, no charge; no GA price found",
      "2025-2026",
    ),
    "llama-3.1-70b-instruct": price(
      null,
      null,
      "Vertex AI docs: MaaS preview, no charge; no GA price found",
      "2025-2026",
    ),
    "llama-3.3-70b-instruct": price(
      0.72,
      0.72,
      "LiteLLM-derived tables (vertex_ai/meta/llama-3.3-70b-instruct-maas)",
      "2025-09-01",
    ),
    "llama-3.1-405b-instruct": price(5.0, 16.0, TOKENCOST, "2025-09-01"),
  },
};
