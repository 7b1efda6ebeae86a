// The hybrid router: one entry point in front of the Kubernetes base and its overflow. It reads
// the base's vLLM queue every few seconds and sends new requests to the overflow while the queue
// is deep; a request the base answers with 429 or 503 (or cannot take at all) is sent again to
// the overflow. Started as `node /router/server.js`; Node.js built-ins only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import {
  chooseRoute,
  forwardHeaders,
  parseWaiting,
  type Route,
  type RouterConfig,
  readConfig,
  spillsOver,
} from "./policy.js";

/** State the poller keeps: the base's queue and whether it answered. */
export interface BaseState {
  waiting: number | null;
  reachable: boolean;
}

/** Fetches a Google ID token for `audience` from the metadata server (GKE Workload Identity), cached. */
export function googleIdTokens(fetchImpl: typeof fetch = fetch): (audience: string) => Promise<string> {
  const cache = new Map<string, { token: string; until: number }>();
  return async (audience) => {
    const hit = cache.get(audience);
    if (hit && hit.until > Date.now()) return hit.token;
    const res = await fetchImpl(
      `http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity?audience=${encodeURIComponent(audience)}`,
      { headers: { "Metadata-Flavor": "Google" } },
    );
    if (!res.ok) throw new Error(`metadata server answered ${res.status} for an ID token`);
    const token = (await res.text()).trim();
    // Google ID tokens live one hour; refresh after 50 minutes.
    cache.set(audience, { token, until: Date.now() + 50 * 60 * 1000 });
    return token;
  };
}

/** Reads the base's queue once. */
export async function pollBase(config: RouterConfig, fetchImpl: typeof fetch = fetch): Promise<BaseState> {
  try {
    const res = await fetchImpl(`${config.baseUrl}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return { waiting: null, reachable: res.status !== 503 };
    return { waiting: parseWaiting(await res.text()), reachable: true };
  } catch {
    return { waiting: null, reachable: false };
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) return "too-large";
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The request handler, with its collaborators injectable for tests. */
export function createHandler(
  config: RouterConfig,
  state: () => BaseState,
  fetchImpl: typeof fetch = fetch,
  idToken: (audience: string) => Promise<string> = googleIdTokens(fetchImpl),
) {
  const send = async (route: Route, req: IncomingMessage, body: Buffer): Promise<Response> => {
    const headers = forwardHeaders(req.headers);
    const base = route === "base" ? config.baseUrl : config.overflowUrl;
    if (route === "overflow" && config.overflowAuth === "google-id-token") {
      headers.authorization = `Bearer ${await idToken(config.overflowUrl)}`;
    }
    const method = req.method ?? "GET";
    return fetchImpl(`${base}${req.url ?? "/"}`, {
      method,
      headers,
      ...(method === "GET" || method === "HEAD" ? {} : { body }),
    });
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    const body = await readBody(req, config.maxBodyBytes);
    if (body === "too-large") {
      res
        .writeHead(413, { "content-type": "application/json" })
        .end('{"error":{"message":"request too large"}}');
      return;
    }
    const s = state();
    let route = chooseRoute(s.waiting, s.reachable, config.queueDepthThreshold);
    let upstream: Response | undefined;
    try {
      upstream = await send(route, req, body);
      if (route === "base" && spillsOver(upstream.status)) {
        await upstream.body?.cancel();
        route = "overflow";
        upstream = await send(route, req, body);
      }
    } catch {
      if (route === "base") {
        try {
          route = "overflow";
          upstream = await send(route, req, body);
        } catch {
          upstream = undefined;
        }
      }
    }
    if (!upstream) {
      res
        .writeHead(502, { "content-type": "application/json" })
        .end('{"error":{"message":"no upstream answered"}}');
      return;
    }
    const headers: Record<string, string> = { "x-inferplane-route": route };
    upstream.headers.forEach((value, key) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(key))
        headers[key] = value;
    });
    res.writeHead(upstream.status, headers);
    if (!upstream.body) {
      res.end();
      return;
    }
    Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream).pipe(res);
  };
}

/** Starts the router: the poller and the HTTP server. */
export function start(env: Record<string, string | undefined> = process.env): void {
  const config = readConfig(env);
  let state: BaseState = { waiting: null, reachable: true };
  const poll = async () => {
    state = await pollBase(config);
  };
  void poll();
  setInterval(() => void poll(), config.pollIntervalMs).unref();
  const handler = createHandler(config, () => state);
  createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  }).listen(config.port);
}

if (process.argv[1]?.endsWith("/server.js")) start();
