import { join, relative } from "node:path";
import { z } from "zod";
import { InputError } from "../common/inputError.js";
import { parseOrThrow } from "../common/zodIssues.js";
import { type PulumiProject, readYamlFile } from "./project.js";

/** A stack's configuration, flattened to the string map the Pulumi runtime reads. */
export interface StackConfig {
  stack: string;
  /** Display path of `Pulumi.<stack>.yaml`, relative to the working directory. */
  file: string;
  /** `<namespace>:<key>` to value; objects and arrays are JSON, as `pulumi config` stores them. */
  values: Record<string, string>;
  /** The same values before flattening, for schema validation with exact field paths. */
  structured: Record<string, unknown>;
  /** Keys whose values are encrypted (`secure:`), which offline runs cannot decrypt. */
  secretKeys: string[];
  /** Things the user should know about this offline run (e.g. secrets substituted). */
  notes: string[];
}

const StackFile = z
  .object({
    config: z.record(z.string(), z.unknown()).optional(),
    secretsprovider: z.string().optional(),
    encryptedkey: z.string().optional(),
    encryptionsalt: z.string().optional(),
    environment: z.unknown().optional(),
  })
  .strict();

const Secure = z.object({ secure: z.string() }).strict();

/** Reads `Pulumi.<stack>.yaml` from the project's stack config directory. */
export function readStackConfig(project: PulumiProject, stack: string): StackConfig {
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) {
    throw new InputError(`--stack "${stack}": a stack name has only letters, digits, "-", "_" and ".".`);
  }
  const path = join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
  const file = relative(process.cwd(), path) || path;
  const raw = readYamlFile(path, file);
  const parsed = parseOrThrow(StackFile, raw ?? {}, { file });
  const values: Record<string, string> = {};
  const structured: Record<string, unknown> = {};
  const secretKeys: string[] = [];
  const notes: string[] = [];
  for (const [rawKey, value] of Object.entries(parsed.config ?? {})) {
    const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
    if (!/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/.test(key)) {
      throw new InputError(
        `${file}: config.${rawKey}: a config key is "<namespace>:<name>", e.g. "${project.name}:service".`,
        {
          file,
          fieldPath: `config.${rawKey}`,
        },
      );
    }
    if (Secure.safeParse(value).success) {
      secretKeys.push(key);
      values[key] = `offline-secret-${key.replace(/[^A-Za-z0-9]/g, "-")}`;
      structured[key] = values[key];
      notes.push(`${key} is encrypted; the offline run used a stand-in value, marked secret.`);
      continue;
    }
    structured[key] = value;
    values[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { stack, file, values, structured, secretKeys, notes };
}
