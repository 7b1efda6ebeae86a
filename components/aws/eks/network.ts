import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedEksArgs } from "./validate.js";

/** Where the cluster and its nodes live. */
export interface EksNetwork {
  vpcId: pulumi.Input<string>;
  privateSubnetIds: pulumi.Input<string>[];
}

/** The `index`-th block of `newPrefix` inside `base` (`subnetCidr("10.0.0.0/16", 19, 1)` = 10.0.32.0/19). */
export function subnetCidr(base: string, newPrefix: number, index: number): string {
  const [address, prefixText] = base.split("/") as [string, string];
  const start = address.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const value = start + index * 2 ** (32 - newPrefix);
  if (newPrefix < Number(prefixText) || value >= start + 2 ** (32 - Number(prefixText))) {
    throw new Error(`subnet ${index} of /${newPrefix} does not fit in ${base}`);
  }
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return `${octets.join(".")}/${newPrefix}`;
}

/**
 * A VPC with, per zone, a large private subnet for nodes and pods (VPC CNI gives pods VPC IPs)
 * and a small public subnet holding only the NAT gateway; nodes never get public IPs (CIS EKS
 * 5.4.3). One NAT gateway per zone unless `singleNatGateway`. Subnets carry the tags the AWS Load
 * Balancer Controller discovers. https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
 */
export function createEksNetwork(
  name: string,
  clusterName: string,
  a: ResolvedEksArgs,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): EksNetwork {
  const zoneCount = a.availabilityZones?.length ?? a.azCount;
  const zoneNames = a.availabilityZones
    ? pulumi.output(a.availabilityZones)
    : aws
        .getAvailabilityZonesOutput(
          { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
          { parent },
        )
        .apply((z) => {
          if (z.names.length < zoneCount)
            throw new Error(`${a.region} has only ${z.names.length} zones; set azCount`);
          return z.names.slice(0, zoneCount);
        });
  const prefix = Number(a.vpcCidr.split("/")[1]);
  const clusterTag = { [`kubernetes.io/cluster/${clusterName}`]: "shared" };

  const vpc = new aws.ec2.Vpc(
    `${name}-vpc`,
    {
      cidrBlock: a.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { ...tags, Name: `${clusterName}-vpc` },
    },
    { parent },
  );
  // Keep the default security group closed: nothing should ever use it (CIS AWS 5.4).
  new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, tags }, { parent });
  const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags }, { parent });
  const publicRoutes = new aws.ec2.RouteTable(
    `${name}-public`,
    { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags },
    { parent },
  );

  const natCount = a.singleNatGateway ? 1 : zoneCount;
  const nats: aws.ec2.NatGateway[] = [];
  const privateSubnetIds: pulumi.Output<string>[] = [];
  for (let i = 0; i < zoneCount; i++) {
    const zone = zoneNames.apply((z) => z[i] as string);
    const publicSubnet = new aws.ec2.Subnet(
      `${name}-public-${i}`,
      {
        vpcId: vpc.id,
        availabilityZone: zone,
        // Public subnets: /(prefix+6) blocks from the top of the VPC range.
        cidrBlock: subnetCidr(a.vpcCidr, prefix + 6, 2 ** 6 - 1 - i),
        mapPublicIpOnLaunch: false,
        tags: { ...tags, ...clusterTag, Name: `${clusterName}-public-${i}`, "kubernetes.io/role/elb": "1" },
      },
      { parent },
    );
    new aws.ec2.RouteTableAssociation(
      `${name}-public-${i}`,
      { subnetId: publicSubnet.id, routeTableId: publicRoutes.id },
      { parent },
    );
    if (i < natCount) {
      const eip = new aws.ec2.Eip(`${name}-nat-${i}`, { domain: "vpc", tags }, { parent });
      nats.push(
        new aws.ec2.NatGateway(
          `${name}-nat-${i}`,
          {
            subnetId: publicSubnet.id,
            allocationId: eip.id,
            tags: { ...tags, Name: `${clusterName}-nat-${i}` },
          },
          { parent, dependsOn: [igw] },
        ),
      );
    }
    const privateSubnet = new aws.ec2.Subnet(
      `${name}-private-${i}`,
      {
        vpcId: vpc.id,
        availabilityZone: zone,
        cidrBlock: subnetCidr(a.vpcCidr, prefix + 3, i),
        mapPublicIpOnLaunch: false,
        tags: {
          ...tags,
          ...clusterTag,
          Name: `${clusterName}-private-${i}`,
          "kubernetes.io/role/internal-elb": "1",
        },
      },
      { parent },
    );
    const nat = nats[Math.min(i, natCount - 1)] as aws.ec2.NatGateway;
    const routes = new aws.ec2.RouteTable(
      `${name}-private-${i}`,
      { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }], tags },
      { parent },
    );
    new aws.ec2.RouteTableAssociation(
      `${name}-private-${i}`,
      { subnetId: privateSubnet.id, routeTableId: routes.id },
      { parent },
    );
    privateSubnetIds.push(privateSubnet.id);
  }
  return { vpcId: vpc.id, privateSubnetIds };
}
