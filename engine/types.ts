/** One resource as the offline engine saw it register, after every registration completed. */
export interface RecordedResource {
  /** Pulumi type token, e.g. `kubernetes:apps/v1:Deployment` or `inferplane:index:LlmPlatform`. */
  type: string;
  /** Logical name given to the constructor. */
  name: string;
  /** URN the mock engine assigned; unique within one run. */
  urn: string;
  /** URN of the parent resource, or `undefined` for the root stack resource. */
  parent: string | undefined;
  /** Provider reference (`<provider-urn>::<provider-id>`), when one was resolved. */
  provider: string | undefined;
  /** True for custom (cloud) resources, false for components. */
  custom: boolean;
  /** True when the resource was read (`.get`) rather than created. */
  read: boolean;
  /** Mock id of custom resources. */
  id: string | undefined;
  /** URNs this resource depends on (explicit `dependsOn` and input dependencies). */
  dependencies: string[];
  /** Resolved inputs, secrets unwrapped (see {@link RecordedResource.secretPaths}). */
  inputs: Record<string, unknown>;
  /** Paths in `inputs` whose values were secrets; renderers mask them. */
  secretPaths: string[];
  /** State the mock engine returned (inputs plus provider-computed outputs). */
  state: Record<string, unknown>;
  /** Outputs a component registered with `registerOutputs`, resolved; `undefined` until it does. */
  outputs: Record<string, unknown> | undefined;
}

/** What one offline run of a program produced. */
export interface EngineRunResult {
  project: string;
  stack: string;
  /** Every registration, sorted by URN so output is stable across runs. */
  resources: RecordedResource[];
  /** The program's stack outputs (its module exports), resolved. */
  outputs: Record<string, unknown>;
}
