/**
 * A problem with what the user gave us (a file, a flag, a config value), as opposed to a bug.
 *
 * The CLI prints {@link InputError.message} alone and exits with code 2; no stack trace is shown,
 * because the user can act on the message and not on our internals. Every message names where the
 * problem is (file and field path) and how to fix it.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  /** The file the bad value came from, when there is one. */
  readonly file: string | undefined;
  /** Dotted path of the offending field inside that file, e.g. `config.inferplane:service.replicas`. */
  readonly fieldPath: string | undefined;

  constructor(message: string, where: { file?: string; fieldPath?: string } = {}) {
    super(message);
    this.file = where.file;
    this.fieldPath = where.fieldPath;
  }
}

/** Type guard that survives module duplication (e.g. a program loaded through another loader). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError || (e instanceof Error && e.name === "InputError");
}
