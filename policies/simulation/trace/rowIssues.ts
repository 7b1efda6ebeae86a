import { InputError } from "../../../common/inputError.js";

/** Malformed rows seen while reading, kept in constant memory (a count and the first few). */
export class RowIssues {
  /** Malformed rows skipped. */
  count = 0;
  /** The first {@link RowIssues.keep} messages, `file:line: problem. Fix: ...`. */
  readonly samples: string[] = [];

  constructor(
    /** Reject the first malformed row (exit 2) instead of skipping it. */
    readonly strict = false,
    readonly keep = 10,
  ) {}

  /** Forgets what was seen, before another pass over the same trace. */
  reset(): void {
    this.count = 0;
    this.samples.length = 0;
  }

  /** Records (or, when strict, throws) a malformed row. */
  report(file: string, line: number, problem: string, fix: string): void {
    const message = `${file}:${line}: ${problem}. Fix: ${fix}`;
    if (this.strict) {
      throw new InputError(`${message} (or drop --strict to skip malformed rows)`, {
        file,
        fieldPath: `line ${line}`,
      });
    }
    this.count++;
    if (this.samples.length < this.keep) this.samples.push(message);
  }
}
