/**
 * The backup journal: every applied plan's backup, kept as JSON inside the workbook on the very hidden
 * JOURNAL_SHEET, one chunk per cell. A cell holds at most 32 767 characters, so the JSON is split.
 *
 * Each chunk starts with a header "mops-journal:v2:g<generation>:<index>/<count>:" so that a chunk never starts
 * with "=", "+", "-" or a digit (Excel would read it as a formula or a number), a reader can tell a version it does
 * not know, and a truncated or reordered journal is detected instead of being half-read. The generation lets an
 * adapter write the new journal beside the old one and only then clear the old one: the reader takes the newest
 * complete generation, so a write interrupted half-way leaves the previous journal in force (write, then switch).
 * Version 1 chunks ("mops-journal:v1:<index>/<count>:") are still read, as generation 0.
 *
 * What is read is validated (addresses, sheet names, formulas, fills): a tampered journal is refused as damaged
 * rather than half-applied.
 *
 * The journal is text only in the workbook: an adapter parses it once when it reads the workbook (parseJournal, into
 * the snapshot) and serialises a plan's journal when it writes (serialiseJournal); the core works on entries.
 */
import { parseA1 } from "./address";
import { isExcelSheetName } from "./summary/sheet-name";
import {
  JOURNAL_SHEET,
  type ActionId,
  type CellBackup,
  type CellImage,
  type Journal,
  type JournalEntry,
  type SheetIdentity,
} from "./plan";
import type { RawValue, WorkbookSnapshot } from "./snapshot";
import type { Message } from "./message";

export const JOURNAL_VERSION = 2;
/** Characters of JSON per chunk: well under Excel's 32 767-character cell limit, header included. */
export const JOURNAL_CHUNK_SIZE = 32_000;

const HEADER = /^mops-journal:v(\d+):(?:g(\d+):)?(\d+)\/(\d+):/;

/** The journal as an adapter read it: its entries and generation, or why it could not be read. */
export interface JournalRead extends Journal {
  /** Why the stored journal could not be read (then `entries` is empty); absent when it read cleanly or there is none. */
  problem?: Message;
}

/** A workbook without a journal. */
export function noJournal(): JournalRead {
  return { entries: [], generation: 0 };
}

/** The journal with one more entry, as the next generation. Never call it on a journal with a problem. */
export function appendJournal(journal: JournalRead, entry: JournalEntry): Journal {
  if (journal.problem) throw new Error(`appendJournal on an unreadable journal: ${journal.problem.en}`);
  return { entries: compact([...journal.entries, entry]), generation: journal.generation + 1 };
}

/** The stored entries and, when the journal is damaged or from a newer version, a message for the user. */
export function parseJournal(chunks: string[]): JournalRead {
  if (chunks.length === 0) return { entries: [], generation: 0 };
  const generations = new Map<number, { version: number; count: number; pieces: (string | undefined)[] }>();
  for (const chunk of chunks) {
    const m = HEADER.exec(chunk);
    if (!m) return damaged("a cell holds something other than the add-in's backup");
    const version = Number(m[1]);
    if (version > JOURNAL_VERSION || version < 1) return newer(version);
    const [gen, index, count] = [Number(m[2] ?? 0), Number(m[3]), Number(m[4])];
    const g = generations.get(gen) ?? { version, count, pieces: [] };
    generations.set(gen, g);
    if (g.count !== count || index >= count || g.pieces[index] !== undefined)
      return damaged("chunks are missing or out of order");
    g.pieces[index] = chunk.slice(m[0].length);
  }
  // The newest generation written to the end; an incomplete newer one is a write that was interrupted.
  const complete = [...generations]
    .filter(([, g]) => g.pieces.filter((p) => p !== undefined).length === g.count)
    .sort(([a], [b]) => b - a);
  const [newest] = complete;
  if (!newest) return damaged("chunks are missing or out of order");
  const [generation, { version, pieces }] = newest;
  let data: unknown;
  try {
    data = reviveNegativeZero(JSON.parse(pieces.join("")));
  } catch {
    return damaged("the JSON does not parse");
  }
  if (!isRecord(data) || !Array.isArray(data.entries)) return damaged("the entries have an unexpected shape");
  const entries: JournalEntry[] = [];
  for (const raw of data.entries) {
    const entry = version === 1 ? fromVersion1(raw) : raw;
    const why = entryProblem(entry);
    if (why) return damaged(why);
    entries.push(entry as JournalEntry);
  }
  return { entries, generation };
}

/**
 * Why no plan may change this workbook until someone decides: its backup cannot be read (damaged, from a newer
 * version, or a sheet with the backup's name holding something else, which the add-in must never overwrite). An
 * empty sheet of that name holds nothing to lose (an interrupted first write leaves one): it is used. Null when fine.
 */
export function backupProblem(wb: WorkbookSnapshot): Message | null {
  return wb.journal.problem ?? null;
}

/** Does the workbook hold a sheet with the backup's name that holds no entries (reads as no journal)? */
export function emptyJournalSheet(wb: WorkbookSnapshot): boolean {
  return (
    wb.journal.entries.length === 0 &&
    !wb.journal.problem &&
    wb.sheetNames.some((n) => n.toLowerCase() === JOURNAL_SHEET.toLowerCase())
  );
}

/** A journal as chunks of its generation, for an adapter to store; [] for no entries (it removes the journal sheet). */
export function serialiseJournal({ entries, generation }: Journal): string[] {
  if (entries.length === 0) return [];
  const json = JSON.stringify({ entries }, (_key, value: unknown) => (Object.is(value, -0) ? NEGATIVE_ZERO : value));
  const pieces: string[] = [];
  for (let start = 0; start < json.length;) {
    let end = Math.min(start + JOURNAL_CHUNK_SIZE, json.length);
    // Never split a surrogate pair: each cell must hold valid UTF-16 on its own.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    pieces.push(json.slice(start, end));
    start = end;
  }
  return pieces.map((p, i) => `mops-journal:v${JOURNAL_VERSION}:g${generation}:${i}/${pieces.length}:${p}`);
}

/** The generation of a chunk (0 for version 1), or null when it has no header. */
export function chunkGeneration(chunk: string): number | null {
  const m = HEADER.exec(chunk);
  return m ? Number(m[2] ?? 0) : null;
}

/**
 * One backup record per cell: a cell backed up again (same sheet, address and row) merges into its first record,
 * whose before-image keeps what was there first and whose after-image takes what was written last.
 */
function compact(entries: JournalEntry[]): JournalEntry[] {
  const first = new Map<string, CellBackup>();
  return entries.map((entry) => {
    const cells: CellBackup[] = [];
    for (const cell of entry.cells) {
      const key = `${cell.sheet}\u0000${cell.address}\u0000${cell.row?.col ?? ""}\u0000${cell.row?.text ?? ""}`;
      const earlier = first.get(key);
      if (!earlier) {
        const copy = { ...cell, before: { ...cell.before }, after: { ...cell.after } };
        first.set(key, copy);
        cells.push(copy);
        continue;
      }
      for (const part of Object.keys(cell.before) as (keyof CellImage)[]) {
        if (!(part in earlier.before)) (earlier.before as Record<string, unknown>)[part] = cell.before[part];
      }
      Object.assign(earlier.after, cell.after);
    }
    return { ...entry, cells };
  });
}

function damaged(why: string): JournalRead {
  return {
    entries: [],
    generation: 0,
    problem: {
      pl: `Kopia zapasowa dodatku w tym skoroszycie (arkusz ${JOURNAL_SHEET}) jest uszkodzona i nie może zostać odczytana (${why}). Dodatek jej nie zmieni i nie wprowadzi zmian, dopóki ktoś o niej nie zdecyduje. Nic nie zostało zmienione.`,
      en: `The add-in's backup in this workbook (sheet ${JOURNAL_SHEET}) is damaged and cannot be read (${why}). The add-in leaves it as it is and changes nothing until someone decides. Nothing was changed.`,
    },
  };
}

function newer(version: number): JournalRead {
  return {
    entries: [],
    generation: 0,
    problem: {
      pl: `Kopia zapasowa pochodzi z nowszej wersji dodatku (wersja ${version}) i nie może zostać odczytana. Zaktualizuj dodatek; do tego czasu nic nie zostanie zmienione.`,
      en: `The backup was written by a newer version of the add-in (version ${version}) and cannot be read. Update the add-in; until then nothing is changed.`,
    },
  };
}

/** A version 1 entry (one image per cell, no record of what was written) in version 2's shape. */
function fromVersion1(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.cells) || !Array.isArray(raw.addedSheets)) return raw;
  const cells = raw.cells.map((c: unknown) => {
    if (!isRecord(c)) return c;
    const { sheet, address, value, formula, numberFormat, fill } = c;
    // Colouring changed fills only; its value, formula and format were copied for nothing.
    const before = raw.action === "color" ? { fill } : { value, formula, numberFormat, fill };
    return { sheet, address, before, after: {} };
  });
  const summaryOf = typeof raw.summaryOf === "string" ? raw.summaryOf : undefined;
  // A version 1 summary's A1 held its title: the mark that it is still the add-in's.
  const sheets = (raw.addedSheets as unknown[]).map((name) => ({
    name,
    ...(summaryOf === undefined ? {} : { mark: `Podsumowanie wskaźników: ${summaryOf}` }),
  }));
  return { ...raw, cells, sheets };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const ACTIONS: readonly ActionId[] = ["recalculate", "color", "summary", "restore", "findings"];
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA = 8_192;

/** Excel's rules for a sheet name; the journal's own sheet is never a sheet a backup may name. */
function isSheetName(x: unknown): x is string {
  return typeof x === "string" && isExcelSheetName(x) && x.toLowerCase() !== JOURNAL_SHEET.toLowerCase();
}

/** A1 address inside Excel's grid (XFD1048576 at most). */
export function isCellAddress(x: unknown): x is string {
  if (typeof x !== "string" || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(x)) return false;
  const { row, col } = parseA1(x);
  return row < MAX_ROW && col < MAX_COL;
}

function isRawValue(x: unknown): x is RawValue {
  if (x === null || typeof x === "boolean") return true;
  if (typeof x === "number") return Number.isFinite(x);
  return typeof x === "string" && x.length <= MAX_CELL_TEXT;
}

function isFormula(x: unknown): boolean {
  return (
    x === null ||
    (typeof x === "string" &&
      x.startsWith("=") &&
      x.length > 1 &&
      x.length <= MAX_FORMULA &&
      ![...x].some((ch) => ch.charCodeAt(0) < 9))
  );
}

function imageProblem(x: unknown): string | null {
  if (!isRecord(x)) return "a cell image is not an object";
  for (const key of Object.keys(x))
    if (!["value", "formula", "numberFormat", "fill"].includes(key)) return `unknown cell part ${key}`;
  if ("value" in x && !isRawValue(x.value)) return "a bad cell value";
  if ("formula" in x && !isFormula(x.formula)) return "a bad formula";
  if ("numberFormat" in x && !(typeof x.numberFormat === "string" && x.numberFormat.length <= 255))
    return "a bad number format";
  if ("fill" in x && !(x.fill === null || (typeof x.fill === "string" && /^#[0-9A-Fa-f]{6}$/.test(x.fill))))
    return "a bad fill";
  return null;
}

function cellProblem(x: unknown): string | null {
  if (!isRecord(x)) return "a cell is not an object";
  if (!isSheetName(x.sheet)) return "a bad sheet name";
  if (!isCellAddress(x.address)) return `a bad address ${JSON.stringify(String(x.address)).slice(0, 20)}`;
  const row = x.row;
  if (
    row !== undefined &&
    !(
      isRecord(row) &&
      Number.isInteger(row.col) &&
      (row.col as number) >= 0 &&
      (row.col as number) < MAX_COL &&
      typeof row.text === "string"
    )
  )
    return "a bad row identity";
  return imageProblem(x.before) ?? imageProblem(x.after);
}

function isIdentity(x: unknown): x is SheetIdentity {
  return (
    isRecord(x) &&
    isSheetName(x.name) &&
    (x.officeId === undefined || typeof x.officeId === "string") &&
    (x.fileId === undefined || (Number.isInteger(x.fileId) && (x.fileId as number) > 0)) &&
    (x.mark === undefined || typeof x.mark === "string")
  );
}

/** Why an entry cannot be trusted, or null. */
function entryProblem(x: unknown): string | null {
  if (!isRecord(x) || !ACTIONS.includes(x.action as ActionId) || typeof x.at !== "string")
    return "an entry has an unexpected shape";
  if (!Array.isArray(x.cells) || !Array.isArray(x.addedSheets) || !Array.isArray(x.sheets))
    return "an entry has an unexpected shape";
  for (const c of x.cells) {
    const why = cellProblem(c);
    if (why) return why;
  }
  if (!x.addedSheets.every(isSheetName)) return "a bad added sheet";
  if (!x.sheets.every(isIdentity)) return "a bad sheet identity";
  if (x.summaryOf !== undefined && typeof x.summaryOf !== "string") return "a bad summary source";
  if (x.rules !== undefined && !(Array.isArray(x.rules) && x.rules.every(isSheetName)))
    return "a bad list of sheets with rules";
  return null;
}

/** JSON writes -0 as 0, and a backed-up -0 must come back as it was; no cell value is an object, so this is safe. */
const NEGATIVE_ZERO = { number: "-0" };

/**
 * Each -0 back from its marker. A walk after parsing rather than JSON.parse's reviver, which calls back for every
 * value of a journal (a big one holds hundreds of thousands) and so takes longer than the parse itself.
 */
function reviveNegativeZero(value: unknown): unknown {
  if (isNegativeZero(value)) return -0;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === "object" && child !== null) record[key] = reviveNegativeZero(child);
    }
  }
  return value;
}

function isNegativeZero(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { number?: unknown }).number === "-0" &&
    Object.keys(value).length === 1
  );
}
