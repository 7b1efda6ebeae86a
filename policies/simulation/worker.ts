import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on one of the simulation's modules, named by its path without extension
 * relative to this folder (e.g. `engine/replayWorker`). Run from sources (tsx; this file is
 * TypeScript) the worker registers tsx before loading the module; compiled, it loads the `.js`.
 * `onBootFailure` is JavaScript run in the worker with the error as `e` when loading fails (a
 * caller blocked on the worker needs to hear about it).
 */
export function startSimulationWorker(
  module: string,
  options: WorkerOptions,
  onBootFailure = "throw e;",
): Worker {
  const ts = import.meta.url.endsWith(".ts");
  const entry = new URL(`./${module}${ts ? ".ts" : ".js"}`, import.meta.url);
  const load = ts
    ? `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`
    : `import(${JSON.stringify(entry.href)})`;
  return new Worker(`${load}.catch((e) => { ${onBootFailure} });`, { ...options, eval: true });
}
