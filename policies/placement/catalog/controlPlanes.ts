import type { Cloud } from "./machines.js";
import type { Source } from "./source.js";

/** A managed Kubernetes control plane's fee. */
export interface ControlPlane extends Source {
  service: string;
  usdPerHour: number;
}

/**
 * Standard-support fees. The GKE free-tier credit ($74.40 a month per billing account) is not
 * subtracted: it is per account, not per cluster, and may already be used by another cluster.
 */
export const CONTROL_PLANES: Readonly<Record<Cloud, ControlPlane>> = {
  aws: {
    service: "EKS",
    usdPerHour: 0.1,
    source:
      "aws.amazon.com/eks/pricing; AWS containers blog 'EKS extended support pricing' (cost-latency-data.md §2.2)",
    date: "2024-2026",
    status: "verified",
  },
  gcp: {
    service: "GKE",
    usdPerHour: 0.1,
    source: "cloud.google.com/kubernetes-engine/pricing (cost-latency-data.md §2.2)",
    date: "2025-2026",
    status: "verified",
  },
};
