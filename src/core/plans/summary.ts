/**
 * "Wstaw podsumowanie": a new sheet right after the source sheet with, from the top,
 * - a header block (source sheet, date, tolerance) and a legend of the status colours, in columns A:B;
 * - beside it, from column D, the counts of latest statuses per domain (the chart's data) and of statuses per year;
 * - below, an Excel table with one row per indicator, each linked to the indicator's name in the source sheet.
 * The counts sit beside the header block rather than under it so that the frozen rows above the table stay few.
 *
 * Running it again replaces the add-in's earlier summary of the same name; a user's own sheet of that name is
 * never touched (see chooseSummaryName). The journal records the sheet as added, so that restore deletes it.
 */
import { columnLetters, rangeA1, sheetRef } from "../address";
import { appendJournal, backupProblem } from "../journal";
import type { Analysis, Indicator, Status } from "../model";
import { STATUS_ORDER, STATUS_STYLES, statusText } from "../palette";
import { planOfNothing, refusedPlan, type EditPlan, type JournalEntry, type LinkEdit, type NewSheet } from "../plan";
import { verbatim } from "../message";
import { enCount, plCount } from "../plural";
import type { WorkbookSnapshot } from "../snapshot";
import { summaryColumns, type SummaryCell } from "../summary/columns";
import { countsByDomain, countsByYear, type StatusCounts } from "../summary/counts";
import { FILTER_BUTTON, SheetBuilder } from "../summary/sheet-builder";
import {
  baseSummaryName,
  chooseSummaryName,
  freeTableName,
  isListed,
  summariesOf,
  summaryTableName,
  userSheetNames,
} from "../summary/sheet-name";

export interface SummaryOptions {
  /** The source sheet. */
  sheet: string;
  /** ISO timestamp (core has no clock), for the journal. */
  now: string;
  /** The same moment on the user's clock ("2026-11-23T19:05", see localTimestamp), for the sheet; else `now`. */
  local?: string;
}

const LEGEND_MEANING: Record<Status, string> = {
  target_met: "osiągnięto wartość docelową",
  improved: "lepiej niż wartość bazowa",
  stable: "w granicach tolerancji",
  unchanged: "tak samo jak wartość bazowa",
  deviated: "poza granicą tolerancji",
  worsened: "gorzej niż wartość bazowa",
  no_data: "brak wartości lub wartości bazowej",
  unknown_trend: "w arkuszu nie podano trendu",
};

/** Column of the counts blocks: beside the header block, over the table's name column, which is wide. */
const COUNTS_COL = 3;
/** The first printed column: "Lp." (see summarySheet's print area). */
const PRINT_FROM_COL = 2;
const LABEL_WIDTH = 30;
const COUNT_WIDTH = 20;
const NAME_WIDTH = 50;
/** A table header may widen its column this far, so that "Wartość docelowa" and its filter button show. */
const HEADER_WIDTH = 20;

/** An ISO date ("2026-11-23T18:05...") as an Excel serial number, or null when it does not read as one. */
export function excelDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  // the date groups always take part in a match; the time groups may not, and read as 0
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const days = Date.UTC(y, mo - 1, d) / 86_400_000 + 25_569;
  return days + (h * 60 + mi) / 1440;
}

/** The summary's title in A1: also the mark by which restore knows the sheet is still the add-in's. */
export function summaryTitle(source: string): string {
  return `Podsumowanie wskaźników: ${source}`;
}

/**
 * Sheets the add-in added (earlier summaries), by the journal, while they are still its own: where the adapter read
 * each sheet's A1, a sheet whose A1 no longer carries the mark written there is the user's now.
 */
function addedSheets(entries: JournalEntry[], wb?: WorkbookSnapshot): string[] {
  return entries.flatMap((e) =>
    e.addedSheets.filter((name) => {
      const mark = e.sheets.find((s) => s.name === name)?.mark;
      const now = wb?.firstCells?.[name];
      return now === undefined || mark === undefined || now === mark;
    }),
  );
}

/** The sheets a summary can be made of: those with indicator tables, except the add-in's own, in tab order. */
export function summarySources(wb: WorkbookSnapshot, analysis: Analysis): string[] {
  const added = addedSheets(wb.journal.entries);
  const withTables = analysis.sheets.filter((s) => s.tables.some((t) => t.indicators.length > 0)).map((s) => s.sheet);
  return wb.sheetNames.filter((name) => withTables.includes(name) && !isListed(added, name));
}

/** Source sheet, date, tolerance and legend, in columns A:B from the top. Returns the next free row. */
function writeHeader(b: SheetBuilder, source: string, analysis: Analysis, now: string): number {
  const date = excelDate(now);
  b.put(0, 0, { value: summaryTitle(source), bold: true });
  const facts: [string, SummaryCell][] = [
    ["Arkusz źródłowy", { value: source }],
    ["Data", date === null ? { value: now } : { value: date, numberFormat: "dd.mm.yyyy hh:mm" }],
    ["Tolerancja (utrzymanie)", { value: analysis.tolerance, numberFormat: "0.0%" }],
  ];
  facts.forEach(([label, cell], i) => {
    b.put(1 + i, 0, { value: label, bold: true }, LABEL_WIDTH);
    b.put(1 + i, 1, cell);
  });
  const legend = 1 + facts.length;
  b.put(legend, 0, { value: "Legenda", bold: true });
  STATUS_ORDER.forEach((status, i) => {
    b.put(legend + 1 + i, 0, { value: statusText(status, "pl"), fill: STATUS_STYLES[status].fill }, LABEL_WIDTH);
    b.put(legend + 1 + i, 1, { value: LEGEND_MEANING[status] });
  });
  return legend + 1 + STATUS_ORDER.length;
}

interface CountsBlock {
  /** Header row through the last labelled row, label column through the last status column. */
  data: string;
  /** The counts alone. */
  numbers: string;
  /** The next free row. */
  end: number;
}

/** A titled block: a label column, one column per status (filled with its colour), a total; optionally a total row. */
function writeCounts(
  b: SheetBuilder,
  top: number,
  title: string,
  corner: string,
  rows: Map<string | number, StatusCounts>,
  totalRow: boolean,
): CountsBlock {
  const col = COUNTS_COL;
  b.put(top, col, { value: title, bold: true });
  b.put(top + 1, col, { value: corner, bold: true }, NAME_WIDTH);
  STATUS_ORDER.forEach((s, i) =>
    b.put(top + 1, col + 1 + i, { value: statusText(s, "pl"), fill: STATUS_STYLES[s].fill, bold: true }, COUNT_WIDTH),
  );
  const totalCol = col + 1 + STATUS_ORDER.length;
  b.put(top + 1, totalCol, { value: "Razem", bold: true }, COUNT_WIDTH);
  const lines = [...rows].map(([label, c]) => ({ label, counts: STATUS_ORDER.map((s) => c[s]), bold: false }));
  const last = top + 1 + lines.length;
  if (totalRow) {
    const sums = STATUS_ORDER.map((_, i) => lines.reduce((sum, l) => sum + (l.counts[i] ?? 0), 0));
    lines.push({ label: "Razem", counts: sums, bold: true });
  }
  lines.forEach(({ label, counts, bold }, i) => {
    const row = top + 2 + i;
    // Labels as text, so a year reads as a label like a domain does.
    b.put(row, col, { value: String(label), numberFormat: "@", bold }, NAME_WIDTH);
    counts.forEach((n, j) => b.put(row, col + 1 + j, { value: n, bold }, COUNT_WIDTH));
    b.put(row, totalCol, { value: counts.reduce((x, y) => x + y, 0), bold: true }, COUNT_WIDTH);
  });
  return {
    data: rangeA1({ row: top + 1, col }, { row: last, col: col + STATUS_ORDER.length }),
    numbers: rangeA1({ row: top + 2, col: col + 1 }, { row: last, col: col + STATUS_ORDER.length }),
    end: top + 2 + lines.length,
  };
}

/** The indicator table from `top`: header row, one row per indicator; each name links to its source cell. */
function writeTable(
  b: SheetBuilder,
  top: number,
  source: string,
  analysis: Analysis,
  indicators: Indicator[],
  years: number[],
): { range: string; links: LinkEdit[]; printedColumns: number } {
  const columns = summaryColumns(analysis, years);
  const links: LinkEdit[] = [];
  columns.forEach((c, j) => b.put(top, j, { value: c.header }, Math.max(c.maxWidth, HEADER_WIDTH), FILTER_BUTTON));
  indicators.forEach((ind, i) => {
    columns.forEach((c, j) => {
      const address = b.put(top + 1 + i, j, c.cell(ind), c.maxWidth);
      if (c.link) links.push({ address, target: sheetRef(source, ind.nameAddress), text: ind.name });
    });
  });
  const printedColumns = columns.filter((c) => !c.screenOnly).length;
  return {
    range: rangeA1({ row: top, col: 0 }, { row: top + indicators.length, col: columns.length - 1 }),
    links,
    printedColumns,
  };
}

export function planSummary(wb: WorkbookSnapshot, analysis: Analysis, opts: SummaryOptions): EditPlan {
  const tables = analysis.sheets.filter((s) => s.sheet === opts.sheet).flatMap((s) => s.tables);
  const indicators = tables.flatMap((t) => t.indicators);
  const entries = wb.journal.entries;
  const added = addedSheets(entries, wb);
  if (isListed(added, opts.sheet)) {
    // A summary's own table reads like an annex: summarising it would only echo it.
    return planOfNothing("summary", wb.journal, {
      pl: `Arkusz „${opts.sheet}” to podsumowanie dodane przez dodatek: wybierz arkusz z tabelą wskaźników.`,
      en: `Sheet "${opts.sheet}" is a summary the add-in added: choose a sheet with an indicator table.`,
    });
  }
  if (indicators.length === 0) {
    return planOfNothing("summary", wb.journal, {
      pl: `Na arkuszu „${opts.sheet}” nie rozpoznano tabeli wskaźników: nie ma czego podsumować.`,
      en: `No indicator table was recognised on sheet "${opts.sheet}": there is nothing to summarise.`,
    });
  }
  const years = [...new Set(tables.flatMap((t) => t.years))].sort((a, b) => a - b);

  const notes: EditPlan["notes"] = [];
  const problem = backupProblem(wb);
  if (problem) return refusedPlan("summary", wb.journal, problem);
  const base = baseSummaryName(opts.sheet, userSheetNames(wb.sheetNames, added).length);
  const ours = new Set(added.map((n) => n.toLowerCase()));
  const { name, replaces, avoided } = chooseSummaryName(
    base,
    wb.sheetNames,
    added,
    summariesOf(entries, opts.sheet).filter((n) => ours.has(n.toLowerCase())),
  );
  if (avoided !== null) {
    notes.push({
      pl: `Arkusz „${avoided}” nie został utworzony przez dodatek, więc pozostaje nietknięty: podsumowanie trafia do arkusza „${name}”.`,
      en: `Sheet "${avoided}" was not created by the add-in, so it is left alone: the summary goes to sheet "${name}".`,
    });
  }
  return {
    action: "summary",
    edits: [],
    addSheets: [summarySheet(wb, analysis, opts, indicators, years, name, replaces)],
    deleteSheets: replaces === null ? [] : [replaces],
    // The replaced summary is deleted only while its A1 still carries the add-in's mark.
    expect: replaces === null ? [] : [{ sheet: replaces, address: "A1", formula: summaryTitle(opts.sheet) }],
    changes: [summaryChange(opts.sheet, name, replaces, indicators.length)],
    // The new sheet has no id before it exists (the backup is written first): its mark is the title in A1.
    journal: appendJournal(wb.journal, {
      action: "summary",
      at: opts.now,
      cells: [],
      addedSheets: [name],
      sheets: [{ name, mark: summaryTitle(opts.sheet) }],
      summaryOf: opts.sheet,
    }),
    notes,
  };
}

/** The sheet itself: header block and legend, the counts and chart beside them, the indicator table below. */
function summarySheet(
  wb: WorkbookSnapshot,
  analysis: Analysis,
  opts: SummaryOptions,
  indicators: Indicator[],
  years: number[],
  name: string,
  replaces: string | null,
): NewSheet {
  const b = new SheetBuilder();
  const headerEnd = writeHeader(b, opts.sheet, analysis, opts.local ?? opts.now);
  const latestYear = years[years.length - 1];
  const byDomain = writeCounts(
    b,
    0,
    "Liczba wskaźników wg statusu w ostatnim roku z danymi",
    "Dziedzina",
    countsByDomain(analysis, indicators),
    true,
  );
  const byYear = writeCounts(
    b,
    byDomain.end + 1,
    "Liczba wskaźników wg statusu w kolejnych latach",
    "Rok",
    countsByYear(analysis, indicators, years),
    false,
  );
  const tableTop = Math.max(headerEnd, byYear.end) + 1;
  const table = writeTable(b, tableTop, opts.sheet, analysis, indicators, years);
  return {
    name,
    after: opts.sheet,
    cells: b.cells,
    fills: b.fills(),
    links: table.links,
    columnWidths: b.columnWidths(),
    // Nothing frozen: the counts above the table would take half the screen; Excel shows a table's headers in
    // place of the column letters while its rows scroll, and the printout repeats them on every page.
    freezeRows: 0,
    table: {
      name: freeTableName(summaryTableName(name), wb, replaces === null ? [] : [replaces]),
      range: table.range,
      style: "TableStyleMedium2",
    },
    chart: {
      kind: "stacked_bar",
      title: `Status wskaźników wg dziedzin (ostatni rok z danymi, do ${latestYear})`,
      dataRange: byDomain.data,
      // Right of the counts' total column: above the table's last columns, whose top rows are free.
      anchor: `${columnLetters(COUNTS_COL + STATUS_ORDER.length + 2)}1`,
      dataBarRange: byDomain.numbers,
    },
    print: {
      landscape: true,
      fitToWidth: true,
      paper: "A4",
      titleRows: `${tableTop + 1}:${tableTop + 1}`,
      // From the number column to the last printed one (the counts beside it fall within): the domain and
      // direction columns repeat one text down the page, and the legend's words are in every status cell.
      area: rangeA1(
        { row: 0, col: PRINT_FROM_COL },
        {
          row: tableTop + indicators.length,
          col: Math.max(table.printedColumns, COUNTS_COL + STATUS_ORDER.length + 1) - 1,
        },
      ),
    },
  };
}

/** The plan's one change, in both languages: a new sheet, or the previous summary replaced. */
function summaryChange(
  source: string,
  name: string,
  replaces: string | null,
  count: number,
): EditPlan["changes"][number] {
  return {
    sheet: name,
    address: "",
    before: replaces === null ? verbatim("") : { pl: "poprzednie podsumowanie", en: "the previous summary" },
    after: {
      pl: `${replaces === null ? "nowy arkusz" : "nowe podsumowanie"}: ${plCount(count, { one: "wskaźnik", few: "wskaźniki", many: "wskaźników" })} z arkusza „${source}”`,
      en: `${replaces === null ? "a new sheet" : "a new summary"}: ${enCount(count, "indicator", "indicators")} from the sheet "${source}"`,
    },
  };
}
