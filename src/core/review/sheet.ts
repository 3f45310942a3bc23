/**
 * "Wstaw raport uwag": a sheet right after the source sheet listing every finding of that sheet, for a reviewer
 * to print, hand in and annotate. From the top: the source sheet's name (A1:B1, by which decisions are read
 * back), the date and the counts; then a table (with filters) of one row per finding, errors first and the
 * largest differences first, each linked to its cell; the reviewer's "Decyzja" (a drop-down list) and
 * "Komentarz"; and the finding's key in the last column, hidden, so that decisions can be read back and carried
 * into the next check and the next insertion of the sheet.
 *
 * The sheet is named "Uwagi" when the source is the user's only sheet, "Uwagi (<source>)" otherwise; like the
 * summary it replaces only the add-in's earlier findings sheet of the same source and never a user's sheet.
 */
import { rangeA1, sheetRef } from "../address";
import { appendJournal, backupProblem } from "../journal";
import type { Analysis, Finding, Severity } from "../model";
import { planOfNothing, refusedPlan, type EditPlan, type JournalEntry, type LinkEdit, type NewSheet } from "../plan";
import { excelDate } from "../plans/summary";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { valueFormat, type SummaryCell } from "../summary/columns";
import { FILTER_BUTTON, SheetBuilder } from "../summary/sheet-builder";
import {
  chooseSummaryName,
  freeTableName,
  isListed,
  MAX_SHEET_NAME,
  tableName,
  userSheetNames,
  validSheetName,
} from "../summary/sheet-name";
import type { Carried } from "./carry";
import { carriedNotes } from "./carry-notes";
import { DECISION_LABELS, DECISIONS, decisionsFor, REVIEW_HEADERS, SOURCE_LABEL, type ReviewEntry } from "./decisions";
import { findingFigures, type FindingFigures } from "./figures";
import { keyedFindings } from "./key";
import { verbatim, type Message } from "../message";
import { enCount, plCount } from "../plural";

export const REVIEW_SHEET = "Uwagi";

export interface FindingsOptions {
  sheet: string;
  /** ISO timestamp (core has no clock). */
  now: string;
  /** Decisions carried from last year's edition (carry.ts); the sheet's own decisions come first. */
  carried?: Carried;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: "Błąd", warning: "Ostrzeżenie", info: "Informacja" };
const SEVERITY_FILL: Partial<Record<Severity, string>> = { error: "#F4CCCC", warning: "#FFF2CC" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Header row (0-based): below the source, date and counts. */
const HEADER_ROW = 4;
const MESSAGE_WIDTH = 70;

/** "Uwagi" for the user's only sheet, else "Uwagi (<source>)" with the source cut to fit 31 characters. */
export function baseReviewName(source: string, userSheets: number): string {
  if (userSheets <= 1) return REVIEW_SHEET;
  const room = MAX_SHEET_NAME - REVIEW_SHEET.length - 3;
  return validSheetName(`${REVIEW_SHEET} (${validSheetName(source).slice(0, room).trimEnd()})`);
}

/** Is this sheet name one a findings sheet may have? Adapters read such sheets along with the active one. */
export function mayBeReviewSheet(name: string): boolean {
  return name.toLowerCase().startsWith(REVIEW_SHEET.toLowerCase());
}

/** Sheets the journal lists as findings sheets of `source` (the latest entry naming a sheet decides). */
export function reviewSheetsOf(entries: JournalEntry[], source: string): string[] {
  const owner = new Map<string, string | null>();
  for (const e of entries)
    for (const name of e.addedSheets)
      owner.set(name.toLowerCase(), e.action === "findings" ? (e.summaryOf ?? null) : null);
  return [...owner].filter(([, of]) => of !== null && of.toLowerCase() === source.toLowerCase()).map(([name]) => name);
}

/** Every sheet of the snapshot that may hold decisions: those read along (`reviews`) and those read in full. */
export function reviewSnapshots(wb: WorkbookSnapshot): SheetSnapshot[] {
  return [...(wb.reviews ?? []), ...wb.sheets.filter((s) => mayBeReviewSheet(s.name))];
}

/** What the reviewer wrote for `source`'s findings on the workbook's findings sheets: a row left empty is open anyway. */
export function writtenDecisions(wb: WorkbookSnapshot, source: string): Map<string, ReviewEntry> {
  return new Map(
    [...decisionsFor(reviewSnapshots(wb), source)].filter(([, e]) => e.decision !== "open" || e.comment !== ""),
  );
}

interface Row {
  finding: Finding;
  key: string;
  figures: FindingFigures;
  order: number;
}

/** Errors first, then warnings and notes; within each, the largest relative difference first, then sheet order. */
export function sortForReview(rows: Row[]): Row[] {
  return [...rows].sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      (b.figures.size ?? -1) - (a.figures.size ?? -1) ||
      a.order - b.order,
  );
}

function columnText(column: string | null): string {
  if (column === null) return "";
  if (column === "baseline") return "wartość bazowa";
  if (column === "target") return "wartość docelowa";
  return column;
}

function figureCell(value: number | string | null, percent: boolean): SummaryCell {
  if (value === null) return { value: null };
  if (typeof value === "string") return { value, numberFormat: "@" };
  return { value, numberFormat: valueFormat(percent, 2) };
}

/** A percent row's difference in percentage points ("-2,3 p.p."), since "-2,3%" would read as a relative change. */
function differenceCell(f: FindingFigures): SummaryCell {
  if (f.difference === null) return { value: null };
  if (!f.percent) return { value: f.difference, numberFormat: "+#,##0.##;-#,##0.##;0" };
  return { value: Number((f.difference * 100).toPrecision(12)), numberFormat: '+0.00" p.p.";-0.00" p.p.";0" p.p."' };
}

const HEADERS = [
  "Waga",
  "Komórka",
  "Lp.",
  "Kod",
  "Wskaźnik",
  "Rok",
  "Wpisano",
  "Oczekiwano",
  "Różnica",
  "Opis",
  REVIEW_HEADERS.decision,
  REVIEW_HEADERS.comment,
  REVIEW_HEADERS.key,
];
const WIDTHS = [12, 10, 6, 10, 40, 16, 12, 12, 12, MESSAGE_WIDTH, 16, 30, 4];
/** Columns of the reviewer's decision and comment and of the hidden key (0-based). */
const DECISION_COL = 10;
const COMMENT_COL = 11;
const KEY_COL = 12;

/** What the sheet lists: this check's findings in review order, and the decisions carried onto them or kept. */
interface ReviewContent {
  rows: Row[];
  /** Decisions the sheet itself holds (from its previous insertion), by finding key. */
  previous: Map<string, ReviewEntry>;
  /** Decisions carried from last year's edition on findings the sheet has none for. */
  fromLastYear: Map<string, ReviewEntry>;
  /** Decisions and comments on findings that are gone are the reviewer's words: they stay, at the end. */
  stale: [string, ReviewEntry][];
}

export function planFindings(wb: WorkbookSnapshot, analysis: Analysis, opts: FindingsOptions): EditPlan {
  // As every plan: an unreadable backup is left as it is, and nothing is changed until someone decides.
  const problem = backupProblem(wb);
  if (problem) return refusedPlan("findings", wb.journal, problem);
  const entries = wb.journal.entries;
  const added = entries.flatMap((e) => e.addedSheets);
  if (isListed(added, opts.sheet)) {
    return planOfNothing("findings", wb.journal, {
      pl: `Arkusz „${opts.sheet}” dodał dodatek: wybierz arkusz z tabelą wskaźników.`,
      en: `Sheet "${opts.sheet}" was added by the add-in: choose a sheet with an indicator table.`,
    });
  }
  const content = reviewContent(wb, analysis, opts);
  if (content.rows.length === 0 && content.stale.length === 0) {
    return planOfNothing("findings", wb.journal, {
      pl: `Sprawdzenie arkusza „${opts.sheet}” nie znalazło uwag: nie ma czego wpisać do arkusza uwag.`,
      en: `Validating sheet "${opts.sheet}" found nothing: there is nothing to list on a findings sheet.`,
    });
  }
  const base = baseReviewName(opts.sheet, userSheetNames(wb.sheetNames, added).length);
  const { name, replaces, avoided } = chooseSummaryName(
    base,
    wb.sheetNames,
    added,
    reviewSheetsOf(entries, opts.sheet),
  );
  return {
    action: "findings",
    edits: [],
    addSheets: [findingsSheet(wb, content, opts, name, replaces)],
    deleteSheets: replaces === null ? [] : [replaces],
    // The replaced sheet is deleted only while its A1 still carries the add-in's mark.
    expect: replaces === null ? [] : [{ sheet: replaces, address: "A1", formula: SOURCE_LABEL }],
    changes: [
      {
        sheet: name,
        address: "",
        before: replaces === null ? verbatim("") : { pl: "poprzedni arkusz uwag", en: "the previous findings sheet" },
        after: {
          pl: `${replaces === null ? "nowy arkusz" : "nowy arkusz uwag"}: ${plCount(content.rows.length, { one: "uwaga", few: "uwagi", many: "uwag" })} z arkusza „${opts.sheet}”`,
          en: `${replaces === null ? "a new sheet" : "a new findings sheet"}: ${enCount(content.rows.length, "finding", "findings")} from the sheet "${opts.sheet}"`,
        },
      },
    ],
    // The new sheet has no id before it exists (the backup is written first): its mark is the label in A1.
    journal: appendJournal(wb.journal, {
      action: "findings",
      at: opts.now,
      cells: [],
      addedSheets: [name],
      sheets: [{ name, mark: SOURCE_LABEL }],
      summaryOf: opts.sheet,
    }),
    notes: findingsNotes(content, opts, name, avoided),
  };
}

/** The sheet's findings in review order, with the decisions the previous findings sheet and last year carry. */
function reviewContent(wb: WorkbookSnapshot, analysis: Analysis, opts: FindingsOptions): ReviewContent {
  const findings = analysis.findings.filter((f) => f.sheet === opts.sheet);
  const previous = writtenDecisions(wb, opts.sheet);
  const keyed = keyedFindings(findings, analysis);
  const fromLastYear = new Map([...(opts.carried?.entries ?? [])].filter(([k]) => !previous.has(k)));
  const rows = sortForReview(
    keyed.map(({ finding, key }, i) => ({ finding, key, figures: findingFigures(finding, analysis), order: i })),
  );
  const current = new Set(keyed.map((k) => k.key));
  const stale = [...previous].filter(([k]) => !current.has(k));
  return { rows, previous, fromLastYear, stale };
}

/** What the plan tells the user: a user's sheet left alone, and the decisions carried over. */
function findingsNotes(content: ReviewContent, opts: FindingsOptions, name: string, avoided: string | null): Message[] {
  const notes: Message[] = [];
  if (avoided !== null) {
    notes.push({
      pl: `Arkusz „${avoided}” nie został utworzony przez dodatek, więc pozostaje nietknięty: uwagi trafiają do arkusza „${name}”.`,
      en: `Sheet "${avoided}" was not created by the add-in, so it is left alone: the findings go to sheet "${name}".`,
    });
  }
  const carried = content.rows.filter((r) => content.previous.has(r.key)).length;
  const stale = content.stale.length;
  if (opts.carried) notes.push(...carriedNotes(opts.carried, content.fromLastYear.size));
  if (carried + stale > 0) {
    notes.push({
      pl: `Decyzje i komentarze z poprzedniego arkusza uwag zostają: ${carried} przy tych samych uwagach, ${stale} przy uwagach, których już nie ma (na końcu listy).`,
      en: `Decisions and comments from the previous findings sheet are kept: ${carried} on the same findings, ${stale} on findings that are gone (at the end of the list).`,
    });
  }
  return notes;
}

/** The findings sheet itself: the source, date and count on top, the table of findings, the decisions list. */
function findingsSheet(
  wb: WorkbookSnapshot,
  content: ReviewContent,
  opts: FindingsOptions,
  name: string,
  replaces: string | null,
): NewSheet {
  const { rows, stale } = content;
  const b = new SheetBuilder();
  writeTop(b, opts, rows.length);
  HEADERS.forEach((h, j) =>
    b.put(HEADER_ROW, j, { value: h }, Math.max(WIDTHS[j] ?? 0, h.length + FILTER_BUTTON + 1), FILTER_BUTTON),
  );
  const links = rows.map((row, i) =>
    writeFindingRow(b, HEADER_ROW + 1 + i, row, content.previous.get(row.key) ?? content.fromLastYear.get(row.key)),
  );
  stale.forEach(([key, entry], i) => writeStaleRow(b, HEADER_ROW + 1 + rows.length + i, key, entry));
  const lastRow = HEADER_ROW + rows.length + stale.length;
  const last = HEADERS.length - 1;
  return {
    name,
    after: opts.sheet,
    cells: b.cells,
    fills: b.fills(),
    links,
    columnWidths: b.columnWidths(),
    // The key is for the add-in: hidden, so that it neither prints nor distracts (Excel shows it on "Odkryj").
    hiddenColumns: [last],
    freezeRows: HEADER_ROW + 1,
    table: {
      name: freeTableName(tableName("Uwagi", name.slice(REVIEW_SHEET.length)), wb, replaces === null ? [] : [replaces]),
      range: rangeA1({ row: HEADER_ROW, col: 0 }, { row: lastRow, col: last }),
      style: "TableStyleLight9",
    },
    chart: null,
    print: { landscape: true, fitToWidth: true, titleRows: `${HEADER_ROW + 1}:${HEADER_ROW + 1}`, paper: "A4" },
    validations: [
      {
        range: rangeA1({ row: HEADER_ROW + 1, col: DECISION_COL }, { row: lastRow, col: DECISION_COL }),
        list: DECISIONS.map((d) => DECISION_LABELS[d]),
      },
    ],
  };
}

/** The lines above the table: the source sheet (by which decisions are read back), the date and the count. */
function writeTop(b: SheetBuilder, opts: FindingsOptions, count: number): void {
  const date = excelDate(opts.now);
  b.put(0, 0, { value: SOURCE_LABEL, bold: true }, 18);
  b.put(0, 1, { value: opts.sheet, numberFormat: "@" });
  b.put(1, 0, { value: "Data", bold: true });
  b.put(1, 1, date === null ? { value: opts.now } : { value: date, numberFormat: "dd.mm.yyyy hh:mm" }, 18);
  b.put(2, 0, { value: "Liczba uwag", bold: true });
  b.put(2, 1, { value: count });
}

/** One finding's row; returns the link from its "Komórka" to the cell the finding is about. */
function writeFindingRow(b: SheetBuilder, r: number, row: Row, entry: ReviewEntry | undefined): LinkEdit {
  const { finding: f, key, figures } = row;
  const ind = figures.indicator;
  b.put(r, 0, { value: SEVERITY_LABEL[f.severity], fill: SEVERITY_FILL[f.severity] }, WIDTHS[0]);
  const link = {
    address: b.put(r, 1, { value: f.address }, WIDTHS[1]),
    target: sheetRef(f.sheet, f.address),
    text: f.address,
  };
  b.put(r, 2, { value: ind?.number?.trim() || null, numberFormat: "@" }, WIDTHS[2]);
  b.put(r, 3, { value: ind?.code ?? null }, WIDTHS[3]);
  const name = ind
    ? figures.rowName
      ? `${ind.name.trim()} – składnik: ${figures.rowName.trim()}`
      : ind.name.trim()
    : null;
  b.put(r, 4, { value: name }, WIDTHS[4]);
  b.put(r, 5, { value: columnText(f.column) || null, numberFormat: "@" }, WIDTHS[5]);
  b.put(r, 6, figureCell(figures.reported, figures.percent), WIDTHS[6]);
  b.put(r, 7, figureCell(figures.expected, figures.percent), WIDTHS[7]);
  b.put(r, 8, differenceCell(figures), WIDTHS[8]);
  b.put(r, 9, { value: f.message.pl }, WIDTHS[9]);
  writeDecision(b, r, entry);
  b.put(r, KEY_COL, { value: key, numberFormat: "@" }, WIDTHS[KEY_COL]);
  return link;
}

/** A decision on a finding that is gone: kept with its key, marked as no longer current. */
function writeStaleRow(b: SheetBuilder, r: number, key: string, entry: ReviewEntry): void {
  b.put(r, 0, { value: "Nieaktualna" }, WIDTHS[0]);
  b.put(
    r,
    9,
    {
      value:
        "Tej uwagi nie ma w obecnym sprawdzeniu (dane się zmieniły albo poprawiono je); decyzja i komentarz zostają.",
    },
    WIDTHS[9],
  );
  writeDecision(b, r, entry);
  b.put(r, KEY_COL, { value: key, numberFormat: "@" }, WIDTHS[KEY_COL]);
}

/** The reviewer's own words only: an open decision without a comment leaves both cells empty. */
function writeDecision(b: SheetBuilder, r: number, entry: ReviewEntry | undefined): void {
  if (entry && entry.decision !== "open")
    b.put(r, DECISION_COL, { value: DECISION_LABELS[entry.decision] }, WIDTHS[DECISION_COL]);
  if (entry && entry.comment !== "")
    b.put(r, COMMENT_COL, { value: entry.comment, numberFormat: "@" }, WIDTHS[COMMENT_COL]);
}
