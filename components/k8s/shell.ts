/**
 * Quotes one word for POSIX `sh`: single quotes, with embedded single quotes closed, escaped
 * and reopened. Words that need no quoting (flags, numbers, Hugging Face ids) stay readable.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** A command line for `sh -c` from words, each quoted. */
export function shellJoin(words: ReadonlyArray<string>): string {
  return words.map(shellQuote).join(" ");
}
