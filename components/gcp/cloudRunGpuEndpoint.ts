import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
  type CloudRunGpuEndpointArgs,
  type CloudRunGpuEndpointPlan,
  validateCloudRunGpuEndpointArgs,
} from "./cloudRunGpuEndpointArgs.js";
import { createWarmSchedule } from "./cloudRunWarmSchedule.js";

export type { CloudRunGpuEndpointArgs } from "./cloudRunGpuEndpointArgs.js";
export { validateCloudRunGpuEndpointArgs } from "./cloudRunGpuEndpointArgs.js";

/**
 * A model server on a Cloud Run v2 service with one GPU per instance that scales to zero.
 *
 * Secure by default: internal ingress, invoker IAM limited to the named `invokers` (never
 * `allUsers`), a dedicated service account with read access to the one model bucket and the
 * named secrets only, secrets from Secret Manager. Always bounded: `maxInstances` is required.
 * GPU rules: CPU always allocated (instance-based billing), the GPU's CPU and memory minimums,
 * a startup probe sized to the model-load budget within Cloud Run's probe limits.
 */
export class CloudRunGpuEndpoint extends pulumi.ComponentResource {
  /** The Cloud Run service. */
  readonly service: gcp.cloudrunv2.Service;
  /** HTTPS URL of the service (reachable only through the chosen ingress). */
  readonly uri: pulumi.Output<string>;
  /** Service name. */
  readonly serviceName: pulumi.Output<string>;
  /** Email of the identity the instances run as. */
  readonly serviceAccountEmail: pulumi.Output<string>;

  constructor(name: string, args: CloudRunGpuEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const plan = validateCloudRunGpuEndpointArgs(name, args);
    super("inferplane:index:CloudRunGpuEndpoint", name, {}, opts);
    const parent = { parent: this };
    const project = args.project ?? gcp.organizations.getClientConfigOutput(parent).project;

    let runtimeAccountId: pulumi.Input<string> | undefined;
    let email: pulumi.Input<string>;
    let member: pulumi.Input<string>;
    if (args.serviceAccountEmail) {
      email = args.serviceAccountEmail;
      member = pulumi.interpolate`serviceAccount:${args.serviceAccountEmail}`;
      runtimeAccountId = pulumi.interpolate`projects/${project}/serviceAccounts/${args.serviceAccountEmail}`;
    } else {
      const account = new gcp.serviceaccount.Account(
        `${name}-sa`,
        { project, accountId: `${name}-run`.slice(0, 30), displayName: `Cloud Run GPU endpoint ${name}` },
        parent,
      );
      email = account.email;
      member = account.member;
      runtimeAccountId = account.name;
    }

    const grants: pulumi.Resource[] = [];
    if (args.modelBucket) {
      grants.push(
        new gcp.storage.BucketIAMMember(
          `${name}-weights-reader`,
          { bucket: args.modelBucket.bucket, role: "roles/storage.objectViewer", member },
          parent,
        ),
      );
    }
    for (const s of args.secretEnv ?? []) {
      grants.push(
        new gcp.secretmanager.SecretIamMember(
          `${name}-secret-${s.name.toLowerCase().replace(/_/g, "-")}`,
          { project, secretId: s.secret, role: "roles/secretmanager.secretAccessor", member },
          parent,
        ),
      );
    }

    this.service = new gcp.cloudrunv2.Service(
      `${name}-svc`,
      {
        project,
        location: args.location,
        ingress: plan.ingress,
        invokerIamDisabled: args.disableInvokerIam === true,
        deletionProtection: args.deletionProtection ?? true,
        launchStage: args.launchStage,
        labels: { "inferplane-component": "cloud-run-gpu-endpoint", ...args.labels },
        template: template(args, plan, email),
      },
      {
        ...parent,
        dependsOn: grants,
        // The warm schedule owns the service-level floor; do not reset it on every update.
        ignoreChanges: args.warmSchedule ? ["scaling.minInstanceCount"] : [],
      },
    );

    plan.invokers.forEach((invoker, i) => {
      new gcp.cloudrunv2.ServiceIamMember(
        `${name}-invoker-${i}`,
        {
          project,
          location: args.location,
          name: this.service.name,
          role: "roles/run.invoker",
          member: invoker,
        },
        parent,
      );
    });

    if (args.warmSchedule) {
      createWarmSchedule(
        {
          name,
          project,
          location: args.location,
          service: this.service,
          runtimeServiceAccountId: runtimeAccountId,
        },
        args.warmSchedule,
        this,
      );
    }

    this.uri = this.service.uri;
    this.serviceName = this.service.name;
    this.serviceAccountEmail = pulumi.output(email);
    this.registerOutputs({
      uri: this.uri,
      serviceName: this.serviceName,
      serviceAccountEmail: this.serviceAccountEmail,
    });
  }
}

function template(
  args: CloudRunGpuEndpointArgs,
  plan: CloudRunGpuEndpointPlan,
  email: pulumi.Input<string>,
): gcp.types.input.cloudrunv2.ServiceTemplate {
  const mountPath = args.modelBucket?.mountPath ?? "/models";
  const envs: gcp.types.input.cloudrunv2.ServiceTemplateContainerEnv[] = [
    ...Object.entries(args.env ?? {}).map(([key, value]) => ({ name: key, value })),
    ...(args.secretEnv ?? []).map((s) => ({
      name: s.name,
      valueSource: { secretKeyRef: { secret: s.secret, version: s.version ?? "latest" } },
    })),
  ];
  const health = { path: plan.healthPath, port: plan.containerPort };
  return {
    serviceAccount: email,
    executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
    encryptionKey: args.kmsKeyName,
    gpuZonalRedundancyDisabled: !args.gpuZonalRedundancy,
    nodeSelector: { accelerator: plan.shape.accelerator },
    scaling: { minInstanceCount: plan.minInstances, maxInstanceCount: plan.maxInstances },
    maxInstanceRequestConcurrency: plan.maxConcurrency,
    timeout: `${plan.requestTimeoutSeconds}s`,
    vpcAccess: args.vpc
      ? {
          egress: args.vpc.egress ?? "PRIVATE_RANGES_ONLY",
          networkInterfaces: [{ network: args.vpc.network, subnetwork: args.vpc.subnetwork }],
        }
      : undefined,
    volumes: args.modelBucket
      ? [
          {
            name: "model-weights",
            gcs: {
              bucket: args.modelBucket.bucket,
              readOnly: true,
              mountOptions: args.modelBucket.mountOptions,
            },
          },
        ]
      : undefined,
    containers: [
      {
        name: "model-server",
        image: args.image,
        args: args.args,
        ports: { containerPort: plan.containerPort },
        envs,
        resources: {
          // GPU services need instance-based billing: CPU stays allocated outside requests.
          cpuIdle: false,
          startupCpuBoost: true,
          limits: {
            cpu: String(plan.cpu),
            memory: `${plan.memoryGiB}Gi`,
            "nvidia.com/gpu": "1",
          },
        },
        startupProbe: { ...plan.probe, httpGet: health },
        livenessProbe: { periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 3, httpGet: health },
        volumeMounts: args.modelBucket ? [{ name: "model-weights", mountPath }] : undefined,
      },
    ],
  };
}
