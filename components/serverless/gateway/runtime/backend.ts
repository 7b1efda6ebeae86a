import type { ChatRequest } from "./chat.js";

/** What a model backend streams back, provider-neutral. */
export type BackendEvent =
  | { type: "text"; text: string }
  | { type: "stop"; reason: FinishReason }
  | { type: "usage"; inputTokens: number; outputTokens: number };

/** OpenAI finish reasons. */
export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls";

/** A provider's model API behind the gateway (Bedrock Converse, Vertex AI). */
export interface ModelBackend {
  /** `bedrock` or `vertex`, for usage logs. */
  readonly provider: string;
  /** The one model this gateway serves. */
  readonly model: string;
  /** Streams the completion of `request`; throws an upstream error before or during the stream. */
  stream(request: ChatRequest): AsyncIterable<BackendEvent>;
}

/** An error from the provider, already classified. */
export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Classes of upstream failure the gateway maps to HTTP statuses. */
export type UpstreamErrorKind =
  | "invalid_request"
  | "throttled"
  | "unavailable"
  | "timeout"
  | "content_filtered"
  | "misconfigured"
  | "internal";
