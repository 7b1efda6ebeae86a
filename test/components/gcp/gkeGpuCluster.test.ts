import { describe, expect, it } from "vitest";
import { GkeGpuCluster, type GkeGpuClusterArgs } from "../../../components/gcp/gkeGpuCluster.js";
import { OFFLINE_CA_BASE64 } from "../../../engine/mocks/certificate.js";
import type { EngineRunResult, RecordedResource } from "../../../engine/types.js";
import { validateManifests } from "../../../manifests/validate.js";
import { all, byUrn, one, providerUrn, runOffline } from "../../harness.js";

const CLUSTER = "gcp:container/cluster:Cluster";
const POOL = "gcp:container/nodePool:NodePool";

const baseArgs = (): GkeGpuClusterArgs => ({
  region: "us-central1",
  zones: ["us-central1-a", "us-central1-b", "us-central1-c"],
  gpuPools: [{ name: "l4", gpuType: "L4", maxNodes: 6 }],
});

async function render(args: GkeGpuClusterArgs = baseArgs()): Promise<EngineRunResult> {
  return runOffline({
    config: { "gcp:project": "acme-ml" },
    program: () => {
      const c = new GkeGpuCluster("gpu", args);
      return { kubeconfig: c.kubeconfig, endpoint: c.endpoint };
    },
  });
}

type Inputs = Record<string, unknown>;
const nodeConfig = (r: RecordedResource) => r.inputs.nodeConfig as Inputs;
const taints = (r: RecordedResource) =>
  (nodeConfig(r).taints ?? []) as { key: string; value: string; effect: string }[];
const gpuPools = (run: EngineRunResult) =>
  all(run.resources, POOL).filter((p) => nodeConfig(p).guestAccelerators);

describe("GkeGpuCluster", () => {
  it("renders a private cluster with KMS secrets, Workload Identity and shielded nodes", async () => {
    const run = await render();
    const cluster = one(run.resources, CLUSTER).inputs;
    expect(cluster.privateClusterConfig).toMatchObject({
      enablePrivateNodes: true,
      enablePrivateEndpoint: true,
    });
    const cidrs = (cluster.masterAuthorizedNetworksConfig as { cidrBlocks: { cidrBlock: string }[] })
      .cidrBlocks;
    expect(cidrs.map((c) => c.cidrBlock)).toEqual(["10.0.0.0/20"]);
    expect(cluster.databaseEncryption).toMatchObject({ state: "ENCRYPTED" });
    expect((cluster.databaseEncryption as Inputs).keyName).toMatch(
      /^projects\/acme-ml\/locations\/us-central1\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/,
    );
    expect(cluster.workloadIdentityConfig).toEqual({ workloadPool: "acme-ml.svc.id.goog" });
    expect(cluster).toMatchObject({
      enableShieldedNodes: true,
      enableLegacyAbac: false,
      removeDefaultNodePool: true,
      datapathProvider: "ADVANCED_DATAPATH",
      networkingMode: "VPC_NATIVE",
      releaseChannel: { channel: "REGULAR" },
      maintenancePolicy: { dailyMaintenanceWindow: { startTime: "03:00" } },
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      loggingService: "logging.googleapis.com/kubernetes",
      monitoringService: "monitoring.googleapis.com/kubernetes",
      addonsConfig: { gcsFuseCsiDriverConfig: { enabled: true } },
      deletionProtection: true,
      location: "us-central1",
      nodeLocations: ["us-central1-a", "us-central1-b", "us-central1-c"],
    });
    expect((cluster.monitoringConfig as { enableComponents: string[] }).enableComponents).toContain("DCGM");
    expect(nodeConfig(one(run.resources, CLUSTER))).toMatchObject({
      workloadMetadataConfig: { mode: "GKE_METADATA" },
    });
  });

  it("lets only the GKE service agent use the secrets key, and creates the cluster after the grant", async () => {
    const run = await render();
    const grant = one(run.resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    expect(grant.inputs.role).toBe("roles/cloudkms.cryptoKeyEncrypterDecrypter");
    expect(grant.inputs.member).toMatch(
      /^serviceAccount:service-\d+@container-engine-robot\.iam\.gserviceaccount\.com$/,
    );
    expect(one(run.resources, CLUSTER).dependencies).toContain(grant.urn);
    expect(one(run.resources, "gcp:kms/cryptoKey:CryptoKey").inputs.rotationPeriod).toBe("7776000s");
  });

  it("runs every pool under a dedicated least-privilege service account with the GKE metadata server", async () => {
    const run = await render();
    const account = one(run.resources, "gcp:serviceaccount/account:Account");
    const email = account.state.email as string;
    expect(email).toMatch(/@acme-ml\.iam\.gserviceaccount\.com$/);
    expect(account.inputs.accountId).toMatch(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/);
    const roles = all(run.resources, "gcp:projects/iAMMember:IAMMember").map((m) => m.inputs.role);
    expect(roles.sort()).toEqual([
      "roles/artifactregistry.reader",
      "roles/container.defaultNodeServiceAccount",
    ]);
    const pools = all(run.resources, POOL);
    expect(pools.map((p) => p.inputs.name).sort()).toEqual(["l4-od", "l4-spot", "system"]);
    for (const pool of pools) {
      expect(nodeConfig(pool)).toMatchObject({
        serviceAccount: email,
        workloadMetadataConfig: { mode: "GKE_METADATA" },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        imageType: "COS_CONTAINERD",
        gcfsConfig: { enabled: true },
        metadata: { "disable-legacy-endpoints": "true" },
      });
      expect(pool.inputs.management).toEqual({ autoRepair: true, autoUpgrade: true });
    }
  });

  it("pairs every Spot GPU pool with an on-demand pool of the same shape, tainted and scaling from zero", async () => {
    const run = await render();
    const pools = gpuPools(run);
    const spot = pools.filter((p) => nodeConfig(p).spot === true);
    const onDemand = pools.filter((p) => nodeConfig(p).spot === false);
    expect(spot).toHaveLength(1);
    for (const s of spot) {
      const twin = onDemand.find(
        (o) =>
          nodeConfig(o).machineType === nodeConfig(s).machineType &&
          JSON.stringify(nodeConfig(o).guestAccelerators) === JSON.stringify(nodeConfig(s).guestAccelerators),
      );
      expect(twin, "on-demand fallback of the Spot pool").toBeDefined();
      expect(taints(s)).toContainEqual({
        key: "cloud.google.com/gke-spot",
        value: "true",
        effect: "NO_SCHEDULE",
      });
      expect(taints(twin as RecordedResource).map((t) => t.key)).not.toContain("cloud.google.com/gke-spot");
    }
    for (const p of pools) {
      expect(taints(p)).toContainEqual({ key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" });
      expect(nodeConfig(p)).toMatchObject({
        machineType: "g2-standard-4",
        guestAccelerators: [
          { type: "nvidia-l4", count: 1, gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" } },
        ],
      });
      expect(p.inputs.autoscaling).toMatchObject({ totalMinNodeCount: 0, totalMaxNodeCount: 6 });
      expect((p.inputs.nodeLocations as string[]).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("parents every child to the component and builds the provider from an exec kubeconfig", async () => {
    const run = await render();
    const component = one(run.resources, "inferplane:index:GkeGpuCluster");
    expect(byUrn(run.resources, component.parent).type).toBe("pulumi:pulumi:Stack");
    for (const r of run.resources.filter((x) => x.urn !== component.urn && x.parent !== undefined)) {
      if (r.type === "pulumi:pulumi:Stack") continue;
      expect(r.parent, `${r.type} ${r.name}`).toBe(component.urn);
    }
    const provider = one(run.resources, "pulumi:providers:kubernetes");
    expect(provider.dependencies).toContain(one(run.resources, POOL, "gpu-system").urn);

    const cluster = one(run.resources, CLUSTER);
    const kubeconfig = JSON.parse(String(run.outputs.kubeconfig));
    expect(kubeconfig.clusters[0].cluster.server).toBe(`https://${String(cluster.state.endpoint)}`);
    expect(kubeconfig.clusters[0].cluster["certificate-authority-data"]).toBe(OFFLINE_CA_BASE64);
    expect(kubeconfig.users[0].user.exec).toMatchObject({
      command: "gke-gcloud-auth-plugin",
      provideClusterInfo: true,
      apiVersion: "client.authentication.k8s.io/v1beta1",
    });
    expect(JSON.stringify(kubeconfig.users[0].user)).not.toMatch(/token|client-key|password/);
    expect(provider.inputs.kubeconfig).toBe(run.outputs.kubeconfig);
    expect(component.outputs).toMatchObject({ cloud: "gke", gpuNodePoolNames: ["l4-spot", "l4-od"] });
  });

  it("creates a VPC-native subnet with Private Google Access, flow logs and Cloud NAT", async () => {
    const run = await render();
    const subnet = one(run.resources, "gcp:compute/subnetwork:Subnetwork").inputs;
    expect(subnet).toMatchObject({ privateIpGoogleAccess: true, ipCidrRange: "10.0.0.0/20" });
    expect(subnet.logConfig).toBeDefined();
    expect((subnet.secondaryIpRanges as { rangeName: string }[]).map((r) => r.rangeName)).toEqual([
      "pods",
      "services",
    ]);
    expect(one(run.resources, "gcp:compute/routerNat:RouterNat").inputs.natIpAllocateOption).toBe(
      "AUTO_ONLY",
    );
  });

  it("keeps a public endpoint restricted to the authorized networks when asked for one", async () => {
    const run = await render({ ...baseArgs(), publicEndpoint: true, authorizedNetworks: ["203.0.113.0/24"] });
    const cluster = one(run.resources, CLUSTER).inputs;
    expect(cluster.privateClusterConfig).toMatchObject({
      enablePrivateNodes: true,
      enablePrivateEndpoint: false,
    });
    expect(cluster.masterAuthorizedNetworksConfig).toMatchObject({
      cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }],
      gcpPublicCidrsAccessEnabled: false,
    });
  });

  it("renders reservation, queued-provisioning pools and a ComputeClass priority list through its provider", async () => {
    const run = await render({
      ...baseArgs(),
      computeClasses: true,
      gpuPools: [
        {
          name: "h100",
          gpuType: "H100-80GB",
          gpusPerNode: 8,
          reservationName: "h100-res",
          queuedProvisioning: true,
        },
      ],
    });
    const names = gpuPools(run).map((p) => p.inputs.name);
    expect(names.sort()).toEqual(["h100-dws", "h100-od", "h100-res", "h100-spot"]);
    const res = one(run.resources, POOL, "gpu-h100-res");
    expect(nodeConfig(res).reservationAffinity).toEqual({
      consumeReservationType: "SPECIFIC_RESERVATION",
      key: "compute.googleapis.com/reservation-name",
      values: ["h100-res"],
    });
    const dws = one(run.resources, POOL, "gpu-h100-dws");
    expect(dws.inputs.queuedProvisioning).toEqual({ enabled: true });
    expect(nodeConfig(dws).machineType).toBe("a3-highgpu-8g");

    const cc = one(run.resources, "kubernetes:cloud.google.com/v1:ComputeClass");
    expect((cc.inputs.spec as { priorities: unknown[] }).priorities).toEqual([
      { nodepools: ["h100-res"] },
      { nodepools: ["h100-spot"] },
      { nodepools: ["h100-od"] },
      { nodepools: ["h100-dws"] },
    ]);
    expect(providerUrn(cc.provider)).toBe(one(run.resources, "pulumi:providers:kubernetes").urn);
    for (const p of gpuPools(run)) {
      expect(taints(p)).toContainEqual({
        key: "cloud.google.com/compute-class",
        value: "h100-gpu",
        effect: "NO_SCHEDULE",
      });
      expect(nodeConfig(p).labels).toMatchObject({ "cloud.google.com/compute-class": "h100-gpu" });
    }
    const report = await validateManifests(run.resources);
    expect(report.errors).toEqual([]);
  });

  it("turns Secure Boot off only for pools whose driver the GPU operator builds", async () => {
    const run = await render({
      ...baseArgs(),
      gpuPools: [
        { name: "l4", gpuType: "L4" },
        { name: "t4", gpuType: "nvidia-tesla-t4", gpuDriverVersion: "INSTALLATION_DISABLED" },
      ],
    });
    for (const p of gpuPools(run)) {
      const operatorDriver = String(p.inputs.name).startsWith("t4");
      expect(nodeConfig(p).shieldedInstanceConfig).toEqual({
        enableSecureBoot: !operatorDriver,
        enableIntegrityMonitoring: true,
      });
      expect(Boolean((nodeConfig(p).labels as Inputs)["gke-no-default-nvidia-gpu-device-plugin"])).toBe(
        operatorDriver,
      );
    }
  });

  it("uses an existing network without creating one", async () => {
    const run = await render({
      ...baseArgs(),
      network: "shared-vpc",
      subnetwork: "gpu-subnet",
      authorizedNetworks: ["10.8.0.0/16"],
    });
    expect(all(run.resources, "gcp:compute/network:Network")).toHaveLength(0);
    expect(one(run.resources, CLUSTER).inputs).toMatchObject({
      network: "shared-vpc",
      subnetwork: "gpu-subnet",
    });
  });
});
