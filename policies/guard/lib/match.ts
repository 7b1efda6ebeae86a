/** Workload allowlist entries are `namespace/name` globs (`*` matches any run of characters). */
export function matchesAny(ref: { namespace: string; name: string }, patterns: readonly string[]): boolean {
  const key = `${ref.namespace}/${ref.name}`;
  return patterns.some((p) => glob(p).test(key));
}

const cache = new Map<string, RegExp>();

/** A glob (`*` wildcard) as an anchored regular expression. */
export function glob(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
    cache.set(pattern, re);
  }
  return re;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** Environment variable names that carry credentials (CKV_K8S_35, kube-linter env-var-secret). */
export const SECRET_NAME = /(TOKEN|SECRET|PASSW(OR)?D|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** The name a resource goes by in allowlists: its `name` input when set, else its logical name. */
export function resourceName(props: Record<string, unknown>, logicalName: string): string {
  return typeof props.name === "string" && props.name !== "" ? props.name : logicalName;
}

/**
 * True when an environment variable looks like a credential given as a literal: a secret-like
 * name with a non-empty value that is not a reference (an ARN, or a name ending in _ARN, _NAME,
 * _ID, _REF, _PATH or _FILE, which point at a secret rather than hold it).
 */
export function isLiteralSecret(name: string, value: unknown): boolean {
  if (typeof value !== "string" || value === "" || !SECRET_NAME.test(name)) return false;
  if (/_(ARN|NAME|ID|REF|PATH|FILE)$/i.test(name) || value.startsWith("arn:")) return false;
  return true;
}
