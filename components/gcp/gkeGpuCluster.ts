import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  GPU_TAINT,
  GPU_TYPE_LABEL,
  type NodeTaint,
  type NodeToleration,
  tolerationsFor,
} from "../shared/gpuNodes.js";
import { execKubeconfig } from "../shared/kubeconfig.js";
import type { GkeGpuClusterArgs } from "./gke/args.js";
import { createComputeClass } from "./gke/computeClass.js";
import { createNodeServiceAccount, createSecretsKey } from "./gke/identity.js";
import { createGkeNetwork } from "./gke/network.js";
import {
  createGpuPools,
  createSystemPool,
  GKE_SPOT_TAINT,
  type GpuNodePool,
  hardenedNodeConfig,
} from "./gke/nodePools.js";
import { type ResolvedGkeArgs, validateGkeGpuClusterArgs } from "./gke/validate.js";

export type { GkeGpuClusterArgs, GkeGpuPoolArgs } from "./gke/args.js";
export { validateGkeGpuClusterArgs } from "./gke/validate.js";

/**
 * A private, encrypted GKE Standard cluster for GPU inference: private nodes and endpoint,
 * Workload Identity with the GKE metadata server, Cloud KMS Secret encryption, shielded COS nodes
 * under a dedicated least-privilege service account, Dataplane V2, a release channel and a
 * maintenance window, a system pool, and per GPU shape an on-demand + Spot pool pair (explicit
 * `nvidia.com/gpu` taint, Spot taint, GKE-managed driver, autoscaling from zero, several zones),
 * with image streaming and the GCS FUSE CSI driver for fast model loads. Outputs a kubeconfig
 * that authenticates through `gke-gcloud-auth-plugin` and a Kubernetes provider built from it.
 * See docs/components/clusters.md.
 */
export class GkeGpuCluster extends pulumi.ComponentResource {
  /** Tells the NVIDIA stack where it runs. */
  readonly cloud: string = "gke";
  /** NvidiaGpuStack `environment`: GKE installs the driver and device plugin itself. */
  readonly nvidiaEnvironment: string = "gke";
  /** Node label whose value is the catalog GPU type (`L4`), for LlmInferenceService `gpuTypeNodeLabel`. */
  readonly gpuTypeNodeLabel: string = GPU_TYPE_LABEL;
  /** Tolerations for every GPU node taint, for NvidiaGpuStack `extraTolerations`. */
  readonly gpuNodeTolerations: NodeToleration[];
  /** Node image of the GPU pools (GKE installs the driver and device plugin on it). */
  readonly gpuNodeImage: string = "COS_CONTAINERD";
  /** Whether GKE installs the NVIDIA driver on every GPU pool (false if any pool disables it). */
  readonly gkeManagedGpuDriver: boolean;
  /** Every taint a GPU node can carry: GPU daemons (device plugin, DCGM) must tolerate them all. */
  readonly gpuTaints: NodeTaint[];
  /** The taint on Spot GPU nodes; workloads that accept preemption tolerate it. */
  readonly spotTaint: NodeTaint = GKE_SPOT_TAINT;
  /** Names of the GPU node pools, in fallback order per shape. */
  readonly gpuNodePoolNames: string[];
  /** ComputeClass names per GPU shape (empty unless `computeClasses`). */
  readonly computeClassNames: string[];
  /** Cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** Cluster location (region, or zone for a zonal cluster). */
  readonly location: string;
  /** API server address (the private endpoint unless `publicEndpoint`). */
  readonly endpoint: pulumi.Output<string>;
  /** Base64 PEM of the cluster CA. */
  readonly certificateAuthorityData: pulumi.Output<string>;
  /** Kubeconfig (JSON) with exec authentication through `gke-gcloud-auth-plugin`; holds no secret. */
  readonly kubeconfig: pulumi.Output<string>;
  /** Kubernetes provider for this cluster, for the Kubernetes GPU layer. */
  readonly provider: k8s.Provider;
  /** Workload Identity pool (`<project>.svc.id.goog`). */
  readonly workloadIdentityPool: pulumi.Output<string>;
  /** Email of the node service account. */
  readonly nodeServiceAccountEmail: pulumi.Output<string>;
  /** Cloud KMS key encrypting Secrets. */
  readonly secretsKmsKeyName: pulumi.Output<string>;
  /** The underlying cluster resource. */
  readonly cluster: gcp.container.Cluster;

  constructor(name: string, args: GkeGpuClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, the component included.
    const a = validateGkeGpuClusterArgs(args, gcp.config.region);
    super("inferplane:index:GkeGpuCluster", name, {}, opts);
    const projectInfo = gcp.organizations.getProjectOutput(args.project ? { projectId: args.project } : {}, {
      parent: this,
    });
    const project =
      args.project !== undefined
        ? pulumi.output(args.project)
        : projectInfo.apply((p) => String(p.projectId));
    const projectNumber = projectInfo.apply((p) => String(p.number));
    this.location = a.zonal ? (a.zones[0] as string) : a.region;

    const net =
      args.network !== undefined && args.subnetwork !== undefined
        ? { network: args.network, subnetwork: args.subnetwork, nodesCidr: undefined }
        : createGkeNetwork(name, project, a, this);
    const identity = createNodeServiceAccount(name, project, this);
    const secrets = createSecretsKey(name, project, projectNumber, a.region, args.kmsKeyName, this);
    const resourceLabels = { "managed-by": "inferplane", ...args.resourceLabels };

    this.workloadIdentityPool = pulumi.interpolate`${project}.svc.id.goog`;
    this.cluster = new gcp.container.Cluster(
      `${name}-cluster`,
      clusterArgs(a, {
        name: args.clusterName,
        project,
        location: this.location,
        network: net.network,
        subnetwork: net.subnetwork,
        authorizedNetworks: a.authorizedNetworks ?? (net.nodesCidr ? [net.nodesCidr] : []),
        workloadPool: this.workloadIdentityPool,
        secretsKey: secrets.keyName,
        resourceLabels,
        defaultPoolNodeConfig: hardenedNodeConfig(
          { serviceAccount: identity.email, bootDiskKmsKey: args.bootDiskKmsKey, resourceLabels },
          true,
        ),
      }),
      {
        parent: this,
        dependsOn: [...identity.grants, ...(secrets.grant ? [secrets.grant] : [])],
        // The default pool is removed at creation; its settings only exist to be secure meanwhile.
        ignoreChanges: ["nodeConfig", "initialNodeCount"],
      },
    );

    const ctx = {
      name,
      project,
      cluster: this.cluster,
      location: this.location,
      serviceAccount: identity.email,
      bootDiskKmsKey: args.bootDiskKmsKey,
      resourceLabels,
      parent: this,
      dependsOn: identity.grants,
    };
    const systemPool = createSystemPool(ctx, a);
    const classOf = (shape: string) => (a.computeClasses ? `${shape}-gpu` : undefined);
    const gpuPools: GpuNodePool[] = a.gpuPools.flatMap((p) => createGpuPools(ctx, p, classOf(p.name)));
    this.gpuNodePoolNames = gpuPools.map((p) => p.poolName);
    this.gkeManagedGpuDriver = a.gpuPools.every((p) => p.gpuDriverVersion !== "INSTALLATION_DISABLED");
    this.gpuTaints = [GPU_TAINT, GKE_SPOT_TAINT];
    this.gpuNodeTolerations = tolerationsFor(this.gpuTaints);

    this.clusterName = this.cluster.name;
    this.endpoint = this.cluster.endpoint;
    this.certificateAuthorityData = this.cluster.masterAuth.apply((m) => m.clusterCaCertificate ?? "");
    this.kubeconfig = execKubeconfig({
      contextName: pulumi.interpolate`gke_${project}_${this.location}_${this.cluster.name}`,
      server: pulumi.interpolate`https://${this.cluster.endpoint}`,
      certificateAuthorityData: this.certificateAuthorityData,
      exec: {
        command: "gke-gcloud-auth-plugin",
        args: [],
        installHint:
          "Install gke-gcloud-auth-plugin: `gcloud components install gke-gcloud-auth-plugin` " +
          "(https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin)",
        provideClusterInfo: true,
      },
    });
    // Objects applied before the system pool exists would sit Pending; wait for it.
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, enableServerSideApply: true },
      { parent: this, dependsOn: [systemPool] },
    );

    this.computeClassNames = [];
    if (a.computeClasses) {
      for (const shape of a.gpuPools) {
        const className = classOf(shape.name) as string;
        const pools = gpuPools.filter((p) => p.shape === shape.name);
        createComputeClass(name, className, pools, a.computeClassActiveMigration, this.provider, this);
        this.computeClassNames.push(className);
      }
    }
    this.nodeServiceAccountEmail = identity.email;
    this.secretsKmsKeyName = secrets.keyName;

    this.registerOutputs({
      cloud: this.cloud,
      nvidiaEnvironment: this.nvidiaEnvironment,
      clusterName: this.clusterName,
      location: this.location,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
      workloadIdentityPool: this.workloadIdentityPool,
      nodeServiceAccountEmail: this.nodeServiceAccountEmail,
      secretsKmsKeyName: this.secretsKmsKeyName,
      gpuNodePoolNames: this.gpuNodePoolNames,
      computeClassNames: this.computeClassNames,
      gpuTaints: this.gpuTaints,
    });
  }
}

interface ClusterWiring {
  name: string | undefined;
  project: pulumi.Input<string>;
  location: string;
  network: pulumi.Input<string>;
  subnetwork: pulumi.Input<string>;
  authorizedNetworks: pulumi.Input<string>[];
  workloadPool: pulumi.Input<string>;
  secretsKey: pulumi.Input<string>;
  resourceLabels: Record<string, string>;
  defaultPoolNodeConfig: gcp.types.input.container.ClusterNodeConfig;
}

/** The cluster's arguments: each line maps to a CIS GKE control (checklist §1.1). */
function clusterArgs(a: ResolvedGkeArgs, w: ClusterWiring): gcp.container.ClusterArgs {
  return {
    ...(w.name ? { name: w.name } : {}),
    project: w.project,
    location: w.location,
    nodeLocations: a.zonal ? a.zones.filter((z) => z !== w.location) : a.zones,
    // No default pool (CKV_GCP_123); the system and GPU pools are managed separately.
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    nodeConfig: w.defaultPoolNodeConfig,
    network: w.network,
    subnetwork: w.subnetwork,
    networkingMode: "VPC_NATIVE",
    ipAllocationPolicy: {
      clusterSecondaryRangeName: a.podsRangeName,
      servicesSecondaryRangeName: a.servicesRangeName,
    },
    privateClusterConfig: {
      enablePrivateNodes: true,
      enablePrivateEndpoint: !a.publicEndpoint,
      masterIpv4CidrBlock: a.masterIpv4CidrBlock,
    },
    masterAuthorizedNetworksConfig: {
      cidrBlocks: w.authorizedNetworks.map((cidrBlock) => ({
        cidrBlock,
        displayName: "inferplane-authorized",
      })),
      gcpPublicCidrsAccessEnabled: false,
    },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    enableLegacyAbac: false,
    enableKubernetesAlpha: false,
    enableShieldedNodes: true,
    workloadIdentityConfig: { workloadPool: w.workloadPool },
    databaseEncryption: { state: "ENCRYPTED", keyName: w.secretsKey },
    // Dataplane V2 enforces NetworkPolicy natively (GKE-07; `networkPolicy` must stay unset with it).
    datapathProvider: "ADVANCED_DATAPATH",
    releaseChannel: { channel: a.releaseChannel },
    maintenancePolicy: { dailyMaintenanceWindow: { startTime: a.maintenanceStartTime } },
    binaryAuthorization: {
      evaluationMode: a.binaryAuthorization ? "PROJECT_SINGLETON_POLICY_ENFORCE" : "DISABLED",
    },
    loggingService: "logging.googleapis.com/kubernetes",
    monitoringService: "monitoring.googleapis.com/kubernetes",
    loggingConfig: {
      enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"],
    },
    // DCGM: GKE-managed GPU metrics (anchors §2.3), which need managed Prometheus.
    monitoringConfig: {
      enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER", "DCGM"],
      managedPrometheus: { enabled: true },
    },
    addonsConfig: {
      gcsFuseCsiDriverConfig: { enabled: true },
      gcePersistentDiskCsiDriverConfig: { enabled: true },
      httpLoadBalancing: { disabled: false },
      horizontalPodAutoscaling: { disabled: false },
    },
    // Image streaming by default for every pool (fast start of multi-GB inference images).
    nodePoolDefaults: { nodeConfigDefaults: { gcfsConfig: { enabled: true } } },
    gatewayApiConfig: { channel: "CHANNEL_STANDARD" },
    deletionProtection: a.deletionProtection,
    resourceLabels: w.resourceLabels,
  };
}
