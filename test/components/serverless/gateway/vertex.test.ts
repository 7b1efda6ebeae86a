import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../../../../components/serverless/gateway/runtime/chat.js";
import { sseData } from "../../../../components/serverless/gateway/runtime/sse.js";
import {
  type Fetch,
  metadataTokenSource,
  vertexBackend,
  vertexChatUrl,
  vertexErrorKind,
} from "../../../../components/serverless/gateway/runtime/vertex.js";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}
async function* of<T>(...items: T[]) {
  for (const i of items) yield i;
}
const bytes = (...parts: string[]) => of(...parts.map((p) => new TextEncoder().encode(p)));

const request: ChatRequest = {
  messages: [{ role: "user", content: "hi" }],
  maxTokens: 32,
  temperature: undefined,
  topP: 0.9,
  stop: undefined,
  stream: true,
};
const target = { project: "proj", location: "us-central1", model: "meta/llama-3.3-70b-instruct-maas" };

describe("SSE parsing", () => {
  it("reassembles events split anywhere across chunks", async () => {
    const data = await collect(sseData(of('data: {"a"', ":1}\n", "\ndata: [DO", "NE]\n\n", ": comment\n\n")));
    expect(data).toEqual(['{"a":1}', "[DONE]"]);
  });
});

describe("Vertex backend", () => {
  it("calls the OpenAI-compatible endpoint for the one model with the metadata token", async () => {
    const calls: { url: string; init: Parameters<Fetch>[1] }[] = [];
    const fetchFn: Fetch = async (url, init) => {
      calls.push({ url, init });
      return {
        ok: true,
        status: 200,
        text: async () => "",
        body: bytes(
          'data: {"choices":[{"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}\n\n',
          'data: {"choices":[{"delta":{"content":"!"},"finish_reason":"stop"}]}\n\n',
          'data: {"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2}}\n\ndata: [DONE]\n\n',
        ),
      };
    };
    const events = await collect(vertexBackend(target, fetchFn, async () => "tok").stream(request));
    expect(events).toEqual([
      { type: "text", text: "Hi" },
      { type: "text", text: "!" },
      { type: "stop", reason: "stop" },
      { type: "usage", inputTokens: 4, outputTokens: 2 },
    ]);
    expect(calls[0]?.url).toBe(
      "https://us-central1-aiplatform.googleapis.com/v1/projects/proj/locations/us-central1/endpoints/openapi/chat/completions",
    );
    expect(calls[0]?.init.headers.authorization).toBe("Bearer tok");
    expect(JSON.parse(calls[0]?.init.body ?? "{}")).toMatchObject({
      model: "meta/llama-3.3-70b-instruct-maas",
      max_tokens: 32,
      top_p: 0.9,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("maps HTTP failures to error classes", async () => {
    expect(vertexErrorKind(429)).toBe("throttled");
    expect(vertexErrorKind(403)).toBe("misconfigured");
    expect(vertexErrorKind(400)).toBe("invalid_request");
    expect(vertexErrorKind(500)).toBe("internal");
    const fetchFn: Fetch = async () => ({ ok: false, status: 429, text: async () => "quota", body: null });
    await expect(
      collect(vertexBackend(target, fetchFn, async () => "t").stream(request)),
    ).rejects.toMatchObject({ kind: "throttled" });
    expect(vertexChatUrl({ ...target, location: "global" })).toMatch(
      /^https:\/\/aiplatform\.googleapis\.com\/v1\/projects\/proj\/locations\/global\//,
    );
  });

  it("fetches the identity token from the metadata server once until it nears expiry", async () => {
    let t = 0;
    let calls = 0;
    const fetchFn: Fetch = async (url, init) => {
      calls++;
      expect(url).toMatch(/^http:\/\/metadata\.google\.internal\//);
      expect(init.headers["Metadata-Flavor"]).toBe("Google");
      return {
        ok: true,
        status: 200,
        text: async () => JSON.stringify({ access_token: `t${calls}`, expires_in: 3600 }),
        body: null,
      };
    };
    const token = metadataTokenSource(fetchFn, () => t);
    expect(await token()).toBe("t1");
    t = 3_000_000;
    expect(await token()).toBe("t1");
    t = 3_600_000;
    expect(await token()).toBe("t2");
  });
});
