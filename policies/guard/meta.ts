/** Name of the pack (also `name` in policies/guard/package.json). */
export const GUARD_PACK_NAME = "inferplane-guard";
