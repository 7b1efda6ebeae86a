import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { CloudRunWarmScheduleArgs } from "./cloudRunGpuEndpointArgs.js";

/** What the warm schedule acts on. */
export interface WarmScheduleTarget {
  name: string;
  project: pulumi.Input<string>;
  location: pulumi.Input<string>;
  service: gcp.cloudrunv2.Service;
  runtimeServiceAccountId: pulumi.Input<string> | undefined;
}

/**
 * Two Cloud Scheduler jobs that raise the service-level `scaling.minInstanceCount` to the warm
 * floor at `startCron` and back to 0 at `endCron`, through the Cloud Run Admin API (v2
 * `services.patch` with an update mask). The jobs run as a dedicated service account that holds
 * `roles/run.developer` on this one service only. The service ignores drift on that field so a
 * later `pulumi up` does not fight the schedule.
 */
export function createWarmSchedule(
  target: WarmScheduleTarget,
  schedule: CloudRunWarmScheduleArgs,
  parent: pulumi.Resource,
): gcp.cloudscheduler.Job[] {
  const { name } = target;
  const account = new gcp.serviceaccount.Account(
    `${name}-warm`,
    {
      project: target.project,
      accountId: `${name}-warm`.slice(0, 30),
      displayName: `Warm schedule of Cloud Run service ${name}`,
    },
    { parent },
  );
  const developer = new gcp.cloudrunv2.ServiceIamMember(
    `${name}-warm-developer`,
    {
      project: target.project,
      location: target.location,
      name: target.service.name,
      role: "roles/run.developer",
      member: account.member,
    },
    { parent },
  );
  const deps: pulumi.Resource[] = [developer];
  if (target.runtimeServiceAccountId) {
    // Updating a service is checked against actAs on the identity its revisions run as.
    deps.push(
      new gcp.serviceaccount.IAMMember(
        `${name}-warm-act-as`,
        {
          serviceAccountId: target.runtimeServiceAccountId,
          role: "roles/iam.serviceAccountUser",
          member: account.member,
        },
        { parent },
      ),
    );
  }
  const uri = pulumi.interpolate`https://run.googleapis.com/v2/projects/${target.project}/locations/${target.location}/services/${target.service.name}?updateMask=scaling.minInstanceCount`;
  const job = (suffix: string, cron: string, floor: number) =>
    new gcp.cloudscheduler.Job(
      `${name}-${suffix}`,
      {
        project: target.project,
        region: target.location,
        schedule: cron,
        timeZone: schedule.timeZone ?? "Etc/UTC",
        description: `Set the warm floor of ${name} to ${floor}`,
        attemptDeadline: "60s",
        retryConfig: { retryCount: 3 },
        httpTarget: {
          uri,
          httpMethod: "PATCH",
          headers: { "Content-Type": "application/json" },
          body: Buffer.from(JSON.stringify({ scaling: { minInstanceCount: floor } })).toString("base64"),
          oauthToken: {
            serviceAccountEmail: account.email,
            scope: "https://www.googleapis.com/auth/cloud-platform",
          },
        },
      },
      { parent, dependsOn: deps },
    );
  return [job("warm-start", schedule.startCron, schedule.minInstances), job("warm-end", schedule.endCron, 0)];
}
