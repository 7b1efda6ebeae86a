import { z } from "zod";
import { InputError } from "./inputError.js";

/** Renders a zod issue path (`["a", 0, "b"]`) as `a[0].b`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" || out.endsWith(":") ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/** Closest candidate by edit distance, for "did you mean" hints on mistyped keys. */
export function closest(word: string, candidates: ReadonlyArray<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * One line per zod issue: `<file>: <path>: <problem>. Fix: <hint>`. Unknown keys get a
 * "did you mean" from the keys the schema accepts at that level.
 */
export function describeZodError(
  error: z.ZodError,
  where: { file?: string; pathPrefix?: string; knownKeys?: (path: ReadonlyArray<PropertyKey>) => string[] },
): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    const head = where.file ? `${where.file}: ` : "";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key], where.pathPrefix);
        const known = where.knownKeys?.(issue.path) ?? [];
        const guess = closest(key, known);
        const fix = guess
          ? `did you mean "${guess}"?`
          : `remove it${known.length ? `; known keys here: ${known.join(", ")}` : ""}`;
        lines.push(`${head}${path}: unknown key "${key}". Fix: ${fix}`);
      }
      continue;
    }
    const path = formatPath(issue.path, where.pathPrefix);
    lines.push(`${head}${path}: ${issue.message}`);
  }
  return lines;
}

/** The keys a zod object schema accepts at `path` (through optionals, defaults, arrays, records). */
export function objectKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject) node = node.shape[String(key)] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return [];
    node = node === undefined ? undefined : unwrap(node);
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (;;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) {
      node = node.unwrap() as z.ZodType;
    } else if (node instanceof z.ZodPipe) {
      node = node.in as z.ZodType;
    } else {
      return node;
    }
  }
}

/** Parses `value` with `schema`, or throws one {@link InputError} listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: { file?: string; pathPrefix?: string; knownKeys?: (path: ReadonlyArray<PropertyKey>) => string[] },
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = describeZodError(result.error, {
    knownKeys: (path) => objectKeysAt(schema, path),
    ...where,
  });
  const first = result.error.issues[0];
  throw new InputError(lines.join("\n"), {
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(first ? { fieldPath: formatPath(first.path, where.pathPrefix) } : {}),
  });
}
