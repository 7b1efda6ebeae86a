/**
 * inferplane's public API. Components, the placement policy and the guard pack are exported
 * here as they land; the offline engine is public so that your own tests can run programs the
 * way `inferplane preview` does.
 */
export { InputError } from "./common/inputError.js";
export { preview, type PreviewOptions } from "./cli/commands/preview.js";
export type { PreviewReport, PreviewResource, Violation } from "./cli/report.js";
export { runOffline, ProgramError, type OfflineRunOptions, type OfflineProgram } from "./engine/run.js";
export type { EngineRunResult, RecordedResource } from "./engine/types.js";
export { validateManifests } from "./manifests/validate.js";
export type { ManifestReport, ValidationError } from "./manifests/types.js";
