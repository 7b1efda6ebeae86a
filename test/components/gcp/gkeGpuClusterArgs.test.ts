import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import {
  GkeGpuCluster,
  type GkeGpuClusterArgs,
  validateGkeGpuClusterArgs,
} from "../../../components/gcp/gkeGpuCluster.js";
import { gkeMachineTypesFor } from "../../../components/shared/gpuCatalog.js";
import { all, runOffline } from "../../harness.js";

const base = (): GkeGpuClusterArgs => ({
  region: "us-central1",
  zones: ["us-central1-a", "us-central1-b"],
  gpuPools: [{ name: "l4", gpuType: "L4" }],
});

/** The InputError `validateGkeGpuClusterArgs` throws for `args` (fails the test if none). */
function errorFor(args: GkeGpuClusterArgs): Error {
  try {
    validateGkeGpuClusterArgs(args, undefined);
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return e as Error;
  }
  throw new Error("expected an InputError");
}

describe("validateGkeGpuClusterArgs", () => {
  it("fills in secure defaults and the catalog's machine type", () => {
    const a = validateGkeGpuClusterArgs(base(), undefined);
    expect(a).toMatchObject({ releaseChannel: "REGULAR", publicEndpoint: false, deletionProtection: true });
    expect(a.gpuPools[0]).toMatchObject({
      onDemand: true,
      spot: true,
      minNodes: 0,
      gkeAccelerator: "nvidia-l4",
    });
    expect(a.gpuPools[0]?.machine.machineType).toBe(gkeMachineTypesFor("L4", 1)[0]?.machineType);
  });

  it("rejects a GPU type the catalog does not offer in the region", () => {
    const e = errorFor({
      ...base(),
      region: "europe-west4",
      zones: ["europe-west4-a", "europe-west4-b"],
      gpuPools: [{ name: "h200", gpuType: "H200-141GB", gpusPerNode: 8 }],
    });
    expect(e.message).toMatch(/args\.gpuPools\[0\]\.gpuType: H200-141GB is not offered in europe-west4/);
    expect(() =>
      validateGkeGpuClusterArgs(
        {
          ...base(),
          region: "europe-west4",
          zones: ["europe-west4-a", "europe-west4-b"],
          skipCatalogRegionCheck: true,
          gpuPools: [{ name: "h200", gpuType: "H200-141GB", gpusPerNode: 8 }],
        },
        undefined,
      ),
    ).not.toThrow();
  });

  it("rejects an unknown GPU type and a GPU type GKE does not have", () => {
    expect(errorFor({ ...base(), gpuPools: [{ name: "x", gpuType: "L5" }] }).message).toMatch(
      /"L5" is not a GPU type GKE offers/,
    );
    expect(errorFor({ ...base(), gpuPools: [{ name: "x", gpuType: "A10G" }] }).message).toMatch(
      /"A10G" is not a GPU type GKE offers/,
    );
  });

  it("rejects zero zones, one zone without singleZone, and zones outside the region", () => {
    expect(errorFor({ ...base(), zones: [] }).message).toMatch(/args\.zones: no zones given/);
    expect(errorFor({ ...base(), zones: ["us-central1-a"] }).message).toMatch(/singleZone/);
    expect(() =>
      validateGkeGpuClusterArgs({ ...base(), zones: ["us-central1-a"], singleZone: true }, undefined),
    ).not.toThrow();
    expect(errorFor({ ...base(), zones: ["us-east1-b", "us-central1-a"] }).message).toMatch(
      /args\.zones\[0\]: "us-east1-b" is not a zone of us-central1/,
    );
    expect(
      errorFor({ ...base(), gpuPools: [{ name: "l4", gpuType: "L4", zones: ["us-central1-f"] }] }).message,
    ).toMatch(/gpuPools\[0\]\.zones\[0\]/);
  });

  it("rejects Spot without an on-demand fallback unless explicitly allowed", () => {
    const spotOnly = { ...base(), gpuPools: [{ name: "l4", gpuType: "L4", onDemand: false }] };
    expect(errorFor(spotOnly).message).toMatch(
      /args\.gpuPools\[0\]\.onDemand: a Spot pool without an on-demand.*SPOT-01.*allowSpotOnly/,
    );
    expect(() =>
      validateGkeGpuClusterArgs(
        { ...base(), gpuPools: [{ name: "l4", gpuType: "L4", onDemand: false, allowSpotOnly: true }] },
        undefined,
      ),
    ).not.toThrow();
    expect(() =>
      validateGkeGpuClusterArgs(
        { ...base(), gpuPools: [{ name: "l4", gpuType: "L4", onDemand: false, reservationName: "my-res" }] },
        undefined,
      ),
    ).not.toThrow();
  });

  it("rejects a machine type without GPUs, or with other GPUs, in a GPU pool", () => {
    expect(
      errorFor({ ...base(), gpuPools: [{ name: "l4", gpuType: "L4", machineType: "n2-standard-8" }] })
        .message,
    ).toMatch(/machineType: n2-standard-8 has no GPUs/);
    expect(
      errorFor({ ...base(), gpuPools: [{ name: "l4", gpuType: "L4", machineType: "g2-standard-24" }] })
        .message,
    ).toMatch(/carries 2 x L4, not 1 x L4/);
    expect(
      errorFor({ ...base(), gpuPools: [{ name: "l4", gpuType: "L4", gpusPerNode: 3 }] }).message,
    ).toMatch(/offers L4 nodes with 1, 2, 4, 8 GPUs, not 3/);
  });

  it("rejects an on-demand pool of a Spot-or-flex-only machine", () => {
    const args = { ...base(), gpuPools: [{ name: "h100", gpuType: "H100-80GB", gpusPerNode: 1 }] };
    expect(errorFor(args).message).toMatch(/a3-highgpu-1g is offered only as Spot or flex-start/);
  });

  it("rejects a public endpoint without authorized networks and any 0.0.0.0/0", () => {
    expect(errorFor({ ...base(), publicEndpoint: true }).message).toMatch(
      /args\.authorizedNetworks: a public endpoint without/,
    );
    expect(errorFor({ ...base(), publicEndpoint: true, authorizedNetworks: ["0.0.0.0/0"] }).message).toMatch(
      /authorizedNetworks\[0\]: 0\.0\.0\.0\/0 opens the control plane/,
    );
    expect(errorFor({ ...base(), authorizedNetworks: ["10.0.0.0/33"] }).message).toMatch(/not an IPv4 CIDR/);
  });

  it("rejects bad names, counts, channels and duplicate pools", () => {
    expect(errorFor({ ...base(), gpuPools: [] }).message).toMatch(/no GPU pools/);
    expect(errorFor({ ...base(), gpuPools: [{ name: "L4_pool", gpuType: "L4" }] }).message).toMatch(
      /not a DNS label/,
    );
    expect(
      errorFor({
        ...base(),
        gpuPools: [
          { name: "a", gpuType: "L4" },
          { name: "a", gpuType: "L4" },
        ],
      }).message,
    ).toMatch(/appears twice/);
    expect(errorFor({ ...base(), gpuPools: [{ name: "a", gpuType: "L4", maxNodes: 0 }] }).message).toMatch(
      /maxNodes/,
    );
    expect(errorFor({ ...base(), releaseChannel: "REGULR" }).message).toMatch(/did you mean "REGULAR"/);
    expect(errorFor({ ...base(), region: undefined }).message).toMatch(/args\.region: no region given/);
    expect(errorFor({ ...base(), clusterName: "GPU_cluster" }).message).toMatch(/args\.clusterName/);
  });

  it("fails before any resource is registered", async () => {
    const run = await runOffline({
      program: () => {
        try {
          new GkeGpuCluster("bad", { ...base(), zones: [] });
          return { message: "no error" };
        } catch (e) {
          return { message: (e as Error).message };
        }
      },
    });
    expect(run.outputs.message).toMatch(/^GkeGpuCluster: args\.zones: no zones given\. Fix: /);
    expect(run.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    expect(all(run.resources, "inferplane:index:GkeGpuCluster")).toHaveLength(0);
  });
});
