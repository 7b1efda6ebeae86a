import { describe, expect, it } from "vitest";
import { EksGpuCluster, type EksGpuClusterArgs } from "../../../components/aws/eksGpuCluster.js";
import { OFFLINE_CA_BASE64 } from "../../../engine/mocks/certificate.js";
import type { EngineRunResult, RecordedResource } from "../../../engine/types.js";
import { all, byUrn, one, providerUrn, runOffline } from "../../harness.js";

const CLUSTER = "aws:eks/cluster:Cluster";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

const baseArgs = (): EksGpuClusterArgs => ({
  region: "us-east-1",
  gpuNodeGroups: [{ name: "l4", gpuType: "L4", maxSize: 6 }],
});

async function render(args: EksGpuClusterArgs = baseArgs()): Promise<EngineRunResult> {
  return runOffline({
    stack: "prod",
    config: { "aws:region": "us-east-1" },
    program: () => {
      const c = new EksGpuCluster("gpu", args);
      return { kubeconfig: c.kubeconfig };
    },
  });
}

type Inputs = Record<string, unknown>;
const gpuGroups = (run: EngineRunResult) =>
  all(run.resources, NODE_GROUP).filter((g) => String(g.inputs.amiType).endsWith("_NVIDIA"));
const taints = (g: RecordedResource) => (g.inputs.taints ?? []) as Inputs[];
/** The launch template a node group uses (matched by the mock id of the template). */
function templateOf(run: EngineRunResult, group: RecordedResource): RecordedResource {
  const id = (group.inputs.launchTemplate as Inputs).id;
  const found = all(run.resources, LAUNCH_TEMPLATE).find((t) => t.id === id);
  if (!found) throw new Error(`no launch template ${String(id)}`);
  return found;
}

describe("EksGpuCluster", () => {
  it("renders a private cluster with KMS secrets, all logs and access-entry authentication", async () => {
    const run = await render();
    const cluster = one(run.resources, CLUSTER).inputs;
    expect(cluster.vpcConfig).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: false });
    expect((cluster.vpcConfig as Inputs).publicAccessCidrs).toBeUndefined();
    expect((cluster.vpcConfig as { subnetIds: string[] }).subnetIds).toHaveLength(3);
    const key = one(run.resources, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(cluster.encryptionConfig).toEqual({ resources: ["secrets"], provider: { keyArn: key.state.arn } });
    expect((cluster.enabledClusterLogTypes as string[]).sort()).toEqual(
      ["api", "audit", "authenticator", "controllerManager", "scheduler"].sort(),
    );
    expect(cluster).toMatchObject({
      name: "gpu-prod",
      version: "1.33",
      accessConfig: { authenticationMode: "API" },
      bootstrapSelfManagedAddons: false,
      deletionProtection: true,
    });
    expect(one(run.resources, "aws:cloudwatch/logGroup:LogGroup").inputs).toMatchObject({
      name: "/aws/eks/gpu-prod/cluster",
      retentionInDays: 90,
    });
  });

  it("installs the Pod Identity agent and gives the VPC CNI its own role, not the node role", async () => {
    const run = await render();
    const addons = all(run.resources, "aws:eks/addon:Addon").map((a) => a.inputs.addonName);
    expect(addons.sort()).toEqual([
      "coredns",
      "eks-node-monitoring-agent",
      "eks-pod-identity-agent",
      "kube-proxy",
      "vpc-cni",
    ]);
    const cni = all(run.resources, "aws:eks/addon:Addon").find(
      (a) => a.inputs.addonName === "vpc-cni",
    ) as RecordedResource;
    expect(JSON.parse(String(cni.inputs.configurationValues))).toEqual({ enableNetworkPolicy: "true" });
    expect(cni.inputs.podIdentityAssociations).toEqual([
      { roleArn: expect.stringMatching(/:role\//), serviceAccount: "aws-node" },
    ]);
    const attached = all(run.resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    const nodeRoleName = one(run.resources, "aws:iam/role:Role", "gpu-nodes").state.name;
    const nodePolicies = attached
      .filter((p) => p.inputs.role === nodeRoleName)
      .map((p) => p.inputs.policyArn);
    expect(nodePolicies.sort()).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    ]);
  });

  it("pairs every Spot GPU group with an on-demand group of the same instance types, tainted, from zero", async () => {
    const run = await render();
    const groups = gpuGroups(run);
    const spot = groups.filter((g) => g.inputs.capacityType === "SPOT");
    expect(spot).toHaveLength(1);
    for (const s of spot) {
      expect((s.inputs.instanceTypes as string[]).length).toBeGreaterThanOrEqual(2);
      const twin = groups.find(
        (g) =>
          g.inputs.capacityType === "ON_DEMAND" &&
          JSON.stringify(g.inputs.instanceTypes) === JSON.stringify(s.inputs.instanceTypes),
      );
      expect(twin, "on-demand fallback of the Spot group").toBeDefined();
    }
    for (const g of groups) {
      expect(g.inputs.amiType).toBe("AL2023_x86_64_NVIDIA");
      expect(g.inputs.instanceTypes).toEqual(["g6.xlarge", "g6.2xlarge", "g6.4xlarge"]);
      expect(taints(g)).toContainEqual({ key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" });
      expect(g.inputs.scalingConfig).toEqual({ minSize: 0, maxSize: 6, desiredSize: 0 });
      expect(g.inputs.nodeRepairConfig).toEqual({ enabled: true });
      expect((g.inputs.subnetIds as string[]).length).toBe(3);
    }
  });

  it("enforces IMDSv2 with hop limit 1, encrypted disks and no public IPs through launch templates", async () => {
    const run = await render();
    const groups = all(run.resources, NODE_GROUP);
    expect(groups).toHaveLength(3);
    const clusterSg = (one(run.resources, CLUSTER).state.vpcConfig as Inputs).clusterSecurityGroupId;
    for (const g of groups) {
      const lt = templateOf(run, g).inputs;
      expect(lt.metadataOptions).toEqual({
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: "disabled",
      });
      expect(lt.networkInterfaces).toEqual([
        {
          deviceIndex: 0,
          associatePublicIpAddress: "false",
          deleteOnTermination: "true",
          securityGroups: [clusterSg],
        },
      ]);
      expect((lt.blockDeviceMappings as { ebs: Inputs }[])[0]?.ebs).toMatchObject({
        encrypted: "true",
        volumeType: "gp3",
      });
      expect(g.inputs.remoteAccess).toBeUndefined();
      expect((g.inputs.launchTemplate as Inputs).version).toBe("1");
    }
    for (const subnet of all(run.resources, "aws:ec2/subnet:Subnet"))
      expect(subnet.inputs.mapPublicIpOnLaunch).toBe(false);
  });

  it("builds a VPC with private subnets in three zones, each behind its own NAT gateway", async () => {
    const run = await render();
    const subnets = all(run.resources, "aws:ec2/subnet:Subnet");
    const privateSubnets = subnets.filter(
      (s) => (s.inputs.tags as Inputs)["kubernetes.io/role/internal-elb"] === "1",
    );
    expect(privateSubnets.map((s) => s.inputs.availabilityZone).sort()).toEqual([
      "us-east-1a",
      "us-east-1b",
      "us-east-1c",
    ]);
    expect(privateSubnets.map((s) => s.inputs.cidrBlock).sort()).toEqual([
      "10.0.0.0/19",
      "10.0.32.0/19",
      "10.0.64.0/19",
    ]);
    expect(all(run.resources, "aws:ec2/natGateway:NatGateway")).toHaveLength(3);
    const privateRoutes = all(run.resources, "aws:ec2/routeTable:RouteTable").filter((t) =>
      (t.inputs.routes as Inputs[]).some((r) => r.natGatewayId),
    );
    expect(privateRoutes).toHaveLength(3);
  });

  it("scales GPU groups from zero with a Cluster Autoscaler on Pod Identity that prefers Spot", async () => {
    const run = await render();
    const chart = one(run.resources, "kubernetes:helm.sh/v4:Chart");
    const provider = one(run.resources, "pulumi:providers:kubernetes");
    expect(providerUrn(chart.provider)).toBe(provider.urn);
    expect(chart.inputs).toMatchObject({
      chart: "cluster-autoscaler",
      version: "9.43.1",
      namespace: "kube-system",
      values: {
        autoDiscovery: { clusterName: "gpu-prod" },
        awsRegion: "us-east-1",
        image: { tag: "v1.33.0" },
        expanderPriorities: { "50": [".*-spot-.*"], "10": [".*"] },
        extraArgs: { expander: "priority,least-waste" },
      },
    });
    const association = one(run.resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation");
    expect(association.inputs).toMatchObject({
      namespace: "kube-system",
      serviceAccount: "cluster-autoscaler",
    });
    expect(chart.dependencies).toContain(association.urn);
    for (const g of gpuGroups(run)) expect(chart.dependencies).toContain(g.urn);
    const policy = JSON.parse(String(one(run.resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy));
    expect(policy.Statement[1].Condition.StringEquals).toEqual({
      "aws:ResourceTag/k8s.io/cluster-autoscaler/gpu-prod": "owned",
    });
  });

  it("parents every child to the component and builds the provider from an aws eks get-token kubeconfig", async () => {
    const run = await render();
    const component = one(run.resources, "inferplane:index:EksGpuCluster");
    expect(byUrn(run.resources, component.parent).type).toBe("pulumi:pulumi:Stack");
    for (const r of run.resources) {
      if (r.urn === component.urn || r.type === "pulumi:pulumi:Stack") continue;
      expect(r.parent, `${r.type} ${r.name}`).toBe(component.urn);
    }
    const cluster = one(run.resources, CLUSTER);
    const kubeconfig = JSON.parse(String(run.outputs.kubeconfig));
    expect(kubeconfig.clusters[0].cluster.server).toBe(cluster.state.endpoint);
    expect(kubeconfig.clusters[0].cluster.server).toMatch(
      /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/,
    );
    expect(kubeconfig.clusters[0].cluster["certificate-authority-data"]).toBe(OFFLINE_CA_BASE64);
    expect(kubeconfig.users[0].user.exec).toMatchObject({
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", "gpu-prod", "--region", "us-east-1", "--output", "json"],
      apiVersion: "client.authentication.k8s.io/v1beta1",
    });
    const provider = one(run.resources, "pulumi:providers:kubernetes");
    expect(provider.inputs.kubeconfig).toBe(run.outputs.kubeconfig);
    expect(provider.dependencies).toContain(one(run.resources, NODE_GROUP, "gpu-system").urn);
    expect(component.outputs).toMatchObject({ cloud: "eks", amiFamily: "AL2023", clusterName: "gpu-prod" });
  });

  it("honours the named relaxations and options: public endpoint with CIDRs, Bottlerocket, Spot taint, admins", async () => {
    const run = await render({
      ...baseArgs(),
      publicEndpoint: true,
      publicAccessCidrs: ["203.0.113.0/24"],
      gpuAmiFamily: "BOTTLEROCKET",
      spotTaint: true,
      imdsHopLimit: 2,
      singleNatGateway: true,
      adminPrincipalArns: ["arn:aws:iam::123456789012:role/platform-admins"],
    });
    expect(one(run.resources, CLUSTER).inputs.vpcConfig).toMatchObject({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
    });
    for (const g of gpuGroups(run)) {
      expect(g.inputs.amiType).toBe("BOTTLEROCKET_x86_64_NVIDIA");
      const spotTainted = taints(g).some((t) => t.key === "spot" && t.value === "true");
      expect(spotTainted).toBe(g.inputs.capacityType === "SPOT");
      const lt = templateOf(run, g).inputs;
      expect((lt.blockDeviceMappings as Inputs[])[0]?.deviceName).toBe("/dev/xvdb");
      expect((lt.metadataOptions as Inputs).httpPutResponseHopLimit).toBe(2);
    }
    expect(all(run.resources, "aws:ec2/natGateway:NatGateway")).toHaveLength(1);
    expect(
      one(run.resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").inputs,
    ).toMatchObject({
      principalArn: "arn:aws:iam::123456789012:role/platform-admins",
      accessScope: { type: "cluster" },
    });
  });

  it("uses an existing VPC and can leave autoscaling to another controller", async () => {
    const run = await render({
      ...baseArgs(),
      vpcId: "vpc-0abc",
      privateSubnetIds: ["subnet-a", "subnet-b"],
      clusterAutoscaler: false,
    });
    expect(all(run.resources, "aws:ec2/vpc:Vpc")).toHaveLength(0);
    expect(all(run.resources, "kubernetes:helm.sh/v4:Chart")).toHaveLength(0);
    expect((one(run.resources, CLUSTER).inputs.vpcConfig as Inputs).subnetIds).toEqual([
      "subnet-a",
      "subnet-b",
    ]);
  });
});
