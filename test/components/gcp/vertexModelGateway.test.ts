import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import {
  VertexModelGateway,
  type VertexModelGatewayArgs,
  validateVertexModelGatewayArgs,
} from "../../../components/gcp/vertexModelGateway.js";
import { gatewayDigest, gatewayFiles } from "../../../components/serverless/gateway/bundle.js";
import { all, one, runOffline } from "../../harness.js";

const base: VertexModelGatewayArgs = {
  location: "us-central1",
  vertexLocation: "us-central1",
  model: "meta/llama-3.3-70b-instruct-maas",
  invokers: ["serviceAccount:app@proj.iam.gserviceaccount.com"],
};

interface Container {
  image: string;
  commands: string[];
  args: string[];
  envs: { name: string; value?: string }[];
  resources: { cpuIdle: boolean; limits: Record<string, string> };
  volumeMounts: { name: string; mountPath: string }[];
}

async function render(args: VertexModelGatewayArgs = base) {
  const resources = (await runOffline({ program: () => void new VertexModelGateway("chat", args) }))
    .resources;
  const service = one(resources, "gcp:cloudrunv2/service:Service");
  const template = service.inputs.template as Record<string, unknown> & { containers: Container[] };
  return { resources, service, template, container: template.containers[0] as Container };
}

describe("VertexModelGateway", () => {
  it("is private and bounded: internal ingress, named invokers, instance and concurrency caps", async () => {
    const { resources, service, template } = await render();
    expect(service.inputs.ingress).toBe("INGRESS_TRAFFIC_INTERNAL_ONLY");
    expect(service.inputs.invokerIamDisabled).toBe(false);
    expect(template.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 5 });
    expect(template.maxInstanceRequestConcurrency).toBe(40);
    const invokers = all(resources, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember").map((r) => r.inputs);
    expect(invokers).toEqual([
      expect.objectContaining({
        role: "roles/run.invoker",
        member: "serviceAccount:app@proj.iam.gserviceaccount.com",
        name: "chat-svc",
      }),
    ]);
  });

  it("runs as a dedicated identity that may only predict, with no secrets in its environment", async () => {
    const { resources, template, container } = await render();
    const account = one(resources, "gcp:serviceaccount/account:Account");
    expect(template.serviceAccount).toBe(
      `${String(account.inputs.accountId)}@inferplane-offline.iam.gserviceaccount.com`,
    );
    const role = one(resources, "gcp:projects/iAMCustomRole:IAMCustomRole");
    expect(role.inputs.permissions).toEqual(["aiplatform.endpoints.predict"]);
    const binding = one(resources, "gcp:projects/iAMMember:IAMMember").inputs;
    expect(binding).toMatchObject({
      role: "projects/inferplane-offline/roles/inferplaneGateway_chat",
      member: account.state.member,
    });
    expect(Object.fromEntries(container.envs.map((e) => [e.name, e.value]))).toEqual({
      VERTEX_PROJECT: "inferplane-offline",
      VERTEX_LOCATION: "us-central1",
      MODEL_ID: "meta/llama-3.3-70b-instruct-maas",
      MAX_OUTPUT_LENGTH: "1024",
      MAX_INPUT_CHARS: "200000",
    });
  });

  it("runs the project's gateway code from a private bucket, mounted read-only by digest", async () => {
    const { resources, template, container } = await render();
    const bucket = one(resources, "gcp:storage/bucket:Bucket").inputs;
    expect(bucket).toMatchObject({ uniformBucketLevelAccess: true, publicAccessPrevention: "enforced" });
    const objects = all(resources, "gcp:storage/bucketObject:BucketObject").map((o) => o.inputs);
    const digest = gatewayDigest("gcp");
    expect(objects.map((o) => o.name).sort()).toEqual(
      Object.keys(gatewayFiles("gcp"))
        .map((f) => `${digest}/${f}`)
        .sort(),
    );
    expect(objects.find((o) => o.name === `${digest}/server.js`)?.content).toBe(
      gatewayFiles("gcp")["server.js"],
    );
    expect(template.volumes).toEqual([
      {
        name: "gateway-code",
        gcs: { bucket: "chat-code", readOnly: true, mountOptions: [`only-dir=${digest}`] },
      },
    ]);
    expect(container.commands).toEqual(["node"]);
    expect(container.args).toEqual(["/gateway/server.js"]);
    expect(container.volumeMounts).toEqual([{ name: "gateway-code", mountPath: "/gateway" }]);
    expect(one(resources, "gcp:storage/bucketIAMMember:BucketIAMMember").inputs.role).toBe(
      "roles/storage.objectViewer",
    );
  });
});

describe("validateVertexModelGatewayArgs", () => {
  const failure = (args: Partial<VertexModelGatewayArgs>) => {
    try {
      validateVertexModelGatewayArgs("chat", { ...base, ...args } as VertexModelGatewayArgs);
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error("expected an InputError");
  };

  it("refuses a public gateway without allowPublicAccess", () => {
    expect(failure({ invokers: ["allUsers"] })).toMatch(
      /VertexModelGateway "chat": args\.invokers\[0\] is allUsers/,
    );
    expect(failure({ ingress: "INGRESS_TRAFFIC_ALL" })).toMatch(/public endpoint/);
    expect(failure({ disableInvokerIam: true })).toMatch(/disableInvokerIam/);
    expect(failure({ invokers: [] })).toMatch(/invokers is empty/);
  });

  it("rejects a malformed model and limits", () => {
    expect(failure({ model: "llama-3.3-70b" })).toMatch(/args\.model is "llama-3\.3-70b"/);
    expect(failure({ maxInstances: 0 })).toMatch(/maxInstances/);
  });
});
