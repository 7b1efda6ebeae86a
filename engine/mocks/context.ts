import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/** Account, project and regions that offline state is built from; read from stack config. */
export interface OfflineCloud {
  awsAccountId: string;
  awsRegion: string;
  gcpProject: string;
  gcpProjectNumber: string;
  gcpRegion: string;
}

/**
 * The fake cloud the offline engine answers for. Regions and project come from the stack's
 * provider config (`aws:region`, `gcp:project`, `gcp:region`) so that ARNs, zones and endpoints
 * look like the ones a real run would produce for that stack.
 */
export function offlineCloud(): OfflineCloud {
  const cfg = (key: string) => pulumi.runtime.getConfig(key);
  const gcpProject = cfg("gcp:project") ?? "inferplane-offline";
  return {
    awsAccountId: "123456789012",
    awsRegion: cfg("aws:region") ?? "us-east-1",
    gcpProject,
    gcpProjectNumber: String(100000000000 + (Number.parseInt(shortHash(gcpProject, 8), 16) % 899999999999)),
    gcpRegion: cfg("gcp:region") ?? "us-central1",
  };
}

/** Stable hex digest of its parts: ids stay the same from run to run, so previews diff cleanly. */
export function shortHash(text: string, length = 12): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** Error a mock throws: the SDK reports `details`, and drops a plain Error's message (trap 7). */
export function mockFailure(message: string): Error {
  return Object.assign(new Error(message), { details: message });
}
