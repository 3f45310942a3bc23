/**
 * The text Excel in Polish (pl-PL) shows for a value under a number format: comma decimals, a no-break space
 * between thousands, "PRAWDA"/"FAŁSZ". The xlsx adapter fills SheetSnapshot.text with it, since ExcelJS does
 * not render formats. It covers what indicator sheets use (General, fixed decimals, percent, thousands,
 * literal suffixes, sections, scientific, dates with numeric parts and month names, the text section "@"); a
 * section with anything else (fractions, conditions, "?" padding, weekdays, full month names, AM/PM, elapsed time) shows the number
 * as General. The column width is ignored but for a date out of Excel's range, shown as Excel does: "######".
 * test/core/format.test.ts checks it against numfmt, a reference implementation.
 */
import type { RawValue } from "./snapshot";

/** pl-PL separators as Excel displays them. */
export const DECIMAL_SEPARATOR = ",";
export const THOUSANDS_SEPARATOR = "\u00a0";

export function formatValue(value: RawValue, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "PRAWDA" : "FAŁSZ";
  const format = compiled(numberFormat || "General");
  if (typeof value === "string") {
    const { sections } = format;
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    return textSection === undefined ? value : renderLiterals(textSection, value);
  }
  if (!Number.isFinite(value)) return "#NUM!";
  // Section choice: positive;negative;zero. A negative section carries its own sign (or none).
  const [positive, negative, zero] = format.renderers;
  if (value < 0 && negative) return negative(-value, value);
  if (value === 0 && zero) return zero(0, 0);
  // splitSections always yields at least one section, so `positive` is there; General is only a type-level fallback.
  return positive ? positive(value, value) : formatGeneral(value);
}

/** Shows a number: `signed` as the section sees it (negated for a negative section), `value` as stored. */
type Renderer = (signed: number, value: number) => string;

interface CompiledFormat {
  sections: string[];
  renderers: Renderer[];
}

/** Formats parsed once: a sheet has few distinct formats and many cells. */
const cache = new Map<string, CompiledFormat>();
const CACHE_LIMIT = 500;

function compiled(numberFormat: string): CompiledFormat {
  let c = cache.get(numberFormat);
  if (!c) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const sections = splitSections(numberFormat);
    c = { sections, renderers: sections.slice(0, 3).map(compileSection) };
    cache.set(numberFormat, c);
  }
  return c;
}

function compileSection(section: string): Renderer {
  const general: Renderer = (signed) => formatGeneral(signed);
  if (!isSupported(section)) return general;
  const bare = stripBrackets(section);
  if (/^\s*general\s*$/i.test(bare) || bare.trim() === "") return general;
  if (isDateFormat(bare)) return (_signed, value) => formatDate(value, bare);
  const scientific = /^([0#]*)\.?([0#]*)E[+-](0+)$/i.exec(bare.trim());
  if (scientific) {
    // Groups 2 and 3 always take part in the match (possibly empty), so they are strings.
    const [, , fraction = "", exponent = ""] = scientific;
    return (signed) => formatScientific(signed, fraction.length, exponent.length);
  }
  return compileNumber(bare);
}

/**
 * What this renderer draws as Excel does; anything else is shown as General rather than guessed at: a text
 * section ("@" shows a number as it is), a condition ("[>100]"), a fraction ("# ?/?"), "?" padding, elapsed time
 * ("[h]"), AM/PM, weekday names ("ddd") and fractions of a second ("ss.0").
 */
function isSupported(section: string): boolean {
  const unquoted = section.replace(/"[^"]*"|\\./g, "");
  if (/@|\?|\[[<>=]|\[[hms]+\]|am\/pm|a\/p|ddd|(^|[^m])mmmm($|[^m])/i.test(unquoted)) return false;
  return !/[0#]\s*\/\s*[0-9#]|s\.0/i.test(unquoted);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      cur += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Drop colour and locale tags ("[Red]", "[$-415]"); a currency tag "[$zł-415]" keeps its symbol. */
function stripBrackets(section: string): string {
  return section.replace(/\[\$([^\]-]*)(-[^\]]*)?\]|\[[^\]]*\]/g, (_m, symbol: string | undefined) =>
    symbol ? `"${symbol}"` : "",
  );
}

/** Excel's General: up to 10 significant digits, scientific for very large or small magnitudes. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa = "", exponent] = value.toExponential(5).split("e");
    const exp = Number(exponent);
    const m = trimZeros(mantissa).replace(".", DECIMAL_SEPARATOR);
    return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const digits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const text = trimZeros(value.toFixed(Math.max(0, Math.min(20, 10 - digits, 9 + leadingZeros(abs)))));
  return text.replace(".", DECIMAL_SEPARATOR);
}

/** Mantissa rounded as fixed decimals are (on the 15-digit decimal form, so 1.005 shows 1,01E+00). */
function formatScientific(value: number, decimals: number, expDigits: number): string {
  const abs = Math.abs(value);
  let exp = abs === 0 ? 0 : Number(abs.toExponential(14).split("e")[1]);
  let [int, frac] = roundDecimal(abs / 10 ** exp, decimals);
  if (int === "10") {
    exp += 1;
    [int, frac] = roundDecimal(abs / 10 ** exp, decimals);
  }
  const mantissa = `${value < 0 ? "-" : ""}${int}${decimals > 0 ? DECIMAL_SEPARATOR + frac : ""}`;
  return `${mantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(expDigits, "0")}`;
}

function leadingZeros(abs: number): number {
  return abs < 1 ? -Math.floor(Math.log10(abs)) - 1 : 0;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

const PLACEHOLDER = /[0#?]/;

function compileNumber(section: string): Renderer {
  const tokens = tokenize(section);
  const pattern = tokens
    .filter((t) => t.kind === "pattern")
    .map((t) => t.text)
    .join("");
  if (!PLACEHOLDER.test(pattern)) {
    // Only literals (e.g. "-"): Excel shows them as they are.
    const text = tokens.map((t) => t.text).join("");
    return () => text;
  }
  const percents = tokens.filter((t) => t.kind === "literal" && t.text === "%").length;
  const point = pattern.indexOf(".");
  // Commas after the last placeholder scale by 1 000 each ("#,##0," shows thousands, "0.0,," millions).
  const scaling = /,+$/.exec(pattern)?.[0].length ?? 0;
  const digits = pattern.slice(0, pattern.length - scaling);
  const intPattern = point < 0 ? digits : digits.slice(0, point);
  const fracPattern = point < 0 ? "" : digits.slice(point + 1);
  const grouped = /[0#?][, \u00a0][0#?]/.test(intPattern);
  const maxDecimals = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPattern.match(/[0?]/g) ?? []).length;
  const minInteger = (intPattern.match(/0/g) ?? []).length;
  // The digits go where the pattern was; literals keep their places around it.
  const at = tokens.findIndex((t) => t.kind === "pattern");
  const before = tokens
    .slice(0, at)
    .filter((t) => t.kind === "literal")
    .map((t) => t.text)
    .join("");
  const after = tokens
    .slice(at + 1)
    .filter((t) => t.kind === "literal")
    .map((t) => t.text)
    .join("");

  return (value) => {
    const scaled = (value * 100 ** percents) / 1000 ** scaling;
    const [intDigits, fracDigits] = roundDecimal(Math.abs(scaled), maxDecimals);
    let frac = fracDigits;
    while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
    let int = intDigits.replace(/^0+/, "");
    if (int.length < minInteger) int = int.padStart(minInteger, "0");
    if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
    const isZero = /^0*$/.test(intDigits + fracDigits);
    const sign = scaled < 0 && !isZero ? "-" : "";
    return sign + before + int + (fracPattern.length > 0 || frac ? DECIMAL_SEPARATOR + frac : "") + after;
  };
}

interface Token {
  kind: "pattern" | "literal";
  text: string;
}

/** Split a section into the digit pattern and the literal text around it (quotes, escapes, "_x", "*x"). */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token["kind"], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push("literal", section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      push("literal", section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      push("literal", " ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (PLACEHOLDER.test(ch) || ch === "." || ch === ",") {
      push("pattern", ch);
    } else if (
      (ch === " " || ch === "\u00a0") &&
      PLACEHOLDER.test(section[i - 1] ?? "") &&
      PLACEHOLDER.test(section[i + 1] ?? "")
    ) {
      // "# ##0": a space between placeholders is the Polish thousands separator
      push("pattern", ch);
    } else {
      push("literal", ch);
    }
  }
  return tokens;
}

/** Round |x| half away from zero at the given decimals, on its 15-significant-digit decimal form as Excel does. */
function roundDecimal(abs: number, decimals: number): [string, string] {
  const [mantissa = "", expText] = abs.toExponential(14).split("e");
  const exp = Number(expText);
  const digits = mantissa.replace(".", "");
  // digits d0 d1 ... with the decimal point after position exp + 1
  let intLen = exp + 1;
  let all = digits;
  if (intLen <= 0) {
    all = "0".repeat(1 - intLen) + all;
    intLen = 1;
  }
  all = all.padEnd(intLen + decimals + 1, "0");
  const keep = all.slice(0, intLen + decimals);
  const roundUp = Number(all[intLen + decimals]) >= 5;
  let kept = roundUp ? incrementDigits(keep) : keep;
  if (kept.length > keep.length) intLen += 1;
  kept = kept.padStart(intLen + decimals, "0");
  return [kept.slice(0, intLen) || "0", kept.slice(intLen)];
}

function incrementDigits(s: string): string {
  const d = s.split("").map(Number);
  for (let i = d.length - 1; i >= 0; i--) {
    const digit = d[i] ?? 0;
    if (digit < 9) {
      d[i] = digit + 1;
      return d.join("");
    }
    d[i] = 0;
  }
  return "1" + d.join("");
}

function renderLiterals(section: string, text: string): string {
  return tokenize(stripBrackets(section))
    .map((t) => (t.kind === "literal" ? t.text.replace(/@/g, () => text) : t.text))
    .join("");
}

// ---------------------------------------------------------------- dates

function isDateFormat(section: string): boolean {
  const unquoted = section.replace(/"[^"]*"|\\./g, "");
  return /[ydhsm]/i.test(unquoted) && !/[0#?]/.test(unquoted);
}

/** The largest serial Excel shows as a date: 9999-12-31 (the 1900 date system). */
const LAST_SERIAL = 2958466;

/**
 * Serial date (1900 system) as its calendar parts. Excel counts a 29 February 1900 that never was (serial 60,
 * Lotus 1-2-3's leap-year bug), so the days before it are one later than the calendar's; serial 0 is 0 January.
 */
function dateParts(serial: number): { y: number; m: number; d: number; h: number; min: number; s: number } {
  // Shown to the second, rounded as Excel does (12:00:59.6 shows 12:01:00).
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const date = new Date((seconds - (25569 - (day < 60 ? 1 : 0)) * 86_400) * 1000);
  const time = { h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds() };
  if (day === 0 || day === 60) return { y: 1900, m: day === 0 ? 1 : 2, d: day === 0 ? 0 : 29, ...time };
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), ...time };
}

/** Month names as Excel in Polish shows them for "mmm"; "mmmmm" shows the first letter ("mmmm" is not drawn). */
const MONTHS = ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"];

function formatDate(serial: number, section: string): string {
  if (serial < 0 || serial >= LAST_SERIAL) return "######";
  const p = dateParts(serial);
  const two = (n: number) => String(n).padStart(2, "0");
  let out = "";
  let afterHour = false;
  for (let i = 0; i < section.length;) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out += section.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(section.slice(i))?.[0];
    if (!run) {
      out += ch;
      i += 1;
      continue;
    }
    const c = run.charAt(0).toLowerCase();
    const n = run.length;
    if (c === "y") out += n <= 2 ? two(p.y % 100) : String(p.y);
    else if (c === "d") out += n === 1 ? String(p.d) : two(p.d);
    else if (c === "h") out += n === 1 ? String(p.h) : two(p.h);
    else if (c === "s") out += n === 1 ? String(p.s) : two(p.s);
    else {
      // "mm" after an hour or before seconds is minutes
      const minutes = n <= 2 && (afterHour || /^[^a-z]*s/i.test(section.slice(i + n)));
      const v = minutes ? p.min : p.m;
      const month = MONTHS[p.m - 1] ?? "";
      if (n === 3) out += month;
      else if (n > 3) out += month.charAt(0);
      else out += n === 1 ? String(v) : two(v);
    }
    afterHour = c === "h";
    i += n;
  }
  return out;
}

/** A moment as the user's clock shows it, "2026-11-23T19:05" (no zone): what a sheet shows as its date. */
export function localTimestamp(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}
