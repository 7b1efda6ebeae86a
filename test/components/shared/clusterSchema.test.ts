import { fileURLToPath } from "node:url";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental/index.js";
import { describe, expect, it } from "vitest";

interface SchemaResource {
  inputProperties: Record<string, { description?: string }>;
  requiredInputs: string[];
  properties: Record<string, unknown>;
}

const root = fileURLToPath(new URL("../../..", import.meta.url));

// The analyzer behind `pulumi package add` (component packages for Python, Go, YAML) rejects
// union types and literal-typed outputs; this runs it in-process on the cluster components.
describe("component package schema of the GPU clusters", () => {
  it("generates for GkeGpuCluster and EksGpuCluster, every input documented", {
    timeout: 180_000,
  }, async () => {
    const provider = new ComponentProvider({
      components: [{ name: "GkeGpuCluster" }, { name: "EksGpuCluster" }],
      dirname: root,
      name: "inferplane",
    } as ConstructorParameters<typeof ComponentProvider>[0]);
    const schema = JSON.parse(await provider.getSchema()) as { resources: Record<string, SchemaResource> };
    const gke = schema.resources["inferplane:index:GkeGpuCluster"];
    const eks = schema.resources["inferplane:index:EksGpuCluster"];
    expect(gke?.requiredInputs.sort()).toEqual(["gpuPools", "zones"]);
    expect(eks?.requiredInputs).toEqual(["gpuNodeGroups"]);
    for (const resource of [gke, eks]) {
      for (const [field, spec] of Object.entries(resource?.inputProperties ?? {})) {
        expect(spec.description, field).toBeTruthy();
      }
      expect(Object.keys(resource?.properties ?? {})).toEqual(
        expect.arrayContaining(["kubeconfig", "provider", "cloud"]),
      );
    }
  });
});
