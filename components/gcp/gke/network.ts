import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { ResolvedGkeArgs } from "./validate.js";

/** The network the cluster's nodes live in. */
export interface GkeNetwork {
  network: pulumi.Input<string>;
  subnetwork: pulumi.Input<string>;
  /** The node subnet's primary range (the default authorized network). */
  nodesCidr: pulumi.Input<string>;
}

/**
 * A custom-mode VPC with one regional subnet (pods and services as secondary ranges: VPC-native,
 * CIS GKE 5.6.2), Private Google Access (nodes have no public IPs) and flow logs (CIS 5.6.1), plus
 * Cloud NAT so private nodes can pull images and model weights from outside Google.
 */
export function createGkeNetwork(
  name: string,
  project: pulumi.Input<string>,
  a: ResolvedGkeArgs,
  parent: pulumi.Resource,
): GkeNetwork {
  const network = new gcp.compute.Network(
    `${name}-vpc`,
    { project, autoCreateSubnetworks: false, routingMode: "REGIONAL" },
    { parent },
  );
  const subnetwork = new gcp.compute.Subnetwork(
    `${name}-nodes`,
    {
      project,
      region: a.region,
      network: network.id,
      ipCidrRange: a.nodesCidr,
      privateIpGoogleAccess: true,
      secondaryIpRanges: [
        { rangeName: a.podsRangeName, ipCidrRange: a.podsCidr },
        { rangeName: a.servicesRangeName, ipCidrRange: a.servicesCidr },
      ],
      logConfig: {
        aggregationInterval: "INTERVAL_5_SEC",
        flowSampling: 0.5,
        metadata: "INCLUDE_ALL_METADATA",
      },
    },
    { parent },
  );
  const router = new gcp.compute.Router(
    `${name}-router`,
    { project, region: a.region, network: network.id },
    { parent },
  );
  new gcp.compute.RouterNat(
    `${name}-nat`,
    {
      project,
      region: a.region,
      router: router.name,
      natIpAllocateOption: "AUTO_ONLY",
      sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
      logConfig: { enable: true, filter: "ERRORS_ONLY" },
    },
    { parent },
  );
  return { network: network.id, subnetwork: subnetwork.id, nodesCidr: a.nodesCidr };
}
