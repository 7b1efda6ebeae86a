// The hybrid router's decisions, as pure functions (no I/O): where a request goes, when a base
// answer sends it to the overflow, what the base's vLLM queue holds. Shipped as JavaScript
// (see ../build/generate.ts); Node.js built-ins only.

/** How the router authenticates to the overflow. */
export type OverflowAuth = "none" | "google-id-token";

/** The router's settings, read from its environment. */
export interface RouterConfig {
  /** Base (Kubernetes) server, e.g. `http://llm.llm.svc.cluster.local:8000`. */
  baseUrl: string;
  /** Overflow (serverless GPU or managed-API gateway) URL, e.g. `https://x.run.app`. */
  overflowUrl: string;
  /** Requests waiting in the base's vLLM queue at which new requests go to the overflow. */
  queueDepthThreshold: number;
  overflowAuth: OverflowAuth;
  /** Port the router listens on. */
  port: number;
  /** How often the base's `/metrics` is read, ms. */
  pollIntervalMs: number;
  /** Largest request body accepted, bytes (the body is buffered so it can be sent twice). */
  maxBodyBytes: number;
}

/** A bad router setting; the process exits with its message. */
export class RouterConfigError extends Error {
  override readonly name = "RouterConfigError";
}

function url(env: Record<string, string | undefined>, key: string): string {
  const value = env[key];
  if (!value || !/^https?:\/\/[^\s]+$/.test(value)) {
    throw new RouterConfigError(`${key} must be an http(s) URL, got ${JSON.stringify(value ?? null)}`);
  }
  return value.replace(/\/+$/, "");
}

function int(env: Record<string, string | undefined>, key: string, fallback: number, min: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new RouterConfigError(`${key} must be an integer >= ${min}, got ${raw}`);
  return n;
}

/** Reads the router's settings from environment variables (`ROUTER_*`). */
export function readConfig(env: Record<string, string | undefined>): RouterConfig {
  const auth = env.ROUTER_OVERFLOW_AUTH ?? "none";
  if (auth !== "none" && auth !== "google-id-token") {
    throw new RouterConfigError(`ROUTER_OVERFLOW_AUTH must be none or google-id-token, got ${auth}`);
  }
  return {
    baseUrl: url(env, "ROUTER_BASE_URL"),
    overflowUrl: url(env, "ROUTER_OVERFLOW_URL"),
    queueDepthThreshold: int(env, "ROUTER_QUEUE_DEPTH", 8, 1),
    overflowAuth: auth,
    port: int(env, "ROUTER_PORT", 8080, 1),
    pollIntervalMs: int(env, "ROUTER_POLL_MS", 2000, 100),
    maxBodyBytes: int(env, "ROUTER_MAX_BODY_BYTES", 4 * 1024 * 1024, 1024),
  };
}

/**
 * Requests waiting in vLLM's scheduler queue: the sum of `vllm:num_requests_waiting` samples in a
 * Prometheus text exposition (one per model), or `null` when the metric is absent.
 */
export function parseWaiting(metrics: string): number | null {
  let total: number | null = null;
  for (const line of metrics.split("\n")) {
    const m = /^vllm:num_requests_waiting(?:\{[^}]*\})?\s+([-+0-9.eE]+|NaN)/.exec(line.trim());
    if (!m) continue;
    const v = Number(m[1]);
    if (Number.isFinite(v)) total = (total ?? 0) + v;
  }
  return total;
}

/** Where a new request goes. */
export type Route = "base" | "overflow";

/**
 * The route of a new request: the overflow while the base's queue is at or above the threshold
 * or the base failed its last metrics read; the base otherwise (including before the first read).
 */
export function chooseRoute(waiting: number | null, baseReachable: boolean, threshold: number): Route {
  if (!baseReachable) return "overflow";
  return waiting !== null && waiting >= threshold ? "overflow" : "base";
}

/**
 * Whether a base answer sends the request on to the overflow: 429 (vLLM or a proxy shedding load)
 * and 503 (no ready replica, draining). Other errors are the client's or the model's and pass through.
 */
export function spillsOver(status: number): boolean {
  return status === 429 || status === 503;
}

/** Request headers forwarded upstream: hop-by-hop headers and the client's credentials are dropped. */
export function forwardHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const drop = new Set([
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "host",
    "content-length",
    "authorization",
  ]);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || drop.has(key.toLowerCase())) continue;
    out[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
