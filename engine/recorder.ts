import * as pulumi from "@pulumi/pulumi";
import { unwrapSecrets } from "./secrets.js";
import type { RecordedResource } from "./types.js";

/** The slice of a protobuf RegisterResourceRequest / ReadResourceRequest the recorder reads. */
interface ResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProvider(): string;
  getDependenciesList(): string[];
}
interface RegisterRequest extends ResourceRequest {
  getCustom(): boolean;
  getObject(): unknown;
}
interface ReadRequest extends ResourceRequest {
  getProperties(): unknown;
}
interface ResourceResponse {
  getUrn(): string;
  getId?(): string;
  getProperties?(): { toJavaScript(): Record<string, unknown> } | undefined;
  getObject?(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: Error | null, resp?: ResourceResponse) => void;
interface OutputsRequest {
  getUrn(): string;
  getOutputs(): unknown;
}
interface MonitorLike {
  registerResource(req: RegisterRequest, cb: Callback): void;
  readResource(req: ReadRequest, cb: Callback): void;
  registerResourceOutputs(req: OutputsRequest, cb: (err: Error | null, resp?: unknown) => void): void;
}

/**
 * Wraps the mock monitor that `setMocks` installed so that each registration is recorded with
 * what `Mocks.newResource` never sees: its parent, provider reference and dependencies.
 * Records land in `into` only when the monitor answers, so a caller that drains the runtime
 * (`pulumi.runtime.disconnect()`) before reading sees every registration, late ones included.
 */
export function recordRegistrations(into: RecordedResource[]): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike | undefined;
  if (
    !monitor ||
    typeof monitor.registerResource !== "function" ||
    typeof monitor.readResource !== "function"
  ) {
    throw new Error(
      "the Pulumi mock monitor is missing or has changed shape; the offline engine cannot record resources",
    );
  }
  const register = monitor.registerResource.bind(monitor);
  const read = monitor.readResource.bind(monitor);
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResource = (req, cb) =>
    register(req, (err, resp) => {
      if (!err && resp) into.push(toRecord(req, resp, req.getCustom(), false, req.getObject()));
      cb(err, resp);
    });
  monitor.readResource = (req, cb) =>
    read(req, (err, resp) => {
      if (!err && resp) into.push(toRecord(req, resp, true, true, req.getProperties()));
      cb(err, resp);
    });
  // Components publish their outputs after registering; stack policies read them from here.
  monitor.registerResourceOutputs = (req, cb) =>
    registerOutputs(req, (err, resp) => {
      const record = into.find((r) => r.urn === req.getUrn());
      const struct = req.getOutputs();
      if (!err && record && struct) record.outputs = deserialize(struct);
      cb(err, resp);
    });
}

function deserialize(struct: unknown): Record<string, unknown> {
  const raw = pulumi.runtime.deserializeProperties(
    struct as Parameters<typeof pulumi.runtime.deserializeProperties>[0],
  );
  return unwrapSecrets(raw).value as Record<string, unknown>;
}

function toRecord(
  req: ResourceRequest,
  resp: ResourceResponse,
  custom: boolean,
  read: boolean,
  struct: unknown,
): RecordedResource {
  const raw = struct
    ? pulumi.runtime.deserializeProperties(
        struct as Parameters<typeof pulumi.runtime.deserializeProperties>[0],
      )
    : {};
  const { value, paths } = unwrapSecrets(raw);
  const stateStruct = resp.getObject?.() ?? resp.getProperties?.();
  const state = stateStruct
    ? (unwrapSecrets(stateStruct.toJavaScript()).value as Record<string, unknown>)
    : {};
  const id = resp.getId?.();
  return {
    type: req.getType(),
    name: req.getName(),
    urn: resp.getUrn(),
    parent: req.getParent() || undefined,
    provider: req.getProvider() || undefined,
    custom,
    read,
    id: custom && id ? id : undefined,
    dependencies: [...req.getDependenciesList()].sort(),
    inputs: value as Record<string, unknown>,
    secretPaths: paths,
    state,
    outputs: undefined,
  };
}
