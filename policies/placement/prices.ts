import { CONTROL_PLANES } from "./catalog/controlPlanes.js";
import { type Cloud, DEFAULT_SPOT_INTERRUPTION_PER_MONTH, type Machine } from "./catalog/machines.js";
import { MANAGED_API_PRICES } from "./catalog/managedApis.js";
import type { ServerlessShape } from "./catalog/serverless.js";
import type { WorkloadProfile } from "./profile.js";

/** A node's hourly prices after the profile's overrides. */
export interface NodePrices {
  onDemand: number;
  /** `null` when no Spot price is known. */
  spot: number | null;
  interruptionPerMonth: number;
  overridden: boolean;
}

/** On-demand and Spot prices of a Kubernetes node machine, with `pricing.instances` applied. */
export function nodePrices(machine: Machine, pricing: WorkloadProfile["pricing"]): NodePrices {
  const o = pricing.instances?.[machine.name];
  return {
    onDemand: o?.onDemandUsdPerHour ?? machine.onDemandUsdPerHour,
    spot: o?.spotUsdPerHour ?? machine.spotUsdPerHour,
    interruptionPerMonth: machine.spotInterruptionPerMonth ?? DEFAULT_SPOT_INTERRUPTION_PER_MONTH,
    overridden: o !== undefined,
  };
}

/** Hourly price of a serverless shape with overrides, or `null` when unknown. */
export function shapeUsdPerHour(shape: ServerlessShape, pricing: WorkloadProfile["pricing"]): number | null {
  return pricing.instances?.[shape.name]?.onDemandUsdPerHour ?? shape.usdPerHour;
}

/** Control-plane fee, USD an hour, with the override. */
export function controlPlaneUsdPerHour(cloud: Cloud, pricing: WorkloadProfile["pricing"]): number {
  return pricing.controlPlaneUsdPerHour ?? CONTROL_PLANES[cloud].usdPerHour;
}

/** A managed-API price per 1 M input and output tokens, and whether it came from the profile. */
export interface TokenPrice {
  input: number;
  output: number;
  fromProfile: boolean;
  source: string;
}

/**
 * The managed-API price for a model on a cloud: the profile's override (which asserts that a
 * provider serves the model), else the catalog's. A string says why there is none.
 */
export function managedApiPrice(
  cloud: Cloud,
  modelName: string,
  pricing: WorkloadProfile["pricing"],
): TokenPrice | string {
  if (pricing.managedApi) {
    return {
      input: pricing.managedApi.inputUsdPerMTokens,
      output: pricing.managedApi.outputUsdPerMTokens,
      fromProfile: true,
      source: "pricing.managedApi",
    };
  }
  if (pricing.managedApiUsdPerMTokens !== undefined) {
    const p = pricing.managedApiUsdPerMTokens;
    return { input: p, output: p, fromProfile: true, source: "pricing.managedApiUsdPerMTokens" };
  }
  const entry = MANAGED_API_PRICES[cloud][modelName];
  if (!entry) return "not served";
  if (entry.inputUsdPerMTokens === null || entry.outputUsdPerMTokens === null)
    return `no GA price (${entry.source})`;
  return {
    input: entry.inputUsdPerMTokens,
    output: entry.outputUsdPerMTokens,
    fromProfile: false,
    source: `${entry.source}, ${entry.date}`,
  };
}
