#!/usr/bin/env node
// Entry point of the `inferplane` command. The CLI and the programs it previews are TypeScript,
// run through tsx's loader; `inferplane` imports resolve to this package's sources.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

registerTypeScript();
register("./sourceCondition.js", import.meta.url);

const { main } = await import("../cli/main.ts");
const code = await main(process.argv.slice(2));
// Pulumi's runtime can keep handles open after a run; the report is written, so leave now.
process.exit(code);
