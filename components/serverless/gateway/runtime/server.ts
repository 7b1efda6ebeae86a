// Cloud Run entry of the Vertex AI gateway: `node /gateway/server.js` on the stock Node.js 22
// image. Built-ins and global fetch only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { ChatLimits } from "./chat.js";
import { handleChat, type ResponseSink } from "./handle.js";
import { routeOf } from "./routes.js";
import { type Fetch, metadataTokenSource, type VertexTarget, vertexBackend } from "./vertex.js";

/** Settings from the (non-secret) environment the component sets. */
export function settingsFromEnv(env: Record<string, string | undefined>): {
  target: VertexTarget;
  limits: ChatLimits;
  maxBodyBytes: number;
} {
  const int = (key: string, fallback: number) => {
    const n = Number.parseInt(env[key] ?? "", 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  const need = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`${key} is not set`);
    return value;
  };
  return {
    target: { project: need("VERTEX_PROJECT"), location: need("VERTEX_LOCATION"), model: need("MODEL_ID") },
    limits: {
      maxOutputTokens: int("MAX_OUTPUT_LENGTH", 1024),
      maxInputChars: int("MAX_INPUT_CHARS", 200_000),
      maxMessages: int("MAX_MESSAGES", 200),
    },
    maxBodyBytes: int("MAX_BODY_BYTES", 1_048_576),
  };
}

/**
 * The caller's identity for usage logs: the `email` (or `sub`) claim of the ID token Cloud Run
 * already verified before the request reached us. Not a security decision, so not re-verified.
 */
export function callerOf(authorization: string | undefined): string {
  const token = authorization?.replace(/^Bearer\s+/i, "");
  const payload = token?.split(".")[1];
  if (!payload) return "unknown";
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      email?: string;
      sub?: string;
    };
    return claims.email ?? claims.sub ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
export async function readBody(req: AsyncIterable<Uint8Array>, limit: number): Promise<string | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > limit) return undefined;
    parts.push(part);
  }
  return Buffer.concat(parts).toString("utf8");
}

function nodeSink(res: ServerResponse): ResponseSink {
  return {
    start: (status, headers) => void res.writeHead(status, headers),
    write: (chunk) =>
      new Promise<void>((resolve) => {
        if (res.write(chunk)) resolve();
        else res.once("drain", () => resolve());
      }),
    end: () => void res.end(),
  };
}

/** Builds the request listener. Exported for tests, which pass a fake fetch. */
export function createListener(env: Record<string, string | undefined>, fetchFn: Fetch) {
  const settings = settingsFromEnv(env);
  const backend = vertexBackend(settings.target, fetchFn, metadataTokenSource(fetchFn));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = routeOf(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/");
    if (route !== "chat") {
      res.writeHead(route === "health" ? 200 : 404, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          route === "health"
            ? { status: "ok" }
            : { error: { message: "not found", type: "invalid_request_error", code: "not_found" } },
        ),
      );
      return;
    }
    const body = await readBody(req, settings.maxBodyBytes);
    if (body === undefined) {
      res.writeHead(413, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            message: "request body too large",
            type: "invalid_request_error",
            code: "request_too_large",
          },
        }),
      );
      return;
    }
    const header = req.headers["x-cloud-trace-context"];
    const trace = (Array.isArray(header) ? header[0] : header)?.split("/")[0];
    await handleChat(
      body,
      {
        backend,
        limits: settings.limits,
        requestId: trace ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        caller: callerOf(req.headers.authorization),
        log: (line) => console.log(line),
        emfNamespace: undefined,
        now: () => Date.now(),
      },
      nodeSink(res),
    );
  };
}

// Started only as the entry point, so tests can import this module without opening a port.
if (process.argv[1]?.endsWith("server.js")) {
  const listener = createListener(process.env, fetch as unknown as Fetch);
  const server = createServer((req, res) => void listener(req, res));
  server.listen(Number.parseInt(process.env.PORT ?? "8080", 10));
  process.on("SIGTERM", () => server.close());
}
