// Compiles the hybrid router (../runtime/*.ts) into the JavaScript the router pods run, stored in
// ../bundle.generated.json and mounted from a ConfigMap. Run after changing the runtime:
//   npx tsx components/platform/router/build/generate.ts
// A test fails when the stored bundle is out of date with the sources.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const RUNTIME = new URL("../runtime/", import.meta.url);
const OUTPUT = new URL("../bundle.generated.json", import.meta.url);

/** Runtime modules the router ships, without extension. */
export const ROUTER_MODULES = ["policy", "server"] as const;

function compile(module: string): string {
  const fileName = `${module}.ts`;
  const out = ts.transpileModule(readFileSync(new URL(fileName, RUNTIME), "utf8"), {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  const problem = out.diagnostics?.[0];
  if (problem) throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`);
  return out.outputText;
}

/** File name to JavaScript source, plus a package.json that makes `.js` files ES modules. */
export function generateRouterBundle(): Record<string, string> {
  const files: Record<string, string> = { "package.json": '{"type":"module"}\n' };
  for (const m of ROUTER_MODULES) files[`${m}.js`] = compile(m);
  return files;
}

/** The bundle as stored on disk. */
export function serializeRouterBundle(bundle: Record<string, string>): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, serializeRouterBundle(generateRouterBundle()));
  console.log(`wrote ${fileURLToPath(OUTPUT)}`);
}
