import { fileURLToPath } from "node:url";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental/index.js";
import ts from "typescript";
import { describe, expect, it } from "vitest";

interface SchemaResource {
  isComponent?: boolean;
  inputProperties: Record<string, { description?: string }>;
  requiredInputs?: string[];
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every component class the package exports (index.ts), each with its `<Name>Args` interface. */
const COMPONENTS = [
  "GkeGpuCluster",
  "EksGpuCluster",
  "NvidiaGpuStack",
  "LeaderWorkerSetController",
  "LlmInferenceService",
  "CloudRunGpuEndpoint",
  "SageMakerEndpoint",
  "BedrockModelGateway",
  "VertexModelGateway",
  "LlmPlatform",
];

/** The documented fields of each exported `<Name>Args` interface, read from the sources with TypeScript. */
function documentedArgs(): Map<string, { name: string; documented: boolean; optional: boolean }[]> {
  const program = ts.createProgram([`${root}/index.ts`], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
  });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(`${root}/index.ts`);
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const out = new Map<string, { name: string; documented: boolean; optional: boolean }[]>();
  for (const component of COMPONENTS) {
    const symbol = exports.find((s) => s.name === `${component}Args`);
    if (!symbol) continue;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const type = checker.getDeclaredTypeOfSymbol(target);
    out.set(
      component,
      type.getProperties().map((p) => ({
        name: p.name,
        documented: ts.displayPartsToString(p.getDocumentationComment(checker)).trim().length > 0,
        optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
      })),
    );
  }
  return out;
}

// The analyzer behind `pulumi package add` (component packages for Python, Go, YAML): one run for
// every public component, since it type-checks the whole package (~20-30 s).
describe("component package schema (PulumiPlugin.yaml)", () => {
  it("covers every public component and every documented argument", { timeout: 240_000 }, async () => {
    const provider = new ComponentProvider({
      components: COMPONENTS.map((name) => ({ name })),
      dirname: root,
      name: "inferplane",
    } as unknown as ConstructorParameters<typeof ComponentProvider>[0]);
    const schema = JSON.parse(await provider.getSchema()) as {
      name: string;
      resources: Record<string, SchemaResource>;
      types: Record<string, unknown>;
    };
    expect(schema.name).toBe("inferplane");
    expect(Object.keys(schema.resources).sort()).toEqual(
      COMPONENTS.map((c) => `inferplane:index:${c}`).sort(),
    );

    const args = documentedArgs();
    expect([...args.keys()].sort()).toEqual([...COMPONENTS].sort());
    for (const component of COMPONENTS) {
      const resource = schema.resources[`inferplane:index:${component}`];
      const fields = args.get(component) ?? [];
      expect(fields.length, component).toBeGreaterThan(0);
      for (const field of fields) {
        expect(field.documented, `${component}Args.${field.name} has TSDoc`).toBe(true);
        const spec = resource?.inputProperties[field.name];
        expect(spec, `${component}.${field.name} in the schema`).toBeDefined();
        expect(spec?.description, `${component}.${field.name} described`).toBeTruthy();
        expect(
          resource?.requiredInputs?.includes(field.name) ?? false,
          `${component}.${field.name} required`,
        ).toBe(!field.optional);
      }
    }
    // LlmPlatform's workload profile is a typed object in every language, not an opaque map.
    expect(schema.types["inferplane:index:WorkloadProfileArgs"]).toBeDefined();
  });
});
