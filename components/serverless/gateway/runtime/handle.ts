import type { FinishReason, ModelBackend } from "./backend.js";
import { type ChatLimits, parseChatRequest } from "./chat.js";
import { toFailure } from "./errors.js";
import { chunkEvent, completionBody, DONE_EVENT, sse, usageEvent } from "./openai.js";
import { type UsageRecord, usageLine } from "./usage.js";

/** Where a response goes: a Lambda response stream or a Node HTTP response. */
export interface ResponseSink {
  start(status: number, headers: Record<string, string>): void;
  write(chunk: string): void | Promise<void>;
  end(): void | Promise<void>;
}

/** Everything one request needs besides its body. */
export interface ChatContext {
  backend: ModelBackend;
  limits: ChatLimits;
  requestId: string;
  caller: string;
  /** Writes one log line (stdout in both runtimes). */
  log: (line: string) => void;
  /** CloudWatch EMF namespace for usage metrics, or undefined. */
  emfNamespace: string | undefined;
  now: () => number;
}

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  "x-accel-buffering": "no",
};
const JSON_HEADERS = { "content-type": "application/json" };

/**
 * Serves one chat-completions request: validates it, calls the model once, streams SSE chunks
 * (or answers one JSON body), maps failures to statuses, and always logs one usage record. An
 * upstream failure after the stream started cannot change the status any more, so it is sent
 * as a final SSE error event before `[DONE]`.
 */
export async function handleChat(
  rawBody: string | undefined,
  ctx: ChatContext,
  sink: ResponseSink,
): Promise<UsageRecord> {
  const started = ctx.now();
  const record: UsageRecord = {
    requestId: ctx.requestId,
    caller: ctx.caller,
    provider: ctx.backend.provider,
    model: ctx.backend.model,
    status: 200,
    stream: false,
    inputTokens: 0,
    outputTokens: 0,
    latencyMs: 0,
    firstTokenMs: undefined,
    errorCode: undefined,
  };
  const id = {
    id: `chatcmpl-${ctx.requestId}`,
    created: Math.floor(started / 1000),
    model: ctx.backend.model,
  };
  let headersSent = false;
  try {
    const request = parseChatRequest(rawBody, ctx.limits);
    record.stream = request.stream;
    let text = "";
    let finish: FinishReason = "stop";
    for await (const event of ctx.backend.stream(request)) {
      if (event.type === "usage") {
        record.inputTokens = event.inputTokens;
        record.outputTokens = event.outputTokens;
      } else if (event.type === "stop") {
        finish = event.reason;
      } else if (event.text !== "") {
        record.firstTokenMs ??= ctx.now() - started;
        if (!request.stream) text += event.text;
        else {
          if (!headersSent) {
            sink.start(200, SSE_HEADERS);
            headersSent = true;
            await sink.write(chunkEvent(id, { role: "assistant", content: "" }, null));
          }
          await sink.write(chunkEvent(id, { content: event.text }, null));
        }
      }
    }
    if (request.stream) {
      if (!headersSent) {
        sink.start(200, SSE_HEADERS);
        headersSent = true;
      }
      await sink.write(chunkEvent(id, {}, finish));
      await sink.write(usageEvent(id, record.inputTokens, record.outputTokens));
      await sink.write(DONE_EVENT);
    } else {
      sink.start(200, JSON_HEADERS);
      headersSent = true;
      await sink.write(
        JSON.stringify(completionBody(id, text, finish, record.inputTokens, record.outputTokens)),
      );
    }
  } catch (error) {
    const failure = toFailure(error);
    record.status = failure.status;
    record.errorCode = failure.body.error.code;
    if (headersSent) {
      await sink.write(sse(failure.body));
      await sink.write(DONE_EVENT);
    } else {
      sink.start(failure.status, JSON_HEADERS);
      await sink.write(JSON.stringify(failure.body));
    }
  } finally {
    record.latencyMs = ctx.now() - started;
    ctx.log(usageLine(record, ctx.emfNamespace, ctx.now()));
    await sink.end();
  }
  return record;
}
