import { createHash } from "node:crypto";
import bundle from "./bundle.generated.json" with { type: "json" };

/** The compiled router runtime (file name to source); see ./build/generate.ts. */
export function routerFiles(): Readonly<Record<string, string>> {
  return bundle;
}

/** A short digest of the files: a pod-template annotation, so a code change rolls the pods. */
export function routerDigest(): string {
  const hash = createHash("sha256");
  for (const [file, source] of Object.entries(routerFiles()).sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(file).update("\0").update(source).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
