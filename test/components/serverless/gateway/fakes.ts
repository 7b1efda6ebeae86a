import type {
  BackendEvent,
  ModelBackend,
} from "../../../../components/serverless/gateway/runtime/backend.js";
import type { ChatRequest } from "../../../../components/serverless/gateway/runtime/chat.js";
import type { ResponseSink } from "../../../../components/serverless/gateway/runtime/handle.js";

/** A sink that records what the gateway answered. */
export function recordingSink() {
  const seen = { status: 0, headers: {} as Record<string, string>, chunks: [] as string[], ended: false };
  const sink: ResponseSink = {
    start(status, headers) {
      seen.status = status;
      seen.headers = headers;
    },
    write(chunk) {
      seen.chunks.push(chunk);
    },
    end() {
      seen.ended = true;
    },
  };
  return { sink, seen };
}

/** A backend that replays `events`, optionally throwing after them. */
export function scriptedBackend(events: BackendEvent[], failAfter?: Error) {
  const requests: ChatRequest[] = [];
  const backend: ModelBackend = {
    provider: "fake",
    model: "fake-model",
    async *stream(request) {
      requests.push(request);
      for (const e of events) yield e;
      if (failAfter) throw failAfter;
    },
  };
  return { backend, requests };
}

/** The JSON payloads of SSE `data:` events in `chunks` (`[DONE]` kept as a string). */
export function sseEvents(chunks: string[]): unknown[] {
  return chunks
    .join("")
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => e.slice(6))
    .map((d) => (d === "[DONE]" ? d : (JSON.parse(d) as unknown)));
}
