/** A parsed request row: absolute arrival in seconds (format-specific origin) and token counts. */
export interface ParsedRow {
  t: number;
  input: number;
  output: number;
}

/** A whole, non-negative token count, or `NaN`. */
export function tokenCount(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  const s = text.trim();
  if (s.length === 0) return Number.NaN;
  const v = Number(s);
  return Number.isInteger(v) && v >= 0 ? v : Number.NaN;
}

/** A finite number, or `NaN` (empty text is not 0). */
export function finiteNumber(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  const s = text.trim();
  if (s.length === 0) return Number.NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : Number.NaN;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Seconds since the Unix epoch of `YYYY-MM-DD[ T]HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]` (the Azure
 * 2023 naive wall clock with 7 fractional digits, and the 2024 UTC form with an offset). A naive
 * time is read as UTC: only differences matter to a replay. `NaN` when malformed.
 */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  if (s.length < 19 || s[4] !== "-" || s[7] !== "-" || (s[10] !== " " && s[10] !== "T")) return Number.NaN;
  if (s[13] !== ":" || s[16] !== ":") return Number.NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (
    Number.isNaN(y + mo + d + h + mi + sec) ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h > 23 ||
    mi > 59 ||
    sec > 60
  ) {
    return Number.NaN;
  }
  let i = 19;
  let fraction = 0;
  if (s[i] === ".") {
    let scale = 0.1;
    i++;
    const start = i;
    while (i < s.length) {
      const v = digit(s, i);
      if (v < 0 || v > 9) break;
      fraction += v * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return Number.NaN;
  }
  let offset = 0;
  if (i < s.length) {
    const sign = s[i];
    if (sign === "Z" && i === s.length - 1) offset = 0;
    else if ((sign === "+" || sign === "-") && s.length - i === 6 && s[i + 3] === ":") {
      const oh = digits(s, i + 1, 2);
      const om = digits(s, i + 4, 2);
      if (Number.isNaN(oh + om)) return Number.NaN;
      offset = (sign === "+" ? 1 : -1) * (oh * 3600 + om * 60);
    } else return Number.NaN;
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec) / 1000 + fraction - offset;
}
