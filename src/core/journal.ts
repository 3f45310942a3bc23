/**
 * The backup journal: every applied plan's backup, kept as JSON inside the workbook on the very hidden
 * JOURNAL_SHEET, one chunk per cell of column A. A cell holds at most 32 767 characters, so the JSON is split.
 *
 * Each chunk starts with a header "mops-journal:v1:<index>/<count>:" so that a chunk never starts with "=",
 * "+", "-" or a digit (Excel would read it as a formula or a number), a reader can tell a version it does not
 * know, and a truncated or reordered journal is detected instead of being half-read.
 */
import type { ActionId, CellBackup, JournalEntry } from "./plan";

export const JOURNAL_VERSION = 1;
/** Characters of JSON per chunk: well under Excel's 32 767-character cell limit, header included. */
export const JOURNAL_CHUNK_SIZE = 32_000;

const HEADER = /^mops-journal:v(\d+):(\d+)\/(\d+):/;

export interface JournalRead {
  entries: JournalEntry[];
  /** Why the stored journal could not be read; absent when it read cleanly (or there is none). */
  problem?: { pl: string; en: string };
}

/** The journal with one more entry, as chunks to store. A corrupt journal is replaced (see journalProblem). */
export function appendJournal(chunks: string[], entry: JournalEntry): string[] {
  return writeJournal([...readJournal(chunks), entry]);
}

/** The stored entries, oldest first; [] when there is no journal or it cannot be read. */
export function readJournal(chunks: string[]): JournalEntry[] {
  return readJournalChecked(chunks).entries;
}

/** The stored entries and, when the journal is damaged or from a newer version, a message for the user. */
export function readJournalChecked(chunks: string[]): JournalRead {
  if (chunks.length === 0) return { entries: [] };
  const pieces: string[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const m = HEADER.exec(chunk);
    if (!m) return damaged("a chunk has no journal header");
    if (Number(m[1]) !== JOURNAL_VERSION) {
      return {
        entries: [],
        problem: {
          pl: `Kopia zapasowa pochodzi z nowszej wersji dodatku (wersja ${m[1]}) i nie może zostać odczytana.`,
          en: `The backup was written by a newer version of the add-in (version ${m[1]}) and cannot be read.`,
        },
      };
    }
    if (Number(m[2]) !== i || Number(m[3]) !== chunks.length) return damaged("chunks are missing or out of order");
    pieces.push(chunk.slice(m[0].length));
  }
  let data: unknown;
  try {
    data = JSON.parse(pieces.join(""), (_key, value: unknown) => (isNegativeZero(value) ? -0 : value));
  } catch {
    return damaged("the JSON does not parse");
  }
  if (!isRecord(data) || !Array.isArray(data.entries) || !data.entries.every(isEntry)) {
    return damaged("the entries have an unexpected shape");
  }
  return { entries: data.entries };
}

/** A message for the user when the stored journal cannot be read, or null. */
export function journalProblem(chunks: string[]): { pl: string; en: string } | null {
  return readJournalChecked(chunks).problem ?? null;
}

/** Entries to chunks; [] for no entries (the adapter then removes the journal sheet). */
export function writeJournal(entries: JournalEntry[]): string[] {
  if (entries.length === 0) return [];
  const json = JSON.stringify({ entries }, (_key, value: unknown) => (Object.is(value, -0) ? NEGATIVE_ZERO : value));
  const pieces: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(start + JOURNAL_CHUNK_SIZE, json.length);
    // Never split a surrogate pair: each cell must hold valid UTF-16 on its own.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    pieces.push(json.slice(start, end));
    start = end;
  }
  return pieces.map((p, i) => `mops-journal:v${JOURNAL_VERSION}:${i}/${pieces.length}:${p}`);
}

function damaged(why: string): JournalRead {
  return {
    entries: [],
    problem: {
      pl: "Kopia zapasowa dodatku w tym skoroszycie jest uszkodzona i nie może zostać odczytana; przywracanie jest niemożliwe.",
      en: `The add-in's backup in this workbook is damaged and cannot be read (${why}); nothing can be restored.`,
    },
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const ACTIONS: readonly ActionId[] = ["recalculate", "color", "summary", "restore", "findings"];

function isRawValue(x: unknown): boolean {
  return x === null || ["number", "string", "boolean"].includes(typeof x);
}

function isBackup(x: unknown): x is CellBackup {
  return (
    isRecord(x) &&
    typeof x.sheet === "string" &&
    typeof x.address === "string" &&
    isRawValue(x.value) &&
    (x.formula === null || typeof x.formula === "string") &&
    typeof x.numberFormat === "string" &&
    (x.fill === null || typeof x.fill === "string")
  );
}

function isEntry(x: unknown): x is JournalEntry {
  return (
    isRecord(x) &&
    ACTIONS.includes(x.action as ActionId) &&
    typeof x.at === "string" &&
    Array.isArray(x.cells) &&
    x.cells.every(isBackup) &&
    Array.isArray(x.addedSheets) &&
    x.addedSheets.every((s) => typeof s === "string") &&
    (x.summaryOf === undefined || typeof x.summaryOf === "string")
  );
}

/** JSON writes -0 as 0, and a backed-up -0 must come back as it was; no cell value is an object, so this is safe. */
const NEGATIVE_ZERO = { number: "-0" };

function isNegativeZero(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { number?: unknown }).number === "-0" && Object.keys(value).length === 1;
}
