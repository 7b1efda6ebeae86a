import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  generateRouterBundle,
  serializeRouterBundle,
} from "../../../../components/platform/router/build/generate.js";
import { routerDigest, routerFiles } from "../../../../components/platform/router/bundle.js";
import type { RouterConfig } from "../../../../components/platform/router/runtime/policy.js";
import type * as serverModule from "../../../../components/platform/router/runtime/server.js";

const stored = new URL("../../../../components/platform/router/bundle.generated.json", import.meta.url);

/** Imports the router's shipped JavaScript (not the TypeScript sources). */
async function shipped(): Promise<typeof serverModule> {
  const dir = mkdtempSync(join(tmpdir(), "router-"));
  for (const [name, source] of Object.entries(routerFiles())) writeFileSync(join(dir, name), source);
  return (await import(pathToFileURL(join(dir, "server.js")).href)) as typeof serverModule;
}

const config: RouterConfig = {
  baseUrl: "http://base:8000",
  overflowUrl: "https://overflow.run.app",
  queueDepthThreshold: 4,
  overflowAuth: "google-id-token",
  port: 0,
  pollIntervalMs: 1000,
  maxBodyBytes: 1024,
};

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A fake fetch answering the base and the overflow with the given statuses; records calls. */
function fakeFetch(base: number | "down", overflow = 200) {
  const calls: Call[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body ? Buffer.from(init.body as Uint8Array).toString() : "";
    calls.push({
      url,
      method: init?.method ?? "GET",
      headers: (init?.headers ?? {}) as Record<string, string>,
      body,
    });
    if (url.startsWith(config.baseUrl)) {
      if (base === "down") throw new TypeError("fetch failed: ECONNREFUSED");
      return new Response(`{"from":"base"}`, {
        status: base,
        headers: { "content-type": "application/json" },
      });
    }
    return new Response(`{"from":"overflow"}`, {
      status: overflow,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return { calls, impl };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(
  handler: (
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
  ) => Promise<void>,
) {
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const chat = (url: string) =>
  fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer client" },
    body: '{"messages":[{"role":"user","content":"hi"}]}',
  });

describe("hybrid router (shipped JavaScript over real HTTP)", () => {
  it("is up to date with the TypeScript sources (run build/generate.ts after editing runtime/)", () => {
    expect(readFileSync(stored, "utf8")).toBe(serializeRouterBundle(generateRouterBundle()));
    expect(routerDigest()).toMatch(/^[0-9a-f]{16}$/);
    for (const source of Object.values(routerFiles())) {
      for (const m of source.matchAll(/from\s+"([^"]+)"/g))
        expect(m[1]?.startsWith("./") || m[1]?.startsWith("node:")).toBe(true);
    }
  });

  it("sends requests to the base while its queue is short, without the client's credentials", async () => {
    const { createHandler } = await shipped();
    const f = fakeFetch(200);
    const url = await serve(
      createHandler(
        config,
        () => ({ waiting: 1, reachable: true }),
        f.impl,
        async () => "tok",
      ),
    );
    const res = await chat(url);
    expect(res.headers.get("x-inferplane-route")).toBe("base");
    expect(await res.json()).toEqual({ from: "base" });
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]).toMatchObject({ url: "http://base:8000/v1/chat/completions", method: "POST" });
    expect(f.calls[0]?.headers.authorization).toBeUndefined();
    expect(f.calls[0]?.body).toContain('"hi"');
  });

  it("spills over to the overflow with a Google ID token when the queue is deep", async () => {
    const { createHandler } = await shipped();
    const f = fakeFetch(200);
    const audiences: string[] = [];
    const url = await serve(
      createHandler(
        config,
        () => ({ waiting: 4, reachable: true }),
        f.impl,
        async (aud) => {
          audiences.push(aud);
          return "id-token";
        },
      ),
    );
    const res = await chat(url);
    expect(res.headers.get("x-inferplane-route")).toBe("overflow");
    expect(f.calls.map((c) => c.url)).toEqual(["https://overflow.run.app/v1/chat/completions"]);
    expect(f.calls[0]?.headers.authorization).toBe("Bearer id-token");
    expect(audiences).toEqual(["https://overflow.run.app"]);
  });

  it.each([429, 503])("resends the same request to the overflow when the base answers %i", async (status) => {
    const { createHandler } = await shipped();
    const f = fakeFetch(status);
    const url = await serve(
      createHandler(
        config,
        () => ({ waiting: 0, reachable: true }),
        f.impl,
        async () => "t",
      ),
    );
    const res = await chat(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ from: "overflow" });
    expect(f.calls.map((c) => c.url.split("/v1")[0])).toEqual([
      "http://base:8000",
      "https://overflow.run.app",
    ]);
    expect(f.calls[1]?.body).toBe(f.calls[0]?.body);
  });

  it("passes other base errors through, and spills over when the base is down", async () => {
    const { createHandler } = await shipped();
    const bad = fakeFetch(400);
    const url = await serve(
      createHandler(
        config,
        () => ({ waiting: 0, reachable: true }),
        bad.impl,
        async () => "t",
      ),
    );
    expect((await chat(url)).status).toBe(400);
    const down = fakeFetch("down");
    const url2 = await serve(
      createHandler(
        config,
        () => ({ waiting: 0, reachable: true }),
        down.impl,
        async () => "t",
      ),
    );
    const res = await chat(url2);
    expect(res.headers.get("x-inferplane-route")).toBe("overflow");
  });

  it("refuses bodies over the limit and answers its health check", async () => {
    const { createHandler } = await shipped();
    const f = fakeFetch(200);
    const url = await serve(
      createHandler(
        config,
        () => ({ waiting: 0, reachable: true }),
        f.impl,
        async () => "t",
      ),
    );
    const big = await fetch(`${url}/v1/chat/completions`, { method: "POST", body: "x".repeat(2048) });
    expect(big.status).toBe(413);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(f.calls).toEqual([]);
  });

  it("reads the base's queue from its /metrics, and marks it unreachable when it cannot connect", async () => {
    const { pollBase } = await shipped();
    const up = (async () => new Response("vllm:num_requests_waiting 6\n")) as unknown as typeof fetch;
    expect(await pollBase(config, up)).toEqual({ waiting: 6, reachable: true });
    const down = (async () => {
      throw new TypeError("ECONNREFUSED");
    }) as unknown as typeof fetch;
    expect(await pollBase(config, down)).toEqual({ waiting: null, reachable: false });
  });
});
