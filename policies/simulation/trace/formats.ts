import { InputError } from "../../../common/inputError.js";
import { type ParsedRow, parseTimestamp, tokenCount } from "./parseFields.js";
import type { TraceFormat } from "./types.js";

/** Why a row was rejected, and how to fix it. */
export interface RowProblem {
  problem: string;
  fix: string;
}

/** How one request-per-row format reads its header and rows. */
export interface RowFormat {
  name: Exclude<TraceFormat, "servegen">;
  /** Reads line 1: true when it is a header to skip; throws {@link InputError} when it belongs to another format. */
  header(line: string, file: string): boolean;
  /** Parses a data row into `out` (seconds on the format's own origin); a problem when malformed. */
  parse(line: string, out: ParsedRow): RowProblem | null;
}

const AZURE_HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";
const CSV_HEADER = "timestamp_s,input_tokens,output_tokens";

/** Guesses a trace's format from its first line, for "did you mean --format X" hints. */
export function sniffFormat(firstLine: string): TraceFormat | undefined {
  const line = firstLine.trim();
  if (line.startsWith("{")) return "mooncake";
  if (line.toLowerCase().startsWith("timestamp,")) return "azure";
  if (line.toLowerCase().startsWith("timestamp_s")) return "csv";
  const cells = line.split(",");
  if (cells.length === 6 && /^\d+$/.test(cells[0] ?? "")) return "servegen";
  if (cells.length === 3 && /^\d{4}-\d\d-\d\d/.test(cells[0] ?? "")) return "azure";
  if (cells.length === 3 && cells.every((c) => c.trim() !== "" && Number.isFinite(Number(c)))) return "csv";
  return undefined;
}

function wrongFormat(file: string, expected: string, line: string, format: TraceFormat): never {
  const guess = sniffFormat(line);
  const hint =
    guess && guess !== format ? `pass --format ${guess}` : `give a ${format} trace or pick its --format`;
  throw new InputError(
    `${file}:1: not a ${format} trace: expected ${expected}, found "${line.slice(0, 80)}". Fix: ${hint}`,
    { file, fieldPath: "line 1" },
  );
}

function threeCells(line: string): [string, string, string] | RowProblem {
  const cells = line.split(",");
  if (cells.length !== 3) {
    return {
      problem: `expected 3 comma-separated fields, found ${cells.length}`,
      fix: "fix or remove the row",
    };
  }
  return cells as [string, string, string];
}

function tokens(
  input: string | undefined,
  output: string | undefined,
  names: [string, string],
  out: ParsedRow,
): RowProblem | null {
  out.input = tokenCount(input);
  if (Number.isNaN(out.input)) {
    return {
      problem: `${names[0]} "${input ?? ""}" is not a whole number >= 0`,
      fix: "fix or remove the row",
    };
  }
  out.output = tokenCount(output);
  if (Number.isNaN(out.output)) {
    return {
      problem: `${names[1]} "${output ?? ""}" is not a whole number >= 0`,
      fix: "fix or remove the row",
    };
  }
  return null;
}

/** Azure LLM inference traces (2023, 2024): `TIMESTAMP,ContextTokens,GeneratedTokens`. */
export const azureFormat: RowFormat = {
  name: "azure",
  header(line, file) {
    if (line.replace(/\s/g, "").toLowerCase() === AZURE_HEADER.toLowerCase()) return true;
    return wrongFormat(file, `the header "${AZURE_HEADER}"`, line, "azure");
  },
  parse(line, out) {
    const cells = threeCells(line);
    if (!Array.isArray(cells)) return cells;
    out.t = parseTimestamp(cells[0]);
    if (Number.isNaN(out.t)) {
      return {
        problem: `TIMESTAMP "${cells[0]}" is not a date-time`,
        fix: "use YYYY-MM-DD HH:MM:SS[.fraction][+HH:MM], or remove the row",
      };
    }
    return tokens(cells[1], cells[2], ["ContextTokens", "GeneratedTokens"], out);
  },
};

/** Generic CSV: `timestamp_s,input_tokens,output_tokens` (header optional), seconds from any origin. */
export const csvFormat: RowFormat = {
  name: "csv",
  header(line, file) {
    if (line.replace(/\s/g, "").toLowerCase() === CSV_HEADER) return true;
    const cells = line.split(",");
    if (cells.length === 3 && cells.every((c) => c.trim() !== "" && Number.isFinite(Number(c)))) return false;
    return wrongFormat(file, `the header "${CSV_HEADER}" or a numeric row`, line, "csv");
  },
  parse(line, out) {
    const cells = threeCells(line);
    if (!Array.isArray(cells)) return cells;
    const s = cells[0].trim();
    out.t = s.length === 0 ? Number.NaN : Number(s);
    if (!Number.isFinite(out.t)) {
      return {
        problem: `timestamp_s "${cells[0]}" is not a number of seconds`,
        fix: "fix or remove the row",
      };
    }
    return tokens(cells[1], cells[2], ["input_tokens", "output_tokens"], out);
  },
};

/** Mooncake JSONL: one `{"timestamp": ms, "input_length": n, "output_length": n, ...}` a line. */
export const mooncakeFormat: RowFormat = {
  name: "mooncake",
  header(line, file) {
    if (!line.trimStart().startsWith("{")) wrongFormat(file, "a JSON object per line", line, "mooncake");
    return false;
  },
  parse(line, out) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { problem: "not a JSON object", fix: "fix or remove the line" };
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { problem: "not a JSON object", fix: "fix or remove the line" };
    }
    const row = value as Record<string, unknown>;
    const ms = row.timestamp;
    if (typeof ms !== "number" || !Number.isFinite(ms)) {
      return {
        problem: `timestamp ${JSON.stringify(ms)} is not a number of milliseconds`,
        fix: "fix or remove the line",
      };
    }
    out.t = ms / 1000;
    const input = row.input_length;
    const output = row.output_length;
    return tokens(
      typeof input === "number" ? String(input) : undefined,
      typeof output === "number" ? String(output) : undefined,
      ["input_length", "output_length"],
      out,
    );
  },
};

/** The row formats by name. */
export const ROW_FORMATS: Record<RowFormat["name"], RowFormat> = {
  azure: azureFormat,
  csv: csvFormat,
  mooncake: mooncakeFormat,
};
