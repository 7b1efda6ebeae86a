/**
 * inferplane's public API. Components, the placement policy and the guard pack are exported
 * here as they land; the offline engine is public so that your own tests can run programs the
 * way `inferplane preview` does.
 */

export { type PlanOptions, type PlanResult, plan } from "./cli/commands/plan.js";
export { type PreviewOptions, preview } from "./cli/commands/preview.js";
export type { PreviewReport, PreviewResource, Violation } from "./cli/report.js";
export { InputError } from "./common/inputError.js";
export {
  BedrockModelGateway,
  type BedrockModelGatewayArgs,
  type GatewayVpcArgs,
  validateBedrockModelGatewayArgs,
} from "./components/aws/bedrockModelGateway.js";
export {
  EksGpuCluster,
  type EksGpuClusterArgs,
  type EksGpuNodeGroupArgs,
  validateEksGpuClusterArgs,
} from "./components/aws/eksGpuCluster.js";
export {
  SageMakerEndpoint,
  type SageMakerEndpointArgs,
  type SageMakerVpcArgs,
  validateSageMakerEndpointArgs,
} from "./components/aws/sageMakerEndpoint.js";
export {
  CloudRunGpuEndpoint,
  type CloudRunGpuEndpointArgs,
  validateCloudRunGpuEndpointArgs,
} from "./components/gcp/cloudRunGpuEndpoint.js";
export type {
  CloudRunModelBucketArgs,
  CloudRunSecretEnvArgs,
  CloudRunVpcArgs,
  CloudRunWarmScheduleArgs,
} from "./components/gcp/cloudRunGpuEndpointArgs.js";
export {
  GkeGpuCluster,
  type GkeGpuClusterArgs,
  type GkeGpuPoolArgs,
  validateGkeGpuClusterArgs,
} from "./components/gcp/gkeGpuCluster.js";
export {
  VertexModelGateway,
  type VertexModelGatewayArgs,
  validateVertexModelGatewayArgs,
} from "./components/gcp/vertexModelGateway.js";
export { LeaderWorkerSetController } from "./components/k8s/leaderWorkerSetController.js";
export type { LeaderWorkerSetControllerArgs } from "./components/k8s/leaderWorkerSetControllerArgs.js";
export { LlmInferenceService } from "./components/k8s/llmInferenceService.js";
export type { LlmInferenceServiceArgs } from "./components/k8s/llmInferenceServiceArgs.js";
export { NvidiaGpuStack } from "./components/k8s/nvidiaGpuStack.js";
export type { NvidiaGpuStackArgs } from "./components/k8s/nvidiaGpuStackArgs.js";
export { LlmPlatform, type PublishedDecision, publishedDecision } from "./components/platform/llmPlatform.js";
export type { LlmPlatformArgs } from "./components/platform/llmPlatformArgs.js";
export { validateLlmPlatformArgs } from "./components/platform/validate.js";
export type {
  WorkloadConstraintsArgs,
  WorkloadKubernetesArgs,
  WorkloadModelArgs,
  WorkloadOverrideArgs,
  WorkloadPricingArgs,
  WorkloadProfileArgs,
  WorkloadSloArgs,
  WorkloadTeamArgs,
  WorkloadTrafficArgs,
} from "./components/platform/workloadArgs.js";
export { type OfflineProgram, type OfflineRunOptions, ProgramError, runOffline } from "./engine/run.js";
export type { EngineRunResult, RecordedResource } from "./engine/types.js";
export type { ManifestReport, ValidationError } from "./manifests/types.js";
export { validateManifests } from "./manifests/validate.js";
export {
  type GuardSettings,
  loadGuardSettings,
  type RuleSettings,
  resolveGuardSettings,
} from "./policies/guard/config.js";
export type { GuardMeta, GuardResourceRule, GuardRule, GuardStackRule } from "./policies/guard/rule.js";
export { guardRules } from "./policies/guard/rules.js";
export {
  evaluateGuard,
  GUARD_CHECK,
  type GuardRunOptions,
  type GuardViolation,
} from "./policies/guard/runner.js";
export type { BreakEven, BreakEvenSide } from "./policies/placement/breakEven.js";
export { decidePlacement, type PlacementDecision } from "./policies/placement/decide.js";
export { loadStackWorkload, loadWorkloadFile, WORKLOAD_CONFIG_KEY } from "./policies/placement/load.js";
export type { LatencyDetail, PlacementOption } from "./policies/placement/options/types.js";
export {
  PLATFORMS,
  type Platform,
  type WorkloadProfile,
  type WorkloadProfileInput,
  WorkloadProfileSchema,
} from "./policies/placement/profile.js";
export type { Sizing } from "./policies/placement/sizing.js";
export type { SimulatedOption, SimulationReport } from "./policies/simulation/report.js";
export { type SimulateInput, simulateProfile } from "./policies/simulation/run.js";
export { type OpenedTrace, openTrace, type TraceSpec } from "./policies/simulation/trace/open.js";
export type { TraceBatch, TraceFormat } from "./policies/simulation/trace/types.js";
export { type TraceTraffic, trafficFromTrace } from "./policies/simulation/traffic.js";
