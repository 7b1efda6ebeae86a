/**
 * Every rule of the guard pack, in checklist order. The pack (`index.ts`) and the in-process
 * runner (`runner.ts`) both use this list: the same objects, the same enforcement levels.
 */
import type { GuardRule } from "./rule.js";
import { eks01PrivateEndpoint } from "./rules/eks01PrivateEndpoint.js";
import { eks02SecretsKms } from "./rules/eks02SecretsKms.js";
import { eks03Imdsv2 } from "./rules/eks03Imdsv2.js";
import { eks04WorkloadIdentity } from "./rules/eks04WorkloadIdentity.js";
import { eks05AuditLogs } from "./rules/eks05AuditLogs.js";
import { eks06NoPublicNodes } from "./rules/eks06NoPublicNodes.js";
import { eks07AccessApi } from "./rules/eks07AccessApi.js";
import { gke01PrivateControlPlane } from "./rules/gke01PrivateControlPlane.js";
import { gke02SecretsCmek } from "./rules/gke02SecretsCmek.js";
import { gke03WorkloadIdentity } from "./rules/gke03WorkloadIdentity.js";
import { gke04NodeSaRoles } from "./rules/gke04NodeSaRoles.js";
import { gke04NodeServiceAccount } from "./rules/gke04NodeServiceAccount.js";
import { gke05LegacyAuth } from "./rules/gke05LegacyAuth.js";
import { gke06ShieldedNodes } from "./rules/gke06ShieldedNodes.js";
import { gke07NetworkPolicy } from "./rules/gke07NetworkPolicy.js";
import { gpu01GpuResources } from "./rules/gpu01GpuResources.js";
import { gpu02SharedMemory } from "./rules/gpu02SharedMemory.js";
import { gpu03ModelProbes } from "./rules/gpu03ModelProbes.js";
import { gpu04ReadOnlyRoot } from "./rules/gpu04ReadOnlyRoot.js";
import { gw01AuthenticatedGateway } from "./rules/gw01AuthenticatedGateway.js";
import { k8s01HelmNamespaces } from "./rules/k8s01HelmNamespaces.js";
import { k8s01PodSecurityLabels } from "./rules/k8s01PodSecurityLabels.js";
import { k8s02PodHardening } from "./rules/k8s02PodHardening.js";
import { k8s03NonRoot } from "./rules/k8s03NonRoot.js";
import { k8s04SecretsAndToken } from "./rules/k8s04SecretsAndToken.js";
import { k8s05ImageDigest } from "./rules/k8s05ImageDigest.js";
import { lws01GroupRestart } from "./rules/lws01GroupRestart.js";
import { lws02RolloutCapacity } from "./rules/lws02RolloutCapacity.js";
import { node01GpuPoolLifecycle } from "./rules/node01GpuPoolLifecycle.js";
import { plat01MatchesDecision } from "./rules/plat01MatchesDecision.js";
import { plat02CostFitsBudget } from "./rules/plat02CostFitsBudget.js";
import { rel01PdbAllowsDisruption } from "./rules/rel01PdbAllowsDisruption.js";
import { rel02PdbCoverage } from "./rules/rel02PdbCoverage.js";
import { rel03ZoneSpread } from "./rules/rel03ZoneSpread.js";
import { run01NoPublicInvoker } from "./rules/run01NoPublicInvoker.js";
import { run02InternalIngress } from "./rules/run02InternalIngress.js";
import { run03ServiceIdentity } from "./rules/run03ServiceIdentity.js";
import { run04GpuSizing } from "./rules/run04GpuSizing.js";
import { sm01IsolationEncryption } from "./rules/sm01IsolationEncryption.js";
import { sm02CapacityTier } from "./rules/sm02CapacityTier.js";
import { spot01Fallback } from "./rules/spot01Fallback.js";
import { spot02InterruptionOnce } from "./rules/spot02InterruptionOnce.js";
import { spot03GracefulTermination } from "./rules/spot03GracefulTermination.js";

/** The rules, ordered by checklist id. */
export const guardRules: readonly GuardRule[] = [
  eks01PrivateEndpoint,
  eks02SecretsKms,
  eks03Imdsv2,
  eks04WorkloadIdentity,
  eks05AuditLogs,
  eks06NoPublicNodes,
  eks07AccessApi,
  gke01PrivateControlPlane,
  gke02SecretsCmek,
  gke03WorkloadIdentity,
  gke04NodeSaRoles,
  gke04NodeServiceAccount,
  gke05LegacyAuth,
  gke06ShieldedNodes,
  gke07NetworkPolicy,
  gpu01GpuResources,
  gpu02SharedMemory,
  gpu03ModelProbes,
  gpu04ReadOnlyRoot,
  gw01AuthenticatedGateway,
  k8s01HelmNamespaces,
  k8s01PodSecurityLabels,
  k8s02PodHardening,
  k8s03NonRoot,
  k8s04SecretsAndToken,
  k8s05ImageDigest,
  lws01GroupRestart,
  lws02RolloutCapacity,
  node01GpuPoolLifecycle,
  plat01MatchesDecision,
  plat02CostFitsBudget,
  rel01PdbAllowsDisruption,
  rel02PdbCoverage,
  rel03ZoneSpread,
  run01NoPublicInvoker,
  run02InternalIngress,
  run03ServiceIdentity,
  run04GpuSizing,
  sm01IsolationEncryption,
  sm02CapacityTier,
  spot01Fallback,
  spot02InterruptionOnce,
  spot03GracefulTermination,
].sort((a, b) => a.guard.checklistId.localeCompare(b.guard.checklistId) || a.name.localeCompare(b.name));
