/**
 * The real pack, as the Pulumi CLI starts it: `@pulumi/pulumi/cmd/run-policy-pack` in
 * policies/guard (NODE_OPTIONS="--import tsx", TS_NODE_IGNORE="."), driven over the analyzer gRPC
 * protocol (pulumi-testing-and-style.md §5, approach 2). The pack runs in a child process, never
 * in the test process: constructing a PolicyPack starts a server and exits on a second pack.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRules } from "../../../policies/guard/rules.js";
import { deployment } from "./fixtures/bases.js";
import { mutate } from "./fixtures/types.js";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../../", import.meta.url));

interface Msg {
  setType(value: string): Msg;
  setName(value: string): Msg;
  setUrn(value: string): Msg;
  setProperties(value: unknown): Msg;
  setOptions(value: unknown): Msg;
}
type Ctor = new () => Msg;
interface Diagnostic {
  getPolicyname(): string;
  getMessage(): string;
  getEnforcementlevel(): number;
}
interface PolicyInfo {
  getName(): string;
  getEnforcementlevel(): number;
}
type Callback<T> = (error: Error | null, response: T) => void;
interface AnalyzerClient {
  getAnalyzerInfo(
    request: unknown,
    cb: Callback<{ getName(): string; getPoliciesList(): PolicyInfo[] }>,
  ): void;
  analyze(request: unknown, cb: Callback<{ getDiagnosticsList(): Diagnostic[] }>): void;
  close(): void;
}

const grpc = require("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
const services = require("@pulumi/pulumi/proto/analyzer_grpc_pb.js") as {
  AnalyzerClient: new (address: string, credentials: unknown) => AnalyzerClient;
};
const pb = require("@pulumi/pulumi/proto/analyzer_pb.js") as Record<string, Ctor>;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb.js") as {
  Struct: { fromJavaScript(value: unknown): unknown };
};
const { Empty } = require("google-protobuf/google/protobuf/empty_pb.js") as { Empty: Ctor };

const MANDATORY = 1;
const ADVISORY = 0;
let child: ChildProcess | undefined;
let client: AnalyzerClient;

function call<T>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    fn((error, response) => (error ? reject(error) : resolve(response))),
  );
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): Msg {
  const options = new (pb.AnalyzerResourceOptions as Ctor)();
  return new (pb.AnalyzeRequest as Ctor)()
    .setType(type)
    .setName(name)
    .setUrn(`urn:pulumi:test::inferplane::${type}::${name}`)
    .setProperties(Struct.fromJavaScript(props))
    .setOptions(options);
}

beforeAll(async () => {
  const started = spawn(
    process.execPath,
    [`${root}node_modules/@pulumi/pulumi/cmd/run-policy-pack`, "127.0.0.1:1", "."],
    {
      cwd: `${root}policies/guard`,
      env: { ...process.env, NODE_OPTIONS: "--import tsx", TS_NODE_IGNORE: "." },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child = started;
  let stderr = "";
  started.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const port = await new Promise<string>((resolve, reject) => {
    started.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
    started.once("exit", (code) => reject(new Error(`policy pack exited ${code}: ${stderr}`)));
  });
  client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  child?.kill();
});

describe("the pack under the Pulumi policy runtime", () => {
  it("serves every rule with the runner's enforcement level", async () => {
    const info = await call<{ getName(): string; getPoliciesList(): PolicyInfo[] }>((cb) =>
      client.getAnalyzerInfo(new Empty(), cb),
    );
    expect(info.getName()).toBe("inferplane-guard");
    const served = Object.fromEntries(
      info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()]),
    );
    const expected = Object.fromEntries(
      guardRules.map((r) => [r.name, r.enforcementLevel === "mandatory" ? MANDATORY : ADVISORY]),
    );
    expect(served).toEqual(expected);
  });

  it("reports a mandatory violation for an image by tag", async () => {
    const bad = mutate(deployment, "spec.template.spec.containers[0].image", "vllm/vllm-openai:latest");
    const response = await call<{ getDiagnosticsList(): Diagnostic[] }>((cb) =>
      client.analyze(analyzeRequest(bad.type, bad.name, bad.inputs), cb),
    );
    const found = response.getDiagnosticsList().find((d) => d.getPolicyname() === "k8s-05-image-digest");
    expect(found?.getEnforcementlevel()).toBe(MANDATORY);
    expect(found?.getMessage()).toMatch(/\[K8S-05\] .*not pinned by digest/);
  });

  it("passes the hardened Deployment", async () => {
    const response = await call<{ getDiagnosticsList(): Diagnostic[] }>((cb) =>
      client.analyze(analyzeRequest(deployment.type, deployment.name, deployment.inputs), cb),
    );
    expect(response.getDiagnosticsList().map((d) => d.getPolicyname())).toEqual([]);
  });

  it("downgrades a rule that meets an unknown value to advisory, as the CLI does at preview", async () => {
    // The runner reports the same case at the rule's own level (runner.test.ts): stricter on purpose.
    const unknown = mutate(
      deployment,
      "spec.template.spec.containers[0].image",
      "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    );
    const response = await call<{ getDiagnosticsList(): Diagnostic[] }>((cb) =>
      client.analyze(analyzeRequest(unknown.type, unknown.name, unknown.inputs), cb),
    );
    const found = response.getDiagnosticsList().find((d) => d.getPolicyname() === "k8s-05-image-digest");
    expect(found?.getEnforcementlevel()).toBe(ADVISORY);
    expect(found?.getMessage()).toMatch(/can't run policy .* during preview/);
  });
});
