import { defineConfig } from "vitest/config";

// One fork, modules shared across files: the Pulumi SDKs cost ~1 s to import and the
// runtime keeps global state anyway, so per-file isolation buys nothing but time.
// Leaks between files are prevented by the mock engine itself (fresh recorder, fresh
// monitor, config overwritten and program modules re-evaluated on every run), and the
// setup file arms a guard that fails any resource registered outside an engine run.
export default defineConfig({
  resolve: { conditions: ["inferplane-source", "module", "node", "import", "default"] },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
