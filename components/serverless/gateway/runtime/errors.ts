import { UpstreamError, type UpstreamErrorKind } from "./backend.js";
import { RequestError } from "./chat.js";

/** An error as the gateway answers it: HTTP status and an OpenAI-style error body. */
export interface GatewayFailure {
  status: number;
  body: { error: { message: string; type: string; code: string } };
}

const STATUS: Record<UpstreamErrorKind, number> = {
  invalid_request: 400,
  content_filtered: 400,
  throttled: 429,
  unavailable: 503,
  timeout: 504,
  // The gateway's own identity lacks access or the model id is wrong: the caller cannot fix it,
  // and the upstream message may name our account, so it is not passed through.
  misconfigured: 502,
  internal: 502,
};

/**
 * Maps anything thrown while serving a request to the answer the caller gets. Request errors
 * keep their message; upstream messages pass through only for caller-fixable kinds; anything
 * else is a generic 500 so internals never leak.
 */
export function toFailure(error: unknown): GatewayFailure {
  if (error instanceof RequestError)
    return failure(error.status, error.message, "invalid_request_error", error.code);
  if (error instanceof UpstreamError) {
    const status = STATUS[error.kind];
    const passThrough = error.kind === "invalid_request" || error.kind === "content_filtered";
    const message = passThrough ? error.message : defaultMessage(error.kind);
    const type =
      status === 429 ? "rate_limit_error" : status < 500 ? "invalid_request_error" : "upstream_error";
    return failure(status, message, type, error.kind);
  }
  return failure(500, "internal gateway error", "server_error", "internal");
}

function defaultMessage(kind: UpstreamErrorKind): string {
  switch (kind) {
    case "throttled":
      return "the model is rate limited; retry with backoff";
    case "unavailable":
      return "the model is temporarily unavailable; retry later";
    case "timeout":
      return "the model timed out";
    default:
      return "the upstream model call failed";
  }
}

function failure(status: number, message: string, type: string, code: string): GatewayFailure {
  return { status, body: { error: { message, type, code } } };
}
