#!/usr/bin/env node
// Entry point of the `inferplane` command. The CLI and the programs it previews are TypeScript,
// run through tsx's loader; `inferplane` imports resolve to this package's sources.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

// Plain-JavaScript dependencies every command uses, loaded before the TypeScript hooks exist:
// through the hooks each of zod's many modules costs a round trip to the loader thread (~0.1 s
// in all); loaded here they are cached and later imports reuse them.
await Promise.all([import("zod"), import("yaml"), import("commander")]);

registerTypeScript();
register("./sourceCondition.js", import.meta.url);
// tsx turns on source-mapped stack traces. The Pulumi SDK captures a stack for every promise
// it tracks, so mapping them costs ~40% of a large preview; we print stacks only when debugging.
if (!process.env.INFERPLANE_DEBUG) process.setSourceMapsEnabled(false);

const { main } = await import("../cli/main.ts");
const code = await main(process.argv.slice(2));
// Pulumi's runtime can keep handles open after a run, so exit explicitly, but only once
// stdout has drained: a large JSON report written to a pipe is flushed asynchronously.
process.exitCode = code;
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
