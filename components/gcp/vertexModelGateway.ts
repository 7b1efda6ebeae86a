import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { gatewayDigest, gatewayFiles } from "../serverless/gateway/bundle.js";
import {
  DEFAULT_GATEWAY_RUNTIME_IMAGE,
  type VertexModelGatewayArgs,
  validateVertexModelGatewayArgs,
} from "./vertexModelGatewayArgs.js";

export type { VertexModelGatewayArgs } from "./vertexModelGatewayArgs.js";
export { validateVertexModelGatewayArgs } from "./vertexModelGatewayArgs.js";

const CODE_MOUNT = "/gateway";

/**
 * A small authenticated gateway in front of one Vertex AI model (pay per token): a Cloud Run
 * service running the project's own typed gateway code on a stock Node.js image, speaking the
 * OpenAI chat-completions API with streaming, calling only the configured model with its own
 * service account (token from the metadata server, no keys), bounded by instance and per-instance
 * concurrency limits, logging one structured usage record per request to Cloud Logging.
 *
 * The code is uploaded to a private bucket (uniform access, public access prevention) and
 * mounted read-only; a code change rolls a new revision because the mounted folder is named by
 * the code's digest. Private ingress and named invokers by default, as for CloudRunGpuEndpoint.
 */
export class VertexModelGateway extends pulumi.ComponentResource {
  /** The Cloud Run service. */
  readonly service: gcp.cloudrunv2.Service;
  /** HTTPS URL; callers send a Google ID token. POST `/v1/chat/completions`. */
  readonly uri: pulumi.Output<string>;
  /** Email of the gateway's identity. */
  readonly serviceAccountEmail: pulumi.Output<string>;

  constructor(name: string, args: VertexModelGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const plan = validateVertexModelGatewayArgs(name, args);
    super("inferplane:index:VertexModelGateway", name, {}, opts);
    const parent = { parent: this };
    const project = args.project ?? gcp.organizations.getClientConfigOutput(parent).project;
    const labels = { "inferplane-component": "vertex-model-gateway", ...args.labels };

    const account = new gcp.serviceaccount.Account(
      `${name}-sa`,
      {
        project,
        accountId: `${name}-gw`.slice(0, 30),
        displayName: `Vertex AI gateway ${name} (${args.model})`,
      },
      parent,
    );

    // Vertex AI has no per-model IAM on publisher models: the role grants prediction only, and
    // the gateway pins the one model in its configuration (callers cannot choose another).
    const predictRole = new gcp.projects.IAMCustomRole(
      `${name}-predict`,
      {
        project,
        roleId: plan.predictRoleId,
        title: `Inferplane gateway ${name}: Vertex AI prediction only`,
        permissions: ["aiplatform.endpoints.predict"],
      },
      parent,
    );
    const predict = new gcp.projects.IAMMember(
      `${name}-predict`,
      { project, role: predictRole.name, member: account.member },
      parent,
    );

    const digest = gatewayDigest("gcp");
    const bucket = new gcp.storage.Bucket(
      `${name}-code`,
      {
        project,
        location: args.location,
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: true },
        encryption: args.kmsKeyName ? { defaultKmsKeyName: args.kmsKeyName } : undefined,
        forceDestroy: true,
        labels,
      },
      parent,
    );
    const objects = Object.entries(gatewayFiles("gcp")).map(
      ([file, source]) =>
        new gcp.storage.BucketObject(
          `${name}-code-${file.replace(/\./g, "-")}`,
          { bucket: bucket.name, name: `${digest}/${file}`, content: source, contentType: "text/javascript" },
          parent,
        ),
    );
    const reader = new gcp.storage.BucketIAMMember(
      `${name}-code-reader`,
      { bucket: bucket.name, role: "roles/storage.objectViewer", member: account.member },
      parent,
    );

    this.service = new gcp.cloudrunv2.Service(
      `${name}-svc`,
      {
        project,
        location: args.location,
        ingress: plan.ingress,
        invokerIamDisabled: args.disableInvokerIam === true,
        deletionProtection: args.deletionProtection ?? true,
        labels,
        template: {
          serviceAccount: account.email,
          executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
          encryptionKey: args.kmsKeyName,
          scaling: { minInstanceCount: 0, maxInstanceCount: plan.maxInstances },
          maxInstanceRequestConcurrency: plan.maxConcurrency,
          timeout: `${plan.requestTimeoutSeconds}s`,
          vpcAccess: args.vpc
            ? {
                egress: args.vpc.egress ?? "PRIVATE_RANGES_ONLY",
                networkInterfaces: [{ network: args.vpc.network, subnetwork: args.vpc.subnetwork }],
              }
            : undefined,
          volumes: [
            {
              name: "gateway-code",
              gcs: { bucket: bucket.name, readOnly: true, mountOptions: [`only-dir=${digest}`] },
            },
          ],
          containers: [
            {
              name: "gateway",
              image: args.runtimeImage ?? DEFAULT_GATEWAY_RUNTIME_IMAGE,
              commands: ["node"],
              args: [`${CODE_MOUNT}/server.js`],
              ports: { containerPort: 8080 },
              envs: [
                { name: "VERTEX_PROJECT", value: project },
                { name: "VERTEX_LOCATION", value: args.vertexLocation },
                { name: "MODEL_ID", value: args.model },
                { name: "MAX_OUTPUT_LENGTH", value: String(plan.maxOutputTokens) },
                { name: "MAX_INPUT_CHARS", value: String(plan.maxInputChars) },
              ],
              resources: { cpuIdle: true, limits: { cpu: "1", memory: "512Mi" } },
              startupProbe: {
                httpGet: { path: "/healthz", port: 8080 },
                periodSeconds: 2,
                timeoutSeconds: 1,
                failureThreshold: 15,
              },
              livenessProbe: {
                httpGet: { path: "/healthz", port: 8080 },
                periodSeconds: 30,
                timeoutSeconds: 2,
                failureThreshold: 3,
              },
              volumeMounts: [{ name: "gateway-code", mountPath: CODE_MOUNT }],
            },
          ],
        },
      },
      { ...parent, dependsOn: [...objects, reader, predict] },
    );

    plan.invokers.forEach((member, i) => {
      new gcp.cloudrunv2.ServiceIamMember(
        `${name}-invoker-${i}`,
        { project, location: args.location, name: this.service.name, role: "roles/run.invoker", member },
        parent,
      );
    });

    this.uri = this.service.uri;
    this.serviceAccountEmail = account.email;
    this.registerOutputs({ uri: this.uri, serviceAccountEmail: this.serviceAccountEmail });
  }
}
