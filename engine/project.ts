import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { InputError } from "../common/inputError.js";
import { parseOrThrow } from "../common/zodIssues.js";

/** The parts of `Pulumi.yaml` the offline engine needs to run a stack as the CLI would. */
export interface PulumiProject {
  /** Directory holding `Pulumi.yaml`. */
  dir: string;
  name: string;
  /** Absolute path of the program's entry file. */
  main: string;
  /** Absolute directory of `Pulumi.<stack>.yaml` files. */
  stackConfigDir: string;
}

const ProjectFile = z.looseObject({
  name: z.string().min(1),
  runtime: z.union([z.string(), z.looseObject({ name: z.string() })]),
  main: z.string().optional(),
  stackConfigDir: z.string().optional(),
});

/** Reads a YAML file, turning syntax errors into an {@link InputError} with line and column. */
export function readYamlFile(file: string, display = file): unknown {
  if (!existsSync(file)) throw new InputError(`${display}: file not found`, { file: display });
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const where = `${display}:${pos.line}:${pos.col}`;
    throw new InputError(
      `${where}: invalid YAML: ${error.message.split("\n")[0]}. Fix the syntax at that line.`,
      {
        file: display,
      },
    );
  }
  return doc.toJS() as unknown;
}

/** Finds `Pulumi.yaml` in `from` or its ancestors and reads it. */
export function findProject(from: string): PulumiProject {
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, "Pulumi.yaml");
    if (existsSync(file)) return readProject(file);
    const up = dirname(dir);
    if (up === dir) {
      throw new InputError(
        `no Pulumi.yaml in ${resolve(from)} or its parents. Fix: run from the project directory, or use --program FILE.ts.`,
      );
    }
    dir = up;
  }
}

function readProject(file: string): PulumiProject {
  const dir = dirname(file);
  const display = relative(process.cwd(), file) || file;
  const raw = parseOrThrow(ProjectFile, readYamlFile(file, display), { file: display });
  const main = resolve(dir, raw.main ?? ".");
  const entry = main.endsWith(".ts") || main.endsWith(".js") ? main : join(main, "index.ts");
  return { dir, name: raw.name, main: entry, stackConfigDir: resolve(dir, raw.stackConfigDir ?? ".") };
}
