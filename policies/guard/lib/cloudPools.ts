import { at, isTrue, list, rec, str } from "./values.js";

/** Machine families that come with GPUs attached (A2/A3/A4, G2/G4): https://cloud.google.com/compute/docs/gpus */
const GCP_GPU_MACHINE = /^(a2|a3|a4|g2|g4)-/;
/** EC2 GPU instance families (P and G): https://aws.amazon.com/ec2/instance-types/#Accelerated_Computing */
const AWS_GPU_INSTANCE = /^(p[0-9]|g[0-9]|gr[0-9])/;

/** True when a GKE node config attaches GPUs. */
export function gkeHasGpu(nodeConfig: unknown): boolean {
  const cfg = rec(nodeConfig);
  if (!cfg) return false;
  if (list(cfg.guestAccelerators).length > 0) return true;
  return GCP_GPU_MACHINE.test(str(cfg.machineType) ?? "");
}

/** True when a GKE node config asks for Spot or preemptible VMs. */
export function gkeIsSpot(nodeConfig: unknown): boolean {
  const cfg = rec(nodeConfig);
  return isTrue(cfg?.spot) || isTrue(cfg?.preemptible);
}

/** True when an EKS managed node group runs GPU instances. */
export function eksHasGpu(props: Record<string, unknown>): boolean {
  const ami = str(props.amiType) ?? "";
  if (/NVIDIA|GPU|NEURON/i.test(ami)) return true;
  return list(props.instanceTypes).some((t) => AWS_GPU_INSTANCE.test(str(t) ?? ""));
}

/** True when an EKS managed node group uses Spot capacity. */
export function eksIsSpot(props: Record<string, unknown>): boolean {
  return str(props.capacityType) === "SPOT";
}

/** Accelerator type of a GKE node config (first guest accelerator), for messages and matching. */
export function gkeAccelerator(nodeConfig: unknown): string | undefined {
  return str(at(nodeConfig, "guestAccelerators", 0, "type")) ?? str(at(nodeConfig, "machineType"));
}
