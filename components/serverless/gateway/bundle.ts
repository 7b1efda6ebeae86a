import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import bundle from "./bundle.generated.json" with { type: "json" };

/** Which gateway: the Bedrock Lambda or the Vertex AI Cloud Run service. */
export type GatewayTarget = keyof typeof bundle;

/**
 * The compiled gateway runtime for `target` (file name to source). The sources live in
 * ./runtime as typed TypeScript; ./build/generate.ts compiles them into bundle.generated.json,
 * so deploying needs no build step and no bundler at `pulumi up` time.
 */
export function gatewayFiles(target: GatewayTarget): Readonly<Record<string, string>> {
  return bundle[target];
}

/** The files as a Pulumi archive (a Lambda deployment package). */
export function gatewayArchive(target: GatewayTarget): pulumi.asset.AssetArchive {
  const assets: Record<string, pulumi.asset.Asset> = {};
  for (const [file, source] of Object.entries(gatewayFiles(target)))
    assets[file] = new pulumi.asset.StringAsset(source);
  return new pulumi.asset.AssetArchive(assets);
}

/** A short digest of the files, to version uploads and roll revisions when the code changes. */
export function gatewayDigest(target: GatewayTarget): string {
  const hash = createHash("sha256");
  for (const [file, source] of Object.entries(gatewayFiles(target)).sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(file).update("\0").update(source).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
