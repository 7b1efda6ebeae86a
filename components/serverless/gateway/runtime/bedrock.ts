import {
  type BackendEvent,
  type FinishReason,
  type ModelBackend,
  UpstreamError,
  type UpstreamErrorKind,
} from "./backend.js";
import type { ChatRequest } from "./chat.js";

/** The slice of the Bedrock Runtime `ConverseStream` input the gateway sends. */
export interface ConverseStreamInput {
  modelId: string;
  messages: { role: "user" | "assistant"; content: { text: string }[] }[];
  system?: { text: string }[];
  inferenceConfig: { maxTokens: number; temperature?: number; topP?: number; stopSequences?: string[] };
}

/** The slice of a `ConverseStream` output event the gateway reads. */
export interface ConverseStreamEvent {
  contentBlockDelta?: { delta?: { text?: string } };
  messageStop?: { stopReason?: string };
  metadata?: { usage?: { inputTokens?: number; outputTokens?: number } };
  internalServerException?: { message?: string };
  modelStreamErrorException?: { message?: string };
  validationException?: { message?: string };
  throttlingException?: { message?: string };
  serviceUnavailableException?: { message?: string };
}

/** Sends `ConverseStream` (the AWS SDK client in Lambda; a fake in tests). */
export type ConverseStreamSend = (
  input: ConverseStreamInput,
) => Promise<{ stream?: AsyncIterable<ConverseStreamEvent> }>;

const STOP: Record<string, FinishReason> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  content_filtered: "content_filter",
  guardrail_intervened: "content_filter",
  tool_use: "tool_calls",
};

/** Bedrock Runtime exception names (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html#API_runtime_ConverseStream_Errors). */
const KIND: Record<string, UpstreamErrorKind> = {
  ValidationException: "invalid_request",
  ThrottlingException: "throttled",
  ServiceQuotaExceededException: "throttled",
  ServiceUnavailableException: "unavailable",
  ModelNotReadyException: "unavailable",
  ModelTimeoutException: "timeout",
  AccessDeniedException: "misconfigured",
  ResourceNotFoundException: "misconfigured",
  ModelErrorException: "internal",
  ModelStreamErrorException: "internal",
  InternalServerException: "internal",
};

/** Classifies an error thrown by the Bedrock SDK by its exception name. */
export function bedrockError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError(KIND[name] ?? "internal", message);
}

/** The Converse request for a chat request: system prompts apart, text content blocks. */
export function converseInput(modelId: string, request: ChatRequest): ConverseStreamInput {
  const system = request.messages.filter((m) => m.role === "system").map((m) => ({ text: m.content }));
  const input: ConverseStreamInput = {
    modelId,
    messages: request.messages
      .filter((m) => m.role !== "system")
      .map((m) => ({ role: m.role as "user" | "assistant", content: [{ text: m.content }] })),
    inferenceConfig: { maxTokens: request.maxTokens },
  };
  if (system.length > 0) input.system = system;
  if (request.temperature !== undefined) input.inferenceConfig.temperature = request.temperature;
  if (request.topP !== undefined) input.inferenceConfig.topP = request.topP;
  if (request.stop) input.inferenceConfig.stopSequences = request.stop;
  return input;
}

/** A {@link ModelBackend} on Amazon Bedrock's Converse API, pinned to one model id. */
export function bedrockBackend(modelId: string, send: ConverseStreamSend): ModelBackend {
  return {
    provider: "bedrock",
    model: modelId,
    async *stream(request: ChatRequest): AsyncIterable<BackendEvent> {
      let response: Awaited<ReturnType<ConverseStreamSend>>;
      try {
        response = await send(converseInput(modelId, request));
      } catch (error) {
        throw bedrockError(error);
      }
      try {
        for await (const event of response.stream ?? []) {
          const failure =
            event.validationException ??
            event.throttlingException ??
            event.serviceUnavailableException ??
            event.modelStreamErrorException ??
            event.internalServerException;
          if (failure) throw eventError(event, failure.message ?? "stream failed");
          const text = event.contentBlockDelta?.delta?.text;
          if (text !== undefined) yield { type: "text", text };
          const stop = event.messageStop?.stopReason;
          if (stop !== undefined) yield { type: "stop", reason: STOP[stop] ?? "stop" };
          const usage = event.metadata?.usage;
          if (usage)
            yield {
              type: "usage",
              inputTokens: usage.inputTokens ?? 0,
              outputTokens: usage.outputTokens ?? 0,
            };
        }
      } catch (error) {
        throw bedrockError(error);
      }
    },
  };
}

function eventError(event: ConverseStreamEvent, message: string): UpstreamError {
  if (event.validationException) return new UpstreamError("invalid_request", message);
  if (event.throttlingException) return new UpstreamError("throttled", message);
  if (event.serviceUnavailableException) return new UpstreamError("unavailable", message);
  return new UpstreamError("internal", message);
}
