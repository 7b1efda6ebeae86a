import { describe, expect, it } from "vitest";
import { UpstreamError } from "../../../../components/serverless/gateway/runtime/backend.js";
import { handleChat } from "../../../../components/serverless/gateway/runtime/handle.js";
import { recordingSink, scriptedBackend, sseEvents } from "./fakes.js";

const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ messages: [{ role: "user", content: "hello" }], ...extra });

function context(backend: ReturnType<typeof scriptedBackend>["backend"], emfNamespace?: string) {
  const logs: string[] = [];
  let t = 1_700_000_000_000;
  return {
    logs,
    ctx: {
      backend,
      limits: { maxOutputTokens: 256, maxInputChars: 1000, maxMessages: 10 },
      requestId: "req-1",
      caller: "arn:aws:iam::123456789012:role/app",
      log: (line: string) => logs.push(line),
      emfNamespace,
      now: () => (t += 10),
    },
  };
}

const answer = [
  { type: "text" as const, text: "Hel" },
  { type: "text" as const, text: "lo" },
  { type: "stop" as const, reason: "stop" as const },
  { type: "usage" as const, inputTokens: 7, outputTokens: 2 },
];

describe("handleChat", () => {
  it("streams OpenAI chunks, then the finish reason, usage and [DONE]", async () => {
    const { backend } = scriptedBackend(answer);
    const { sink, seen } = recordingSink();
    await handleChat(body({ stream: true }), context(backend).ctx, sink);
    expect(seen.status).toBe(200);
    expect(seen.headers["content-type"]).toMatch(/^text\/event-stream/);
    const events = sseEvents(seen.chunks) as {
      choices?: { delta: unknown; finish_reason: unknown }[];
      usage?: unknown;
    }[];
    expect(events.map((e) => (typeof e === "string" ? e : (e.choices?.[0]?.delta ?? e.usage)))).toEqual([
      { role: "assistant", content: "" },
      { content: "Hel" },
      { content: "lo" },
      {},
      { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
      "[DONE]",
    ]);
    expect(events[3]?.choices?.[0]?.finish_reason).toBe("stop");
    expect(seen.ended).toBe(true);
  });

  it("answers one chat.completion body when not streaming", async () => {
    const { backend, requests } = scriptedBackend(answer);
    const { sink, seen } = recordingSink();
    await handleChat(body(), context(backend).ctx, sink);
    expect(requests[0]?.maxTokens).toBe(256);
    expect(JSON.parse(seen.chunks.join(""))).toMatchObject({
      object: "chat.completion",
      model: "fake-model",
      choices: [{ message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
    });
  });

  it("maps upstream errors to statuses without leaking internal messages", async () => {
    const cases: [UpstreamError, number, string][] = [
      [
        new UpstreamError("throttled", "Too many tokens for account 123"),
        429,
        "the model is rate limited; retry with backoff",
      ],
      [
        new UpstreamError("misconfigured", "User arn:aws:iam::123:role/x is not authorized"),
        502,
        "the upstream model call failed",
      ],
      [new UpstreamError("invalid_request", "input too long for model"), 400, "input too long for model"],
      [new UpstreamError("timeout", "slow"), 504, "the model timed out"],
    ];
    for (const [error, status, message] of cases) {
      const { backend } = scriptedBackend([], error);
      const { sink, seen } = recordingSink();
      await handleChat(body(), context(backend).ctx, sink);
      expect(seen.status).toBe(status);
      expect(JSON.parse(seen.chunks.join("")).error.message).toBe(message);
    }
    const { backend } = scriptedBackend([], new TypeError("x is undefined"));
    const { sink, seen } = recordingSink();
    await handleChat(body(), context(backend).ctx, sink);
    expect(seen.status).toBe(500);
    expect(seen.chunks.join("")).not.toContain("undefined");
  });

  it("reports a failure after the stream started as a final SSE error event", async () => {
    const { backend } = scriptedBackend(
      [{ type: "text", text: "partial" }],
      new UpstreamError("unavailable", "gone"),
    );
    const { sink, seen } = recordingSink();
    const record = await handleChat(body({ stream: true }), context(backend).ctx, sink);
    expect(seen.status).toBe(200);
    const events = sseEvents(seen.chunks);
    expect(events.at(-2)).toEqual({
      error: {
        message: "the model is temporarily unavailable; retry later",
        type: "upstream_error",
        code: "unavailable",
      },
    });
    expect(events.at(-1)).toBe("[DONE]");
    expect(record.status).toBe(503);
  });

  it("refuses an invalid request without calling the model, and logs it", async () => {
    const { backend, requests } = scriptedBackend(answer);
    const { sink, seen } = recordingSink();
    const { ctx, logs } = context(backend);
    await handleChat("{}", ctx, sink);
    expect(seen.status).toBe(400);
    expect(requests).toHaveLength(0);
    expect(JSON.parse(logs[0] ?? "{}")).toMatchObject({
      status: 400,
      errorCode: "invalid_request",
      inputTokens: 0,
    });
  });

  it("logs one usage record per request, as CloudWatch EMF when asked", async () => {
    const { backend } = scriptedBackend(answer);
    const { sink } = recordingSink();
    const { ctx, logs } = context(backend, "Inferplane/Gateway");
    await handleChat(body({ stream: true }), ctx, sink);
    expect(logs).toHaveLength(1);
    const line = JSON.parse(logs[0] ?? "{}");
    expect(line).toMatchObject({
      message: "usage",
      requestId: "req-1",
      caller: "arn:aws:iam::123456789012:role/app",
      provider: "fake",
      model: "fake-model",
      status: 200,
      stream: true,
      inputTokens: 7,
      outputTokens: 2,
      InputTokens: 7,
      OutputTokens: 2,
      Model: "fake-model",
    });
    expect(line.firstTokenMs).toBeGreaterThan(0);
    expect(line._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: "Inferplane/Gateway",
      Dimensions: [["Model"]],
      Metrics: [
        { Name: "InputTokens", Unit: "Count" },
        { Name: "OutputTokens", Unit: "Count" },
        { Name: "Requests", Unit: "Count" },
      ],
    });
  });
});
