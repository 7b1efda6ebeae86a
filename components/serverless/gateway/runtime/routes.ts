/** What a request asks for. */
export type Route = "chat" | "health" | "unknown";

/** Routes by method and path: the gateway serves chat completions and a health check only. */
export function routeOf(method: string, path: string): Route {
  const clean = path.replace(/\/+$/, "") || "/";
  if (method === "POST" && (clean === "/v1/chat/completions" || clean === "/chat/completions")) return "chat";
  if (method === "GET" && (clean === "/healthz" || clean === "/health")) return "health";
  return "unknown";
}
