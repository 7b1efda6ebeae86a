/**
 * Splits a stream of text chunks into server-sent-event `data:` payloads (one per event,
 * multi-line data joined by newlines), whatever the chunk boundaries.
 */
export async function* sseData(chunks: AsyncIterable<string>): AsyncIterable<string> {
  let buffer = "";
  let data: string[] = [];
  const flushLine = function* (line: string): Generator<string> {
    if (line === "") {
      if (data.length > 0) yield data.join("\n");
      data = [];
    } else if (line.startsWith("data:")) {
      data.push(line.slice(5).replace(/^ /, ""));
    }
  };
  for await (const chunk of chunks) {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      yield* flushLine(line);
      newline = buffer.indexOf("\n");
    }
  }
  if (buffer !== "") yield* flushLine(buffer.replace(/\r$/, ""));
  yield* flushLine("");
}

/** Decodes a byte stream to text chunks. */
export async function* textChunks(bytes: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  for await (const b of bytes) yield decoder.decode(b, { stream: true });
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}
