/**
 * Where a catalog figure comes from. Every number the placement policy uses carries one, so a
 * reviewer can check it and a user can see what to override.
 */
export interface Source {
  /** URL or repository path of the primary or third-party source. */
  source: string;
  /** When the figure was published or captured (ISO date, or a range such as `2025-26`). */
  date: string;
  /**
   * `verified`: primary source (official docs, the data owner's repository); `3rd-party`: others
   * quoting a provider; `measured`: a published benchmark; `estimate`: derived here, method in
   * docs/placement.md.
   */
  status: "verified" | "3rd-party" | "measured" | "estimate";
}

/** Shared reference that collects the figures below with their original sources. */
export const REFERENCE = "../shared/reference/cost-latency-data.md";

/** Date of the catalog snapshot as a whole (the reference's compilation date). */
export const CATALOG_DATE = "2026-12-04";
