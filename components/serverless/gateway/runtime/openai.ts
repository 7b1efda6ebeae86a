import type { FinishReason } from "./backend.js";

/** Identity of one completion in OpenAI-format responses. */
export interface CompletionId {
  id: string;
  created: number;
  model: string;
}

/** One server-sent event carrying a `chat.completion.chunk`. */
export function chunkEvent(
  id: CompletionId,
  delta: { role?: string; content?: string },
  finishReason: FinishReason | null,
): string {
  return sse({
    id: id.id,
    object: "chat.completion.chunk",
    created: id.created,
    model: id.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
}

/** The final usage chunk (OpenAI `stream_options.include_usage` shape: no choices). */
export function usageEvent(id: CompletionId, inputTokens: number, outputTokens: number): string {
  return sse({
    id: id.id,
    object: "chat.completion.chunk",
    created: id.created,
    model: id.model,
    choices: [],
    usage: usage(inputTokens, outputTokens),
  });
}

/** A non-streaming `chat.completion` body. */
export function completionBody(
  id: CompletionId,
  text: string,
  finishReason: FinishReason,
  inputTokens: number,
  outputTokens: number,
): Record<string, unknown> {
  return {
    id: id.id,
    object: "chat.completion",
    created: id.created,
    model: id.model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: finishReason }],
    usage: usage(inputTokens, outputTokens),
  };
}

/** The SSE terminator OpenAI clients wait for. */
export const DONE_EVENT = "data: [DONE]\n\n";

/** Serializes one SSE `data:` event. */
export function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function usage(inputTokens: number, outputTokens: number) {
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
  };
}
