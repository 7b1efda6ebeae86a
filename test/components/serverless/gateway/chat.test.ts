import { describe, expect, it } from "vitest";
import { parseChatRequest, RequestError } from "../../../../components/serverless/gateway/runtime/chat.js";

const limits = { maxOutputTokens: 512, maxInputChars: 100, maxMessages: 4 };
const parse = (body: unknown) =>
  parseChatRequest(typeof body === "string" ? body : JSON.stringify(body), limits);
const rejection = (body: unknown) => {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError);
    return { status: (error as RequestError).status, message: (error as Error).message };
  }
  throw new Error("expected a RequestError");
};

describe("parseChatRequest", () => {
  it("accepts an OpenAI-style request and fills the token default", () => {
    const request = parse({
      model: "ignored",
      messages: [
        { role: "system", content: "be brief" },
        {
          role: "user",
          content: [
            { type: "text", text: "hi " },
            { type: "text", text: "there" },
          ],
        },
      ],
      temperature: 0.2,
      stream: true,
      stop: "END",
    });
    expect(request).toEqual({
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "hi there" },
      ],
      maxTokens: 512,
      temperature: 0.2,
      topP: undefined,
      stop: ["END"],
      stream: true,
    });
  });

  it("rejects malformed bodies with 400", () => {
    expect(rejection("{not json").status).toBe(400);
    expect(rejection([]).message).toMatch(/JSON object/);
    expect(rejection({ messages: [] }).message).toMatch(/non-empty array/);
    expect(rejection({ messages: [{ role: "tool", content: "x" }] }).message).toMatch(/messages\[0\]\.role/);
    expect(rejection({ messages: [{ role: "user", content: 3 }] }).message).toMatch(/content must be/);
    expect(rejection({ messages: [{ role: "assistant", content: "x" }] }).message).toMatch(
      /first non-system/,
    );
    expect(rejection({ messages: [{ role: "user", content: "x" }], temperature: 3 }).message).toMatch(
      /temperature/,
    );
    expect(rejection({ messages: [{ role: "user", content: "x" }], stream: "yes" }).message).toMatch(
      /stream/,
    );
  });

  it("caps output tokens, input size and message count before any model call", () => {
    expect(rejection({ messages: [{ role: "user", content: "x" }], max_tokens: 513 })).toEqual({
      status: 400,
      message: "max_tokens must be a number from 1 to 512",
    });
    expect(rejection({ messages: [{ role: "user", content: "x".repeat(101) }] }).status).toBe(413);
    expect(
      rejection({ messages: Array.from({ length: 5 }, () => ({ role: "user", content: "x" })) }).status,
    ).toBe(413);
  });
});
