import { writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { InputError } from "../common/inputError.js";

/**
 * Writes a rendered chart for a `--chart FILE` flag and returns the path to print (relative to
 * `cwd`); an unwritable path is bad input, not a crash.
 */
export async function writeChart(flag: string, cwd: string, render: () => Promise<string>): Promise<string> {
  const target = resolve(cwd, flag);
  const svg = await render();
  try {
    writeFileSync(target, svg);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`--chart ${flag}: cannot write the chart (${why}). Fix: give a writable path.`);
  }
  return relative(cwd, target) || target;
}
