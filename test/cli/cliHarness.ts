import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../cli/main.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/programs/${name}`, import.meta.url));

/** Runs the CLI in-process from `cwd`, capturing what it prints. */
export async function cli(
  argv: string[],
  cwd = repoRoot,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

/** A throwaway project running the real program with the given stack file text. */
export function projectWithStack(stack: string, stackYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "inferplane-cli-"));
  mkdirSync(join(dir, "stacks"));
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    `name: inferplane\nruntime: nodejs\nmain: ${join(repoRoot, "stacks/index.ts")}\nstackConfigDir: stacks\n`,
  );
  writeFileSync(join(dir, "stacks", `Pulumi.${stack}.yaml`), stackYaml);
  return dir;
}
