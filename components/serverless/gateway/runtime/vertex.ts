import {
  type BackendEvent,
  type FinishReason,
  type ModelBackend,
  UpstreamError,
  type UpstreamErrorKind,
} from "./backend.js";
import type { ChatRequest } from "./chat.js";
import { sseData, textChunks } from "./sse.js";

/** The slice of `fetch` the Vertex backend uses (global fetch in Node 22; a fake in tests). */
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
  body: AsyncIterable<Uint8Array> | null;
}>;

/** Where the model lives. */
export interface VertexTarget {
  project: string;
  /** Vertex AI location, e.g. `us-central1`, or `global`. */
  location: string;
  /** Model as the OpenAI-compatible endpoint names it, e.g. `meta/llama-3.3-70b-instruct-maas`. */
  model: string;
}

const METADATA_TOKEN_URL =
  "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token";

/**
 * Access tokens of the service's own identity from the metadata server (no key files, no
 * secrets in the environment), cached until a minute before they expire.
 */
export function metadataTokenSource(fetchFn: Fetch, now: () => number = Date.now): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > now()) return cached.token;
    const res = await fetchFn(METADATA_TOKEN_URL, {
      method: "GET",
      headers: { "Metadata-Flavor": "Google" },
    });
    if (!res.ok) throw new UpstreamError("misconfigured", `metadata server answered ${res.status}`);
    const parsed = JSON.parse(await res.text()) as { access_token?: string; expires_in?: number };
    if (!parsed.access_token) throw new UpstreamError("misconfigured", "metadata server returned no token");
    cached = { token: parsed.access_token, expiresAt: now() + ((parsed.expires_in ?? 300) - 60) * 1000 };
    return cached.token;
  };
}

/** Vertex AI's OpenAI-compatible chat-completions URL (https://cloud.google.com/vertex-ai/generative-ai/docs/maas/call-open-model-apis). */
export function vertexChatUrl(t: VertexTarget): string {
  const host =
    t.location === "global" ? "aiplatform.googleapis.com" : `${t.location}-aiplatform.googleapis.com`;
  return `https://${host}/v1/projects/${t.project}/locations/${t.location}/endpoints/openapi/chat/completions`;
}

/** Maps a Vertex HTTP status to an error class. */
export function vertexErrorKind(status: number): UpstreamErrorKind {
  if (status === 400 || status === 413 || status === 422) return "invalid_request";
  if (status === 429) return "throttled";
  if (status === 401 || status === 403 || status === 404) return "misconfigured";
  if (status === 503) return "unavailable";
  if (status === 504 || status === 408) return "timeout";
  return "internal";
}

const FINISH = new Set<FinishReason>(["stop", "length", "content_filter", "tool_calls"]);

interface VertexChunk {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** A {@link ModelBackend} on Vertex AI's OpenAI-compatible endpoint, pinned to one model. */
export function vertexBackend(
  target: VertexTarget,
  fetchFn: Fetch,
  token: () => Promise<string>,
): ModelBackend {
  return {
    provider: "vertex",
    model: target.model,
    async *stream(request: ChatRequest): AsyncIterable<BackendEvent> {
      const body: Record<string, unknown> = {
        model: target.model,
        messages: request.messages,
        max_tokens: request.maxTokens,
        stream: true,
        stream_options: { include_usage: true },
      };
      if (request.temperature !== undefined) body.temperature = request.temperature;
      if (request.topP !== undefined) body.top_p = request.topP;
      if (request.stop) body.stop = request.stop;
      let res: Awaited<ReturnType<Fetch>>;
      try {
        res = await fetchFn(vertexChatUrl(target), {
          method: "POST",
          headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      } catch (error) {
        if (error instanceof UpstreamError) throw error;
        throw new UpstreamError("unavailable", error instanceof Error ? error.message : String(error));
      }
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => "");
        throw new UpstreamError(
          vertexErrorKind(res.status),
          text.slice(0, 500) || `Vertex AI answered ${res.status}`,
        );
      }
      for await (const data of sseData(textChunks(res.body))) {
        if (data === "[DONE]") break;
        let chunk: VertexChunk;
        try {
          chunk = JSON.parse(data) as VertexChunk;
        } catch {
          throw new UpstreamError("internal", "Vertex AI sent a malformed stream event");
        }
        const choice = chunk.choices?.[0];
        const text = choice?.delta?.content;
        if (typeof text === "string" && text !== "") yield { type: "text", text };
        const finish = choice?.finish_reason;
        if (finish)
          yield {
            type: "stop",
            reason: FINISH.has(finish as FinishReason) ? (finish as FinishReason) : "stop",
          };
        if (chunk.usage) {
          yield {
            type: "usage",
            inputTokens: chunk.usage.prompt_tokens ?? 0,
            outputTokens: chunk.usage.completion_tokens ?? 0,
          };
        }
      }
    },
  };
}
