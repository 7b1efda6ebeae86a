/**
 * The inferplane program: one stack per environment (`stacks/Pulumi.<stack>.yaml`).
 *
 * Each stack's `inferplane:workload` profile decides the platform (docs/placement.md); LlmPlatform
 * composes what was decided (a managed-API gateway, a serverless GPU endpoint, a GKE or EKS GPU
 * cluster with the inference layer, or a hybrid behind one router) with the secure defaults of
 * every component. `inferplane plan --stack X` shows the same decision without the resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { isInputError } from "../common/inputError.js";
import { LlmPlatform } from "../components/platform/llmPlatform.js";
import type { PlacementDecision } from "../policies/placement/decide.js";
import { loadStackConfig, stackFile } from "./config.js";

const config = loadStackConfig();

function platform(): LlmPlatform {
  try {
    return new LlmPlatform("llm", {
      workload: config.workload,
      workloadFile: stackFile(),
      workloadPath: `config.${pulumi.getProject()}:workload`,
      image: config.service.image,
      ...(config.service.model ? { modelId: config.service.model } : {}),
      ...(config.service.routerImage ? { routerImage: config.service.routerImage } : {}),
      ...(config.service.overflowQueueDepth ? { overflowQueueDepth: config.service.overflowQueueDepth } : {}),
      ...(config.service.maxInstances ? { maxServerlessInstances: config.service.maxInstances } : {}),
      ...(config.service.managedModelId ? { managedModelId: config.service.managedModelId } : {}),
      ...(config.service.hfTokenSecretName ? { hfTokenSecretName: config.service.hfTokenSecretName } : {}),
      allowedClientNamespaces: config.service.allowedClientNamespaces,
      namespace: config.namespace,
      ...(config.gcp.zones ? { gcpZones: config.gcp.zones } : {}),
      gcpInvokers: config.gcp.invokers,
      awsInvokerPrincipals: config.aws.invokerPrincipals,
      ...(config.aws.subnetIds ? { awsSubnetIds: config.aws.subnetIds } : {}),
      ...(config.aws.securityGroupIds ? { awsSecurityGroupIds: config.aws.securityGroupIds } : {}),
    });
  } catch (error) {
    // A profile with no feasible option or a missing setting is bad config: the Pulumi CLI prints a
    // RunError without a stack trace, and the offline engine maps it to exit 2.
    if (isInputError(error)) throw new pulumi.RunError(error.message);
    throw error;
  }
}

const llm = platform();

/** The placement decision (what `inferplane plan --stack <this stack> --json` prints). */
export const decision = JSON.parse(llm.decisionJson) as PlacementDecision;
/** The one entry point clients call. */
export const endpoint = llm.endpoint;
export const deployedPlatform = llm.platform;
export const deployedCloud = llm.cloud;
export const monthlyCostUsd = llm.monthlyCostUsd;
