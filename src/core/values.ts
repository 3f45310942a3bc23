/**
 * Reading a cell as an indicator value, whether it holds a true number with a format or Polish text typed by hand
 * ("5 120", "9,54%", "-0,92", "b.d.", "x", "778.703,58zł", "MOPS KIS 17%" over "GUP 4%").
 */
import type { ParsedValue } from "./model";
import type { RawValue } from "./snapshot";
import { MISSING_WORDS, NOT_APPLICABLE_WORDS } from "./vocabulary";

const ERROR_VALUE =
  /^#(DIV\/0!|N\/A|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;
/** Spaces that Polish number formats and copy-paste produce as thousands separators. */
const SPACES = /[\s\u00a0\u2007\u202f]+/g;
/** sign, digits with optional grouping, optional decimals, optional percent, optional currency or unit word */
const NUMBER_TEXT = /^([-\u2212\u2013+]?)(\d[\d\s\u00a0\u2007\u202f.,]*?)\s*(%?)\s*(zł|pln|[a-ząćęłńóśźż]{2,20})?\.?$/i;

export function isErrorText(s: string): boolean {
  return ERROR_VALUE.test(s.trim());
}

/** Decimals a number format shows ("0.00%" -> 2, "#,##0" -> 0), or null for General. */
export function formatDecimals(numberFormat: string): number | null {
  const section = positiveSection(numberFormat);
  if (/^general$/i.test(section.trim()) || section.trim() === "") return null;
  return /[.]([0#?]+)/.exec(section)?.[1]?.length ?? 0;
}

export function isPercentFormat(numberFormat: string): boolean {
  return positiveSection(numberFormat).includes("%");
}

/** A format's first (positive) section, its quoted and escaped literals left out. */
function positiveSection(numberFormat: string): string {
  const [section = ""] = numberFormat.split(";"); // split always yields one section at least
  return stripQuoted(section);
}

function stripQuoted(format: string): string {
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
}

export function parseValue(raw: RawValue, text: string, numberFormat: string): ParsedValue {
  const shown = text ?? "";
  if (typeof raw === "number") return parseTrueNumber(raw, shown, numberFormat);
  if (typeof raw === "boolean") return plain("text", shown || String(raw));
  const source = typeof raw === "string" ? raw : shown;
  return parseText(source);
}

function parseTrueNumber(raw: number, shown: string, numberFormat: string): ParsedValue {
  const percent = isPercentFormat(numberFormat) || shown.trim().endsWith("%");
  const fromText = shown.trim() === "" ? null : readNumberText(shown.trim());
  const decimals = fromText?.decimals ?? formatDecimals(numberFormat) ?? decimalsOf(percent ? raw * 100 : raw);
  return {
    kind: percent ? "percent" : "number",
    value: raw,
    decimals,
    text: shown.trim() === "" ? String(raw) : shown,
    typedAsText: false,
  };
}

/** Reads typed text. Exported for the recogniser, which also meets numbers inside labels. */
export function parseText(source: string): ParsedValue {
  const s = source.replace(/\r\n?/g, "\n").trim();
  if (s === "") return plain("missing", source);
  if (isErrorText(s)) return plain("error", source);
  const word = s.toLowerCase().replace(SPACES, " ");
  if (MISSING_WORDS.includes(word)) return plain("missing", source);
  if (NOT_APPLICABLE_WORDS.includes(word)) return plain("not_applicable", source);
  if (s.includes("\n")) {
    const parts = parseParts(s);
    if (parts) return { kind: "multiple", value: null, decimals: null, text: source, typedAsText: true, parts };
  }
  const n = readNumberText(s) ?? readScientific(s);
  if (!n) return plain("text", source);
  return {
    kind: n.percent ? "percent" : "number",
    value: n.value,
    decimals: n.decimals,
    text: source,
    typedAsText: true,
  };
}

/** Each line "label value" or "value": all lines must hold a value, or the cell is just text. */
function parseParts(s: string): { label: string; value: ParsedValue }[] | null {
  const parts: { label: string; value: ParsedValue }[] = [];
  for (const line of s
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")) {
    const m = /^(.*?)\s*([-\u2212]?\d[\d\s\u00a0.,]*%?)$/.exec(line);
    if (!m) return null;
    const [, label = "", text = ""] = m; // both groups always take part in a match
    const value = parseText(text);
    if (value.kind !== "number" && value.kind !== "percent") return null;
    parts.push({ label: label.trim(), value });
  }
  return parts.length >= 2 ? parts : null;
}

interface NumberText {
  value: number;
  decimals: number;
  percent: boolean;
}

/** "5 120" -> 5120; "9,54%" -> 0.0954 (2 decimals); "778.703,58zł" -> 778703.58; "26 asystentów" -> 26. */
export function readNumberText(s: string): NumberText | null {
  const m = NUMBER_TEXT.exec(s.trim());
  if (!m) return null;
  const [, sign, body = "", pct] = m; // the digits group always takes part in a match
  const digits = splitDecimal(body.replace(SPACES, " ").trim());
  if (!digits) return null;
  const magnitude = Number(`${digits.int}${digits.frac ? "." + digits.frac : ""}`);
  if (!Number.isFinite(magnitude)) return null;
  const signed = sign === "" || sign === "+" ? magnitude : -magnitude;
  const percent = pct === "%";
  return {
    value: percent ? cleanFloat(signed / 100) : signed,
    decimals: digits.frac.length,
    percent,
  };
}

/** "1,5E-07", as Excel's General format shows very small or large numbers, and as such text gets pasted back. */
function readScientific(s: string): NumberText | null {
  const m = /^([-\u2212]?)(\d+)(?:[.,](\d+))?E([-+]?\d{1,3})$/i.exec(s.trim());
  if (!m) return null;
  const value = Number(`${m[1] === "" ? "" : "-"}${m[2]}.${m[3] ?? "0"}e${m[4]}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: Math.max(0, (m[3]?.length ?? 0) - Number(m[4])), percent: false };
}

/**
 * Polish sheets write a decimal comma and group thousands with spaces, but dots turn up as thousands separators
 * ("778.703,58") and as decimal points from English copies ("2.5"). The last of "," and "." is the decimal mark when both
 * occur; a lone "." followed by groups of exactly three digits repeated is grouping; otherwise a lone mark is decimal.
 */
function splitDecimal(body: string): { int: string; frac: string } | null {
  const compact = body.replace(/ /g, "");
  if (body.includes(" ") && !/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(body)) return null;
  const lastComma = compact.lastIndexOf(",");
  const lastDot = compact.lastIndexOf(".");
  let decimalMark: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? "," : ".";
  else if (lastComma >= 0) decimalMark = ",";
  else if (lastDot >= 0) decimalMark = /^\d{1,3}(\.\d{3}){2,}$/.test(compact) ? null : ".";
  const group = decimalMark === "," ? "." : decimalMark === "." ? "," : ".";
  const noGroups = compact.split(group).join("");
  if (decimalMark === null) return /^\d+$/.test(noGroups) ? { int: noGroups, frac: "" } : null;
  const at = noGroups.lastIndexOf(decimalMark);
  const int = noGroups.slice(0, at);
  const frac = noGroups.slice(at + 1);
  return /^\d+$/.test(int) && /^\d+$/.test(frac) ? { int, frac } : null;
}

function plain(kind: ParsedValue["kind"], text: string): ParsedValue {
  return { kind, value: null, decimals: null, text, typedAsText: kind !== "missing" || text.trim() !== "" };
}

/** 9.54 / 100 is 0.09540000000000001 in binary floating point; 15 significant digits is what Excel keeps. */
export function cleanFloat(n: number): number {
  return Number(n.toPrecision(15));
}

function decimalsOf(n: number): number {
  const s = String(cleanFloat(n));
  const at = s.indexOf(".");
  return at < 0 || s.includes("e") ? 0 : s.length - at - 1;
}

/** The value in the unit a reader sees: a percent as its percentage (0.0954 -> 9.54). */
export function displayNumber(v: ParsedValue): number | null {
  if (v.value === null) return null;
  return v.kind === "percent" ? cleanFloat(v.value * 100) : v.value;
}
