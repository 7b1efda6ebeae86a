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

/** Name segments (split on `_`, `-`, `.`) that mark a credential (CKV_K8S_35, kube-linter env-var-secret). */
const SECRET_SEGMENTS = new Set([
  "TOKEN",
  "SECRET",
  "PASSWORD",
  "PASSWD",
  "APIKEY",
  "CREDENTIAL",
  "CREDENTIALS",
]);
const SECRET_PAIRS = new Set(["API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "AUTH_KEY"]);

/** True when an environment variable name says it carries a credential (`HF_TOKEN`, `OPENAI_API_KEY`, not `MAX_TOKENS`). */
export function isSecretName(name: string): boolean {
  const segments = name.toUpperCase().split(/[_.-]+/);
  if (segments.some((s) => SECRET_SEGMENTS.has(s))) return true;
  return segments.some((s, i) => SECRET_PAIRS.has(`${s}_${segments[i + 1] ?? ""}`));
}

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
  if (typeof value !== "string" || value === "" || !isSecretName(name)) return false;
  if (/_(ARN|NAME|ID|REF|PATH|FILE|URL|URI)$/i.test(name) || value.startsWith("arn:")) return false;
  // Numbers and booleans are settings, not credentials.
  return !/^(\d+|true|false)$/i.test(value);
}
