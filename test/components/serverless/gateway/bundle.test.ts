import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateBundle, serializeBundle } from "../../../../components/serverless/gateway/build/generate.js";
import { gatewayDigest, gatewayFiles } from "../../../../components/serverless/gateway/bundle.js";
import type * as lambdaModule from "../../../../components/serverless/gateway/runtime/lambda.js";
import type * as serverModule from "../../../../components/serverless/gateway/runtime/server.js";

const stored = new URL("../../../../components/serverless/gateway/bundle.generated.json", import.meta.url);

/** Writes a gateway's shipped files to a temporary directory and imports one of them. */
async function importShipped<T>(target: "aws" | "gcp", file: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `gateway-${target}-`));
  for (const [name, source] of Object.entries(gatewayFiles(target))) writeFileSync(join(dir, name), source);
  return (await import(pathToFileURL(join(dir, file)).href)) as T;
}

describe("gateway bundle", () => {
  it("is up to date with the TypeScript sources (run build/generate.ts after editing runtime/)", () => {
    expect(readFileSync(stored, "utf8")).toBe(serializeBundle(generateBundle()));
  });

  it("ships only our compiled modules, as ES modules, with no third-party imports", () => {
    for (const target of ["aws", "gcp"] as const) {
      const files = gatewayFiles(target);
      expect(files["package.json"]).toBe('{"type":"module"}\n');
      for (const [name, source] of Object.entries(files)) {
        if (!name.endsWith(".js")) continue;
        const specifiers = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
        for (const s of specifiers) expect(s.startsWith("./") || s.startsWith("node:")).toBe(true);
        expect(source).not.toMatch(/:\s*(string|number|boolean)\s*[,)=;]/);
      }
    }
    expect(gatewayDigest("aws")).toMatch(/^[0-9a-f]{16}$/);
    expect(gatewayDigest("aws")).not.toBe(gatewayDigest("gcp"));
  });

  it("serves a streamed completion from the shipped Lambda code", async () => {
    const lambda = await importShipped<typeof lambdaModule>("aws", "lambda.js");
    const written: string[] = [];
    const meta: { statusCode: number; headers: Record<string, string> }[] = [];
    const raw = { write: (c: string) => written.push(c), end: () => written.push("<end>") };
    const runtime = {
      streamifyResponse: (fn: unknown) => fn,
      HttpResponseStream: {
        from: (s: typeof raw, m: (typeof meta)[number]) => {
          meta.push(m);
          return s;
        },
      },
    };
    async function* stream() {
      yield { contentBlockDelta: { delta: { text: "ok" } } };
      yield { messageStop: { stopReason: "end_turn" } };
      yield { metadata: { usage: { inputTokens: 3, outputTokens: 1 } } };
    }
    await lambda.serve(
      {
        rawPath: "/v1/chat/completions",
        body: JSON.stringify({ messages: [{ role: "user", content: "hi" }], stream: true }),
        requestContext: {
          requestId: "r1",
          http: { method: "POST" },
          authorizer: { iam: { userArn: "arn:aws:iam::1:role/app" } },
        },
      },
      raw,
      runtime,
      async () => async (input) => {
        expect(input.modelId).toBe("meta.llama3-1-8b-instruct-v1:0");
        return { stream: stream() };
      },
      { MODEL_ID: "meta.llama3-1-8b-instruct-v1:0", MAX_OUTPUT_LENGTH: "128" },
    );
    expect(meta[0]?.statusCode).toBe(200);
    expect(written.join("")).toContain('"content":"ok"');
    expect(written.join("")).toContain("data: [DONE]");
    expect(written.at(-1)).toBe("<end>");
  });

  it("serves a completion over HTTP from the shipped Cloud Run code", async () => {
    const server = await importShipped<typeof serverModule>("gcp", "server.js");
    const fakeFetch: Parameters<typeof server.createListener>[1] = async (url) => {
      if (url.startsWith("http://metadata")) {
        return {
          ok: true,
          status: 200,
          text: async () => '{"access_token":"t","expires_in":3600}',
          body: null,
        };
      }
      async function* body() {
        yield new TextEncoder().encode(
          'data: {"choices":[{"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
        );
      }
      return { ok: true, status: 200, text: async () => "", body: body() };
    };
    const listener = server.createListener(
      { VERTEX_PROJECT: "p", VERTEX_LOCATION: "us-central1", MODEL_ID: "google/gemini-2.0-flash" },
      fakeFetch,
    );
    const http = createServer((req, res) => void listener(req, res));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const { port } = http.address() as AddressInfo;
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port, path: "/v1/chat/completions", method: "POST" },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += c.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ messages: [{ role: "user", content: "hi" }] }));
    });
    http.close();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      choices: [{ message: { content: "ok" } }],
      model: "google/gemini-2.0-flash",
    });
  });
});
