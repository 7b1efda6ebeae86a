import { describe, expect, it } from "vitest";
import { UpstreamError } from "../../../../components/serverless/gateway/runtime/backend.js";
import {
  bedrockBackend,
  bedrockError,
  type ConverseStreamEvent,
  type ConverseStreamInput,
  converseInput,
} from "../../../../components/serverless/gateway/runtime/bedrock.js";
import type { ChatRequest } from "../../../../components/serverless/gateway/runtime/chat.js";

const request: ChatRequest = {
  messages: [
    { role: "system", content: "be brief" },
    { role: "user", content: "hi" },
  ],
  maxTokens: 64,
  temperature: 0.1,
  topP: undefined,
  stop: ["\n\n"],
  stream: true,
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

async function* events(list: ConverseStreamEvent[]) {
  for (const e of list) yield e;
}

describe("Bedrock backend", () => {
  it("sends a Converse request pinned to the one model, system prompts apart", () => {
    expect(converseInput("meta.llama3-1-8b-instruct-v1:0", request)).toEqual({
      modelId: "meta.llama3-1-8b-instruct-v1:0",
      system: [{ text: "be brief" }],
      messages: [{ role: "user", content: [{ text: "hi" }] }],
      inferenceConfig: { maxTokens: 64, temperature: 0.1, stopSequences: ["\n\n"] },
    });
  });

  it("maps Converse stream events to text, finish reason and usage", async () => {
    const sent: ConverseStreamInput[] = [];
    const backend = bedrockBackend("m", async (input) => {
      sent.push(input);
      return {
        stream: events([
          { contentBlockDelta: { delta: { text: "a" } } },
          { contentBlockDelta: { delta: { text: "b" } } },
          { messageStop: { stopReason: "max_tokens" } },
          { metadata: { usage: { inputTokens: 5, outputTokens: 2 } } },
        ]),
      };
    });
    expect(await collect(backend.stream(request))).toEqual([
      { type: "text", text: "a" },
      { type: "text", text: "b" },
      { type: "stop", reason: "length" },
      { type: "usage", inputTokens: 5, outputTokens: 2 },
    ]);
    expect(sent[0]?.modelId).toBe("m");
  });

  it("classifies SDK exceptions and in-stream exception events", async () => {
    const named = (name: string) => Object.assign(new Error(`${name} happened`), { name });
    expect(bedrockError(named("ThrottlingException")).kind).toBe("throttled");
    expect(bedrockError(named("AccessDeniedException")).kind).toBe("misconfigured");
    expect(bedrockError(named("ValidationException")).kind).toBe("invalid_request");
    expect(bedrockError(named("ModelTimeoutException")).kind).toBe("timeout");
    expect(bedrockError(named("Whatever")).kind).toBe("internal");
    const rejecting = bedrockBackend("m", async () => {
      throw named("ServiceUnavailableException");
    });
    await expect(collect(rejecting.stream(request))).rejects.toMatchObject({ kind: "unavailable" });
    const midStream = bedrockBackend("m", async () => ({
      stream: events([
        { contentBlockDelta: { delta: { text: "a" } } },
        { throttlingException: { message: "slow down" } },
      ]),
    }));
    const error = await collect(midStream.stream(request)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "throttled", message: "slow down" });
  });
});
