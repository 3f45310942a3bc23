/**
 * Read the active sheet, the sheet names and the backup journal in one round trip to Excel. A sheet too
 * big for one response (Excel on the web answers at most 5 MB) is read again in bands of rows.
 */
import { parseJournal } from "../core/journal";
import { JOURNAL_SHEET } from "../core/plan";
import { sheetsTheBackupCovers } from "../core/plans/restore";
import { mayBeReviewSheet } from "../core/review/sheet";
import type { CellFeature, RawValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { toA1 } from "../core/address";
import { areasOf } from "./blocks";
import { ownRulesField, requestOwnRules } from "./rules";

/** Cells per band when a sheet has to be read in several round trips. */
export const BAND_CELLS = 20_000;

type Grid = Pick<SheetSnapshot, "values" | "text" | "numberFormat" | "formulas" | "bold" | "fill"> & {
  features: Record<string, CellFeature[]>;
};

/**
 * A cell's solid fill, or null. Excel reports an unfilled cell as white with pattern "None"; where a
 * platform leaves the pattern out, white is taken as no fill.
 */
function fillOf(fill: Excel.CellPropertiesFill | undefined): string | null {
  const color = fill?.color?.toUpperCase() ?? null;
  if (fill?.pattern === undefined) return color === "#FFFFFF" ? null : color;
  return fill.pattern === "None" ? null : color;
}

/**
 * What Office.js tells of a cell that a backup could not give back exactly (see core/guard): a hyperlink, a fill
 * that is a pattern or gradient, or a tinted (theme) colour. Rich text runs and legacy array formulas it does not
 * report (ExcelApi 1.13); the README says so.
 */
function featuresOf(c: Excel.CellProperties): CellFeature[] {
  const out: CellFeature[] = [];
  if (c.hyperlink && (c.hyperlink.address || c.hyperlink.documentReference)) out.push("hyperlink");
  const pattern = c.format?.fill?.pattern;
  if (pattern === "LinearGradient" || pattern === "RectangularGradient") out.push("gradientFill");
  else if (pattern !== undefined && pattern !== "None" && pattern !== "Solid") out.push("patternFill");
  else if (pattern === "Solid" && (c.format?.fill?.tintAndShade ?? 0) !== 0) out.push("themeFill");
  return out;
}

/** Queue the loads of a range's cells; the returned function reads them after the sync. */
function requestGrid(range: Excel.Range): (top: number, left: number) => Grid {
  range.load("values,text,numberFormat,formulas");
  const cells = range.getCellProperties({
    format: { font: { bold: true }, fill: { color: true, pattern: true, tintAndShade: true } },
    hyperlink: true,
  });
  const features = (top: number, left: number): Record<string, CellFeature[]> => {
    const out: Record<string, CellFeature[]> = {};
    cells.value.forEach((row, r) =>
      row.forEach((c, col) => {
        const found = featuresOf(c);
        if (found.length > 0) out[toA1(top + r, left + col)] = found;
      }),
    );
    return out;
  };
  return (top, left) => ({
    features: features(top, left),
    // Office gives "" for an empty cell; the snapshot says null, as the ExcelJS adapter does.
    values: (range.values as RawValue[][]).map((row) => row.map((v) => (v === "" ? null : v))),
    text: range.text,
    numberFormat: range.numberFormat as string[][],
    // Text typed as '=x reads back from formulas as "=x" too (OfficeDev/office-js#6687): a formula's value is its
    // result, never its own text, so a cell whose value is the same string is text.
    formulas: (range.formulas as unknown[][]).map((row, r) =>
      row.map((f, c) => (typeof f === "string" && f.startsWith("=") && f !== range.values[r]?.[c] ? f : null)),
    ),
    bold: cells.value.map((row) => row.map((c) => c.format?.font?.bold === true)),
    fill: cells.value.map((row) => row.map((c) => fillOf(c.format?.fill))),
  });
}

interface Frame {
  worksheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  names: Excel.NamedItemCollection;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas;
  journal: Excel.Range;
  ownRules: () => Excel.ConditionalFormat[];
}

/**
 * Queue everything but the cells: names, protection, merged areas; the used range's shape; and the journal, whole
 * (`journalValues`) or only its shape, for a read that must split it into requests of its own.
 */
function requestFrame(context: Excel.RequestContext, sheetName: string | undefined, journalValues: boolean): Frame {
  const worksheets = context.workbook.worksheets;
  const sheet = sheetName === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName);
  sheet.load("name,protection/protected");
  worksheets.load("items/name,items/position,items/id");
  // What a new table's name must not repeat: every table (with its sheet) and every workbook-level defined name.
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name");
  // getUsedRange (not the OrNullObject form) gives A1 on an empty sheet, so the calls below always have a range.
  const used = sheet.getUsedRange(false);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  // Calls on a null object give null objects, so a workbook without a journal costs no extra round trip.
  const journal = worksheets.getItemOrNullObject(JOURNAL_SHEET).getUsedRangeOrNullObject(true);
  if (journalValues) journal.load("values");
  else journal.load("rowIndex,columnIndex,rowCount,columnCount");
  return { worksheets, tables, names, sheet, used, merged, journal, ownRules: requestOwnRules(sheet) };
}

/** The snapshot from a synced frame, its cells and the backup's chunks (parsed here, once). */
function snapshotOf(frame: Frame, grid: Grid, chunks: string[]): WorkbookSnapshot {
  const { worksheets, tables, names, sheet, used, merged, ownRules } = frame;
  return {
    sheetNames: [...worksheets.items].sort((a, b) => a.position - b.position).map((s) => s.name),
    sheets: [
      {
        name: sheet.name,
        top: used.rowIndex,
        left: used.columnIndex,
        ...grid,
        merges: merged.isNullObject ? [] : areasOf(merged.address),
        protected: sheet.protection.protected,
        ...ownRulesField(ownRules()),
      },
    ],
    journal: parseJournal(chunks),
    sheetIds: Object.fromEntries(worksheets.items.map((s) => [s.name, { officeId: s.id }])),
    names: [
      ...tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      ...names.items.map((n) => ({ name: n.name })),
    ],
  };
}

/** The active sheet, or the named one. */
export async function readActiveSheet(context: Excel.RequestContext, sheetName?: string): Promise<WorkbookSnapshot> {
  const frame = requestFrame(context, sheetName, true);
  const grid = requestGrid(frame.used);
  await context.sync();
  const journal = frame.journal.isNullObject ? [] : chunksOf(frame.journal.values);
  return snapshotOf(frame, grid(frame.used.rowIndex, frame.used.columnIndex), journal);
}

/**
 * The same snapshot in 1 + (rows × columns / BAND_CELLS) round trips, and the backup in requests of its own
 * (JOURNAL_BAND_ROWS rows each), each response well under the limit.
 */
export async function readActiveSheetInBands(
  context: Excel.RequestContext,
  sheetName?: string,
): Promise<WorkbookSnapshot> {
  const frame = requestFrame(context, sheetName, false);
  await context.sync();
  const { rowIndex, columnIndex, rowCount, columnCount } = frame.used;
  const rowsPerBand = Math.max(1, Math.floor(BAND_CELLS / columnCount));
  const grid: Grid = { values: [], text: [], numberFormat: [], formulas: [], bold: [], fill: [], features: {} };
  for (let first = 0; first < rowCount; first += rowsPerBand) {
    const band = requestGrid(
      frame.sheet.getRangeByIndexes(
        rowIndex + first,
        columnIndex,
        Math.min(rowsPerBand, rowCount - first),
        columnCount,
      ),
    );
    // One round trip per band is the point here: each response must stay under the size limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const part = band(rowIndex + first, columnIndex);
    for (const key of ["values", "text", "numberFormat", "formulas", "bold", "fill"] as const)
      (grid[key] as unknown[][]).push(...part[key]);
    Object.assign(grid.features, part.features);
  }
  return snapshotOf(frame, grid, await journalInBands(context, frame));
}

/**
 * Rows of the backup sheet per request when it is read apart: a row holds two chunks of at most 32 000 characters
 * (two bytes each for Polish letters), so 16 rows stay near 2 MB.
 */
export const JOURNAL_BAND_ROWS = 16;

async function journalInBands(context: Excel.RequestContext, frame: Frame): Promise<string[]> {
  const { journal } = frame;
  if (journal.isNullObject) return [];
  const { rowIndex, columnIndex, rowCount, columnCount } = journal;
  const sheet = frame.worksheets.getItem(JOURNAL_SHEET);
  const rows: unknown[][] = [];
  for (let first = 0; first < rowCount; first += JOURNAL_BAND_ROWS) {
    const band = sheet.getRangeByIndexes(
      rowIndex + first,
      columnIndex,
      Math.min(JOURNAL_BAND_ROWS, rowCount - first),
      columnCount,
    );
    band.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    rows.push(...band.values);
  }
  return chunksOf(rows);
}

/** The journal's chunks from its sheet's cells: both columns, since a rewrite puts the new copy beside the old one. */
function chunksOf(values: unknown[][]): string[] {
  return columnsOf(values).filter((c) => c !== "");
}

/** A grid's cells column by column, as text. */
function columnsOf(values: unknown[][]): string[] {
  const width = values[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => values.map((row) => String(row[c] ?? ""))).flat();
}

/** Did Excel refuse because a request or its response would exceed the payload limit? */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * In one more round trip (none when there is nothing to read): the findings sheets ("Uwagi…") other than the active
 * one, values only, which carry the reviewer's decisions; and the other sheets whose cells the backup holds, in
 * full, so that restore checks and puts back every sheet it covers.
 */
export async function withOtherSheets(context: Excel.RequestContext, wb: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  const names = wb.sheetNames.filter((n) => mayBeReviewSheet(n) && n !== wb.sheets[0]?.name);
  const covered = sheetsTheBackupCovers(wb);
  if (names.length === 0 && covered.length === 0) return wb;
  const ranges = names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, used };
  });
  const full = covered.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRange(false);
    used.load("rowIndex,columnIndex");
    return { name, used, grid: requestGrid(used), own: requestOwnRules(sheet) };
  });
  await context.sync();
  const backupSheets = full.map(({ name, used, grid, own }): SheetSnapshot => {
    const [top, left] = [used.rowIndex, used.columnIndex];
    return {
      name,
      top,
      left,
      ...grid(top, left),
      merges: [],
      protected: false,
      ...ownRulesField(own()),
    };
  });
  const reviews = ranges
    .filter(({ used }) => !used.isNullObject)
    .map(({ name, used }): SheetSnapshot => ({
      name,
      top: used.rowIndex,
      left: used.columnIndex,
      values: (used.values as RawValue[][]).map((row) => row.map((v) => (v === "" ? null : v))),
      // Decisions are read from values alone.
      text: [],
      numberFormat: [],
      formulas: [],
      bold: [],
      fill: [],
      merges: [],
      protected: false,
    }));
  return { ...wb, ...(names.length > 0 ? { reviews } : {}), ...(backupSheets.length > 0 ? { backupSheets } : {}) };
}
