import { describe, expect, it } from "vitest";
import {
  EC2_GPU_SHAPES,
  ec2InstanceTypesFor,
  findGpuType,
  GKE_MACHINE_SHAPES,
  GPU_TYPES,
  gkeMachineTypesFor,
} from "../../../components/shared/gpuCatalog.js";
import { AWS_MACHINES, GCP_MACHINES } from "../../../policies/placement/catalog/machines.js";

describe("GPU shape catalog", () => {
  it("agrees with every machine the placement catalog prices (GPU type and count)", () => {
    for (const m of AWS_MACHINES) {
      const shape = EC2_GPU_SHAPES.find((s) => s.instanceType === m.name);
      expect(shape, m.name).toMatchObject({ gpuType: m.gpuType, gpuCount: m.gpuCount });
    }
    for (const m of GCP_MACHINES) {
      const shape = GKE_MACHINE_SHAPES.find((s) => s.machineType === m.name);
      expect(shape, m.name).toMatchObject({ gpuType: m.gpuType, gpuCount: m.gpuCount });
    }
  });

  it("defaults each (GPU type, count) to the machine the placement catalog prices for it", () => {
    for (const m of AWS_MACHINES)
      expect(ec2InstanceTypesFor(m.gpuType, m.gpuCount)[0]?.instanceType).toBe(m.name);
    for (const m of GCP_MACHINES)
      expect(gkeMachineTypesFor(m.gpuType, m.gpuCount)[0]?.machineType).toBe(m.name);
  });

  it("names only catalog GPU types, each with its GKE accelerator where Google offers it", () => {
    const ids = new Set(GPU_TYPES.map((g) => g.id));
    for (const s of [...EC2_GPU_SHAPES, ...GKE_MACHINE_SHAPES])
      expect(ids.has(s.gpuType), s.gpuType).toBe(true);
    for (const s of GKE_MACHINE_SHAPES)
      expect(findGpuType(s.gpuType)?.gkeAccelerator, s.machineType).toBeDefined();
    expect(findGpuType("nvidia-l4")?.id).toBe("L4");
    expect(findGpuType("h100-80gb")?.id).toBe("H100-80GB");
  });

  it("lists each machine and instance type once", () => {
    const names = [
      ...EC2_GPU_SHAPES.map((s) => s.instanceType),
      ...GKE_MACHINE_SHAPES.map((m) => m.machineType),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});
