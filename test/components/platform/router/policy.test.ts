import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseRoute,
  forwardHeaders,
  parseWaiting,
  RouterConfigError,
  readConfig,
  spillsOver,
} from "../../../../components/platform/router/runtime/policy.js";

const env = {
  ROUTER_BASE_URL: "http://llm.llm.svc.cluster.local:8000",
  ROUTER_OVERFLOW_URL: "https://x-uc.a.run.app/",
};

describe("hybrid router policy", () => {
  it("reads vLLM's waiting queue from a Prometheus exposition, summed over models", () => {
    const metrics = [
      "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.",
      "# TYPE vllm:num_requests_waiting gauge",
      'vllm:num_requests_waiting{engine="0",model_name="a"} 3.0',
      'vllm:num_requests_waiting{engine="0",model_name="b"} 2.0',
      'vllm:num_requests_running{engine="0",model_name="a"} 30.0',
    ].join("\n");
    expect(parseWaiting(metrics)).toBe(5);
    expect(parseWaiting("vllm:num_requests_running 4\n")).toBeNull();
    expect(parseWaiting("vllm:num_requests_waiting 7\n")).toBe(7);
  });

  it("spills new requests over at the queue threshold, or when the base is unreachable", () => {
    expect(chooseRoute(null, true, 8)).toBe("base");
    expect(chooseRoute(7, true, 8)).toBe("base");
    expect(chooseRoute(8, true, 8)).toBe("overflow");
    expect(chooseRoute(0, false, 8)).toBe("overflow");
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (waiting, threshold) => {
        expect(chooseRoute(waiting, true, threshold) === "overflow").toBe(waiting >= threshold);
      }),
    );
  });

  it("resends only 429 and 503 from the base to the overflow", () => {
    expect([200, 400, 404, 429, 500, 502, 503, 504].filter(spillsOver)).toEqual([429, 503]);
  });

  it("drops hop-by-hop headers and the client's credentials", () => {
    expect(
      forwardHeaders({
        "content-type": "application/json",
        authorization: "Bearer client",
        connection: "keep-alive",
        host: "router",
        "content-length": "10",
        accept: ["text/event-stream", "application/json"],
      }),
    ).toEqual({ "content-type": "application/json", accept: "text/event-stream, application/json" });
  });

  it("reads its settings from the environment, with defaults, and refuses bad ones", () => {
    expect(readConfig(env)).toEqual({
      baseUrl: "http://llm.llm.svc.cluster.local:8000",
      overflowUrl: "https://x-uc.a.run.app",
      queueDepthThreshold: 8,
      overflowAuth: "none",
      port: 8080,
      pollIntervalMs: 2000,
      maxBodyBytes: 4 * 1024 * 1024,
    });
    expect(
      readConfig({ ...env, ROUTER_QUEUE_DEPTH: "3", ROUTER_OVERFLOW_AUTH: "google-id-token" }),
    ).toMatchObject({
      queueDepthThreshold: 3,
      overflowAuth: "google-id-token",
    });
    expect(() => readConfig({ ...env, ROUTER_BASE_URL: "llm:8000" })).toThrow(RouterConfigError);
    expect(() => readConfig({ ...env, ROUTER_QUEUE_DEPTH: "0" })).toThrow(
      /ROUTER_QUEUE_DEPTH must be an integer >= 1/,
    );
    expect(() => readConfig({ ...env, ROUTER_OVERFLOW_AUTH: "sigv4" })).toThrow(/ROUTER_OVERFLOW_AUTH/);
  });
});
