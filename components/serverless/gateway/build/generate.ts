// Compiles the gateway runtime (./runtime/*.ts) into the JavaScript files shipped to Lambda and
// Cloud Run, and stores them in ../bundle.generated.json. Run after changing the runtime:
//   npx tsx components/serverless/gateway/build/generate.ts
// A test fails when the stored bundle is out of date with the sources.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const RUNTIME = new URL("../runtime/", import.meta.url);
const OUTPUT = new URL("../bundle.generated.json", import.meta.url);

const COMMON = ["backend", "chat", "errors", "handle", "openai", "routes", "usage"];

/** Source modules (without extension) each gateway ships. */
export const GATEWAY_MODULES = {
  aws: [...COMMON, "bedrock", "lambda"],
  gcp: [...COMMON, "sse", "vertex", "server"],
} as const;

/** File name to JavaScript source, plus a package.json that makes `.js` files ES modules. */
export type GatewayFiles = Record<string, string>;

/** Transpiles one runtime module; types are erased, imports keep their `.js` specifiers. */
export function compileModule(module: string): string {
  const fileName = `${module}.ts`;
  const source = readFileSync(new URL(fileName, RUNTIME), "utf8");
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      removeComments: false,
    },
  });
  const problem = out.diagnostics?.[0];
  if (problem) throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`);
  return out.outputText;
}

/** Every gateway's files, freshly compiled from the sources. */
export function generateBundle(): Record<keyof typeof GATEWAY_MODULES, GatewayFiles> {
  const build = (modules: readonly string[]): GatewayFiles => {
    const files: GatewayFiles = { "package.json": '{"type":"module"}\n' };
    for (const m of modules) files[`${m}.js`] = compileModule(m);
    return files;
  };
  return { aws: build(GATEWAY_MODULES.aws), gcp: build(GATEWAY_MODULES.gcp) };
}

/** The bundle as stored on disk. */
export function serializeBundle(bundle: ReturnType<typeof generateBundle>): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, serializeBundle(generateBundle()));
  console.log(`wrote ${fileURLToPath(OUTPUT)}`);
}
