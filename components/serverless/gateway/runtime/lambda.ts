// AWS Lambda entry of the Bedrock gateway (handler `lambda.handler`, Node.js 22 runtime, ESM).
// The Bedrock client comes from the AWS SDK v3 that the Lambda Node.js runtime ships; nothing
// else is needed at runtime, so the package is our compiled sources alone.
import { bedrockBackend, type ConverseStreamInput, type ConverseStreamSend } from "./bedrock.js";
import type { ChatLimits } from "./chat.js";
import { handleChat, type ResponseSink } from "./handle.js";
import { routeOf } from "./routes.js";

/** Function URL event, payload format 2.0 (the fields the gateway reads). */
export interface FunctionUrlEvent {
  body?: string;
  isBase64Encoded?: boolean;
  rawPath?: string;
  requestContext?: {
    requestId?: string;
    http?: { method?: string };
    authorizer?: { iam?: { userArn?: string; callerId?: string } };
  };
}

/** The response stream Lambda hands a streaming handler. */
export interface LambdaResponseStream {
  write(chunk: string): unknown;
  end(): void;
}

interface StreamingRuntime {
  streamifyResponse(fn: (event: FunctionUrlEvent, stream: LambdaResponseStream) => Promise<void>): unknown;
  HttpResponseStream: {
    from(
      stream: LambdaResponseStream,
      meta: { statusCode: number; headers: Record<string, string> },
    ): LambdaResponseStream;
  };
}

interface BedrockSdk {
  BedrockRuntimeClient: new (config: Record<string, unknown>) => { send(command: unknown): Promise<unknown> };
  ConverseStreamCommand: new (input: ConverseStreamInput) => unknown;
}

const SDK_MODULE = "@aws-sdk/client-bedrock-runtime";

/** Settings from the (non-secret) environment the component sets. */
export function settingsFromEnv(env: Record<string, string | undefined>): {
  modelId: string;
  limits: ChatLimits;
  emfNamespace: string;
} {
  const int = (key: string, fallback: number) => {
    const n = Number.parseInt(env[key] ?? "", 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  const modelId = env.MODEL_ID;
  if (!modelId) throw new Error("MODEL_ID is not set");
  return {
    modelId,
    limits: {
      maxOutputTokens: int("MAX_OUTPUT_LENGTH", 1024),
      maxInputChars: int("MAX_INPUT_CHARS", 200_000),
      maxMessages: int("MAX_MESSAGES", 200),
    },
    emfNamespace: env.METRICS_NAMESPACE ?? "Inferplane/Gateway",
  };
}

let sendPromise: Promise<ConverseStreamSend> | undefined;

async function loadSend(): Promise<ConverseStreamSend> {
  const sdk = (await import(SDK_MODULE)) as BedrockSdk;
  const client = new sdk.BedrockRuntimeClient({});
  return (input) => client.send(new sdk.ConverseStreamCommand(input)) as ReturnType<ConverseStreamSend>;
}

/** Adapts a Lambda response stream to the gateway's sink. */
export function lambdaSink(runtime: StreamingRuntime, raw: LambdaResponseStream): ResponseSink {
  let stream: LambdaResponseStream | undefined;
  return {
    start(status, headers) {
      stream = runtime.HttpResponseStream.from(raw, { statusCode: status, headers });
    },
    write(chunk) {
      (stream ?? raw).write(chunk);
    },
    end() {
      (stream ?? raw).end();
    },
  };
}

/** Serves one Function URL request. Exported for tests, which pass a fake runtime and SDK. */
export async function serve(
  event: FunctionUrlEvent,
  raw: LambdaResponseStream,
  runtime: StreamingRuntime,
  send: () => Promise<ConverseStreamSend>,
  env: Record<string, string | undefined>,
): Promise<void> {
  const sink = lambdaSink(runtime, raw);
  const route = routeOf(event.requestContext?.http?.method ?? "GET", event.rawPath ?? "/");
  if (route !== "chat") {
    sink.start(route === "health" ? 200 : 404, { "content-type": "application/json" });
    sink.write(
      JSON.stringify(
        route === "health"
          ? { status: "ok" }
          : { error: { message: "not found", type: "invalid_request_error", code: "not_found" } },
      ),
    );
    sink.end();
    return;
  }
  const settings = settingsFromEnv(env);
  const body =
    event.isBase64Encoded && event.body ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  const iam = event.requestContext?.authorizer?.iam;
  await handleChat(
    body,
    {
      backend: bedrockBackend(settings.modelId, await send()),
      limits: settings.limits,
      requestId: event.requestContext?.requestId ?? `local-${Date.now()}`,
      caller: iam?.userArn ?? iam?.callerId ?? "unknown",
      // Raw stdout, not console.log: Lambda prefixes console lines, and EMF needs the bare JSON.
      log: (line) => void process.stdout.write(`${line}\n`),
      emfNamespace: settings.emfNamespace,
      now: () => Date.now(),
    },
    sink,
  );
}

const runtime = (globalThis as { awslambda?: StreamingRuntime }).awslambda;

/** The Lambda handler: response streaming through `awslambda.streamifyResponse`. */
export const handler = runtime?.streamifyResponse((event, stream) =>
  serve(event, stream, runtime, () => (sendPromise ??= loadSend()), process.env),
);
