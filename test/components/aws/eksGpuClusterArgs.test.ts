import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { subnetCidr } from "../../../components/aws/eks/network.js";
import {
  EksGpuCluster,
  type EksGpuClusterArgs,
  validateEksGpuClusterArgs,
} from "../../../components/aws/eksGpuCluster.js";
import { ec2InstanceTypesFor } from "../../../components/shared/gpuCatalog.js";
import { runOffline } from "../../harness.js";

const base = (): EksGpuClusterArgs => ({
  region: "us-east-1",
  gpuNodeGroups: [{ name: "l4", gpuType: "L4" }],
});

function errorFor(args: EksGpuClusterArgs): Error {
  try {
    validateEksGpuClusterArgs(args, undefined);
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return e as Error;
  }
  throw new Error("expected an InputError");
}

describe("validateEksGpuClusterArgs", () => {
  it("fills in secure defaults and the catalog's instance types", () => {
    const a = validateEksGpuClusterArgs(base(), undefined);
    expect(a).toMatchObject({
      imdsHopLimit: 1,
      publicEndpoint: false,
      gpuAmiFamily: "AL2023",
      clusterAutoscaler: true,
    });
    expect(a.gpuNodeGroups[0]?.instanceTypes).toEqual(
      ec2InstanceTypesFor("L4", 1)
        .slice(0, 3)
        .map((s) => s.instanceType),
    );
  });

  it("rejects an instance type without GPUs, or with another GPU shape, in a GPU group", () => {
    expect(
      errorFor({
        ...base(),
        gpuNodeGroups: [{ name: "l4", gpuType: "L4", instanceTypes: ["m5.large", "g6.xlarge"] }],
      }).message,
    ).toMatch(/args\.gpuNodeGroups\[0\]\.instanceTypes\[0\]: m5\.large has no NVIDIA GPUs/);
    expect(
      errorFor({
        ...base(),
        gpuNodeGroups: [{ name: "l4", gpuType: "L4", instanceTypes: ["g6.xlarge", "g5.xlarge"] }],
      }).message,
    ).toMatch(/instanceTypes\[1\]: g5\.xlarge carries 1 x A10G, not 1 x L4/);
  });

  it("rejects a GPU type or instance type the catalog does not offer in the region", () => {
    expect(
      errorFor({
        ...base(),
        region: "eu-west-3",
        gpuNodeGroups: [{ name: "h200", gpuType: "H200-141GB", gpusPerNode: 8 }],
      }).message,
    ).toMatch(/no 8 x H200-141GB instance type is offered in eu-west-3/);
    expect(() =>
      validateEksGpuClusterArgs(
        {
          ...base(),
          region: "eu-west-3",
          skipCatalogRegionCheck: true,
          gpuNodeGroups: [{ name: "h200", gpuType: "H200-141GB", gpusPerNode: 8 }],
        },
        undefined,
      ),
    ).not.toThrow();
    expect(errorFor({ ...base(), gpuNodeGroups: [{ name: "x", gpuType: "TPU" }] }).message).toMatch(
      /"TPU" is not a GPU type EC2 offers/,
    );
  });

  it("rejects Spot without on-demand fallback, and Spot on a single instance type, unless allowed", () => {
    expect(
      errorFor({ ...base(), gpuNodeGroups: [{ name: "l4", gpuType: "L4", onDemand: false }] }).message,
    ).toMatch(/gpuNodeGroups\[0\]\.onDemand: a Spot group without an on-demand fallback.*allowSpotOnly/);
    const h100 = { name: "h100", gpuType: "H100-80GB", gpusPerNode: 8 };
    expect(errorFor({ ...base(), gpuNodeGroups: [h100] }).message).toMatch(
      /Spot group with one instance type \(p5\.48xlarge\)/,
    );
    expect(() =>
      validateEksGpuClusterArgs({ ...base(), gpuNodeGroups: [{ ...h100, spot: false }] }, undefined),
    ).not.toThrow();
    expect(() =>
      validateEksGpuClusterArgs(
        { ...base(), gpuNodeGroups: [{ ...h100, allowSingleSpotInstanceType: true }] },
        undefined,
      ),
    ).not.toThrow();
  });

  it("rejects zero zones, one zone, zero subnets and zones of another region", () => {
    expect(errorFor({ ...base(), availabilityZones: [] }).message).toMatch(
      /args\.availabilityZones: no zones given/,
    );
    expect(errorFor({ ...base(), availabilityZones: ["us-east-1a"] }).message).toMatch(/at least two AZs/);
    expect(errorFor({ ...base(), availabilityZones: ["us-east-1a", "us-west-2b"] }).message).toMatch(
      /availabilityZones\[1\]/,
    );
    expect(errorFor({ ...base(), vpcId: "vpc-1", privateSubnetIds: [] }).message).toMatch(
      /privateSubnetIds: no subnets \(zero zones\)/,
    );
    expect(errorFor({ ...base(), privateSubnetIds: ["subnet-a", "subnet-b"] }).message).toMatch(
      /args\.vpcId/,
    );
  });

  it("rejects an open or unrestricted public endpoint, and hop limits other than 1 or 2", () => {
    expect(errorFor({ ...base(), publicEndpoint: true }).message).toMatch(
      /args\.publicAccessCidrs: a public endpoint without CIDRs/,
    );
    expect(errorFor({ ...base(), publicEndpoint: true, publicAccessCidrs: ["0.0.0.0/0"] }).message).toMatch(
      /0\.0\.0\.0\/0 opens/,
    );
    expect(errorFor({ ...base(), imdsHopLimit: 3 }).message).toMatch(/args\.imdsHopLimit/);
    expect(errorFor({ ...base(), gpuAmiFamily: "AL2" }).message).toMatch(
      /args\.gpuAmiFamily: "AL2" is not one of AL2023, BOTTLEROCKET/,
    );
    expect(errorFor({ ...base(), logRetentionDays: 100 }).message).toMatch(/logRetentionDays/);
    expect(errorFor({ ...base(), gpuNodeGroups: [] }).message).toMatch(/no GPU node groups/);
    expect(errorFor({ ...base(), clusterName: "gpu cluster" }).message).toMatch(
      /args\.clusterName: "gpu cluster" is not an EKS cluster name/,
    );
  });

  it("splits VPC ranges into the blocks it claims", () => {
    expect(subnetCidr("10.0.0.0/16", 19, 1)).toBe("10.0.32.0/19");
    expect(subnetCidr("10.0.0.0/16", 22, 63)).toBe("10.0.252.0/22");
    expect(() => subnetCidr("10.0.0.0/16", 19, 8)).toThrow(/does not fit/);
  });

  it("fails before any resource is registered", async () => {
    const run = await runOffline({
      program: () => {
        try {
          new EksGpuCluster("bad", {
            ...base(),
            gpuNodeGroups: [{ name: "l4", gpuType: "L4", instanceTypes: ["c5.xlarge"] }],
          });
          return { message: "no error" };
        } catch (e) {
          return { message: (e as Error).message };
        }
      },
    });
    expect(run.outputs.message).toMatch(
      /^EksGpuCluster: args\.gpuNodeGroups\[0\]\.instanceTypes\[0\]: c5\.xlarge has no NVIDIA GPUs/,
    );
    expect(run.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
  });
});
