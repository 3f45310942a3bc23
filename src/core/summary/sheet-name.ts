/**
 * Naming the summary sheet and its table. Excel sheet names are at most 31 characters, cannot hold \ / ? * [ ] :
 * nor start or end with an apostrophe, and are unique regardless of case; table names are unique in the workbook,
 * start with a letter and hold letters, digits and underscores.
 */
import { JOURNAL_SHEET, type JournalEntry } from "../plan";
import type { WorkbookSnapshot } from "../snapshot";

export const SUMMARY_SHEET = "Podsumowanie";
const TABLE_BASE = "Podsumowanie_wskaznikow";
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/;

/**
 * Excel's length and character rules for a sheet name, as the backup and the pre-write check apply them (an
 * apostrophe at either end is not checked here).
 */
export function isExcelSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN.test(name);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Is the sheet among the names, as Excel compares sheet names (regardless of case)? */
export function isListed(names: string[], sheet: string): boolean {
  return names.some((n) => same(n, sheet));
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair; no trailing space or apostrophe. */
function cut(text: string, max: number): string {
  let end = Math.min(max, text.length);
  const code = text.charCodeAt(end - 1);
  if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).replace(/[\s']+$/, "");
}

/** A sheet name Excel accepts, from any text: forbidden characters dropped, cut to 31 characters. */
export function validSheetName(text: string): string {
  return cut(text.replace(new RegExp(FORBIDDEN.source, "g"), "").replace(/^[\s']+/, ""), MAX_SHEET_NAME);
}

/** "Podsumowanie" when the source is the user's only sheet, else "Podsumowanie – <source>". */
export function baseSummaryName(source: string, userSheets: number): string {
  return userSheets > 1 ? validSheetName(`${SUMMARY_SHEET} – ${source}`) : SUMMARY_SHEET;
}

/** The base, then "<base> (2)", "<base> (3)" ..., each within 31 characters. */
function candidate(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return cut(base, MAX_SHEET_NAME - suffix.length) + suffix;
}

export interface SummaryName {
  name: string;
  /** The existing sheet (added by the add-in earlier) that the new summary replaces, or null. */
  replaces: string | null;
  /** The user's own sheet that bears the base name and is left alone, or null. */
  avoided: string | null;
}

/**
 * The name of the new summary. A sheet of that name that the add-in added earlier as a summary of the same
 * source is replaced (the first such candidate wins, so a summary pushed to "(2)" keeps being replaced there);
 * a user's own sheet, or another source's summary whose name was cut to the same 31 characters, is never
 * touched: the next free candidate is taken instead.
 */
export function chooseSummaryName(
  base: string,
  sheetNames: string[],
  addedByAddin: string[],
  ofThisSource: string[],
): SummaryName {
  const existing = (name: string): string | undefined => sheetNames.find((s) => same(s, name));
  const user = existing(base) !== undefined && !isListed(addedByAddin, base) ? (existing(base) as string) : null;
  const candidates = Array.from({ length: sheetNames.length + 1 }, (_, i) => candidate(base, i + 1));
  const previous = candidates.find((c) => existing(c) !== undefined && isListed(ofThisSource, c));
  if (previous !== undefined) return { name: previous, replaces: existing(previous) as string, avoided: user };
  const free = candidates.find((c) => existing(c) === undefined) as string;
  return { name: free, replaces: null, avoided: user };
}

/**
 * The sheets the add-in added as summaries of `source`, by the journal (the latest entry naming a sheet decides).
 * A sheet from an entry that does not record its source counts as this source's: it can only be an earlier summary.
 */
export function summariesOf(entries: JournalEntry[], source: string): string[] {
  const owner = new Map<string, string | null>();
  for (const e of entries) {
    for (const name of e.addedSheets)
      owner.set(name.toLowerCase(), typeof e.summaryOf === "string" ? e.summaryOf : null);
  }
  return [...owner].filter(([, of]) => of === null || same(of, source)).map(([name]) => name);
}

/** Sheets that are the user's: neither the journal sheet nor a sheet the add-in added. */
export function userSheetNames(sheetNames: string[], addedByAddin: string[]): string[] {
  return sheetNames.filter((s) => !same(s, JOURNAL_SHEET) && !isListed(addedByAddin, s));
}

/** "Podsumowanie_wskaznikow", with the rest of the sheet name folded to ASCII ("..._Zalacznik_5", "..._2"). */
export function summaryTableName(sheetName: string): string {
  return tableName(TABLE_BASE, sheetName.slice(SUMMARY_SHEET.length));
}

/** A table name: the base, then the text folded to ASCII letters, digits and underscores. */
export function tableName(base: string, text: string): string {
  const folded = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return folded === "" ? base : `${base}_${folded}`;
}

/**
 * `base`, or `base_2`, `base_3`… when a table or defined name of the workbook already has it (Excel refuses a
 * table named as another table or a defined name, ignoring case). Tables on the sheets a plan deletes first do not
 * count: their names are free again when the new table is made.
 */
export function freeTableName(base: string, wb: WorkbookSnapshot, deleted: string[]): string {
  const gone = new Set(deleted.map((n) => n.toLowerCase()));
  const taken = new Set(
    (wb.names ?? [])
      .filter((n) => n.sheet === undefined || !gone.has(n.sheet.toLowerCase()))
      .map((n) => n.name.toLowerCase()),
  );
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}
