import { createReadStream, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { InputError } from "../../../common/inputError.js";

/** Lines of one read chunk, and the 1-based number of the first one. */
export interface LineChunk {
  lines: string[];
  firstLine: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** Bytes read at a time: large enough that per-chunk overhead vanishes, small enough to stay flat. */
const CHUNK_BYTES = 1 << 20;

/** Size of `file` in bytes, or an {@link InputError} naming it when it is missing or not a file. */
export function traceFileSize(file: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new InputError(
      `${file}: cannot read the trace (${code}). Fix: check the path given to --trace (relative paths start at ${process.cwd()})`,
      { file },
    );
  }
  if (!stat.isFile()) {
    throw new InputError(`${file}: is not a file. Fix: pass one trace file to --trace`, { file });
  }
  return stat.size;
}

/**
 * Streams the lines of a text file chunk by chunk (never the whole file in memory), without the
 * line terminators (LF or CRLF) and without a leading byte-order mark.
 */
export async function* readLines(file: string): AsyncGenerator<LineChunk> {
  traceFileSize(file);
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let lineNo = 1;
  let bytesRead = 0;
  let first = true;
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text = carry + decoder.write(chunk);
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const lines = text.split("\n");
      carry = lines.pop() ?? "";
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
      }
      if (lines.length > 0) {
        yield { lines, firstLine: lineNo, bytesRead };
        lineNo += lines.length;
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(
      `${file}: cannot read the trace (${code}). Fix: check the file and its permissions`,
      {
        file,
      },
    );
  }
  const rest = carry + decoder.end();
  if (rest.length > 0) {
    yield { lines: [rest.endsWith("\r") ? rest.slice(0, -1) : rest], firstLine: lineNo, bytesRead };
  }
}
