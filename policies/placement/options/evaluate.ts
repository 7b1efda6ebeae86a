import type { Platform } from "../profile.js";
import type { Workload } from "../workload.js";
import { hybridOption } from "./hybrid.js";
import { kubernetesOption } from "./kubernetes.js";
import { managedApiOption } from "./managedApi.js";
import { serverlessOptions } from "./serverlessGpu.js";
import type { PlacementOption } from "./types.js";

/**
 * Every option the profile allows, per allowed cloud, feasible or not. Platforms outside
 * `constraints.platforms` are left out entirely.
 */
export function evaluateOptions(workload: Workload): PlacementOption[] {
  const allowed = new Set<Platform>(workload.profile.constraints.platforms);
  const options: PlacementOption[] = [];
  for (const cloud of workload.clouds) {
    if (allowed.has("managed-api")) options.push(managedApiOption(workload, cloud));
    if (allowed.has("serverless-gpu")) options.push(...serverlessOptions(workload, cloud));
    if (allowed.has("kubernetes")) options.push(kubernetesOption(workload, cloud));
    if (allowed.has("hybrid")) options.push(hybridOption(workload, cloud));
  }
  return options;
}

/** Re-evaluates the option with `id` on another workload (e.g. at another volume). */
export function evaluateOptionById(workload: Workload, id: string): PlacementOption | undefined {
  const [platform, cloud] = id.split("/");
  if (cloud !== "gcp" && cloud !== "aws") return undefined;
  switch (platform) {
    case "managed-api":
      return managedApiOption(workload, cloud);
    case "serverless-gpu":
      return serverlessOptions(workload, cloud).find((o) => o.id === id);
    case "kubernetes":
      return kubernetesOption(workload, cloud);
    case "hybrid":
      return hybridOption(workload, cloud);
    default:
      return undefined;
  }
}
