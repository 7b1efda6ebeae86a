// Gateway runtime: shipped as source to Lambda / Cloud Run (see ../bundle.ts). Node built-ins only.

/** One chat message, OpenAI chat-completions shape (text content only). */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** A validated chat request. */
export interface ChatRequest {
  messages: ChatMessage[];
  maxTokens: number;
  temperature: number | undefined;
  topP: number | undefined;
  stop: string[] | undefined;
  stream: boolean;
}

/** Request limits the gateway enforces before spending a token. */
export interface ChatLimits {
  /** Largest `max_tokens` a caller may ask for (and the default). */
  maxOutputTokens: number;
  /** Most characters of message content in one request. */
  maxInputChars: number;
  /** Most messages in one request. */
  maxMessages: number;
}

/** A request the gateway refuses, with the HTTP status to answer. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = "invalid_request",
  ) {
    super(message);
  }
}

const ROLES = new Set(["system", "user", "assistant"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalNumber(
  body: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    throw new RequestError(400, `${key} must be a number from ${min} to ${max}`);
  }
  return value;
}

/** Content as text: a string, or an array of `{type: "text", text}` parts. */
function contentText(content: unknown, index: number): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part, j) => {
        if (isRecord(part) && part.type === "text" && typeof part.text === "string") return part.text;
        throw new RequestError(400, `messages[${index}].content[${j}] must be a text part`);
      })
      .join("");
  }
  throw new RequestError(400, `messages[${index}].content must be a string or text parts`);
}

/**
 * Parses and checks an OpenAI-style chat-completions body. Throws {@link RequestError} (400 or
 * 413) for anything the model would reject or that exceeds the limits, so a bad request costs
 * nothing upstream. The `model` field is ignored: the gateway serves exactly one model.
 */
export function parseChatRequest(raw: string | undefined, limits: ChatLimits): ChatRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw ?? "");
  } catch {
    throw new RequestError(400, "body must be a JSON object");
  }
  if (!isRecord(body)) throw new RequestError(400, "body must be a JSON object");
  const list = body.messages;
  if (!Array.isArray(list) || list.length === 0)
    throw new RequestError(400, "messages must be a non-empty array");
  if (list.length > limits.maxMessages) {
    throw new RequestError(413, `at most ${limits.maxMessages} messages per request`, "request_too_large");
  }
  let chars = 0;
  const messages = list.map((m, i): ChatMessage => {
    if (!isRecord(m) || typeof m.role !== "string" || !ROLES.has(m.role)) {
      throw new RequestError(400, `messages[${i}].role must be system, user or assistant`);
    }
    const content = contentText(m.content, i);
    chars += content.length;
    return { role: m.role as ChatMessage["role"], content };
  });
  if (chars > limits.maxInputChars) {
    throw new RequestError(
      413,
      `messages hold ${chars} characters; the limit is ${limits.maxInputChars}`,
      "request_too_large",
    );
  }
  const turns = messages.filter((m) => m.role !== "system");
  if (turns[0]?.role !== "user")
    throw new RequestError(400, "the first non-system message must come from the user");
  const maxTokens = optionalNumber(body, "max_tokens", 1, limits.maxOutputTokens) ?? limits.maxOutputTokens;
  if (!Number.isInteger(maxTokens)) throw new RequestError(400, "max_tokens must be an integer");
  const stop = body.stop;
  if (
    stop !== undefined &&
    !(typeof stop === "string" || (Array.isArray(stop) && stop.every((s) => typeof s === "string")))
  ) {
    throw new RequestError(400, "stop must be a string or an array of strings");
  }
  if (body.stream !== undefined && typeof body.stream !== "boolean")
    throw new RequestError(400, "stream must be a boolean");
  return {
    messages,
    maxTokens,
    temperature: optionalNumber(body, "temperature", 0, 2),
    topP: optionalNumber(body, "top_p", 0, 1),
    stop: stop === undefined ? undefined : typeof stop === "string" ? [stop] : (stop as string[]),
    stream: body.stream === true,
  };
}
