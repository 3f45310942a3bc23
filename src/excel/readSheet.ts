/**
 * Read the active sheet, the sheet names and the backup journal in one round trip to Excel. A sheet too
 * big for one response (Excel on the web answers at most 5 MB) is read again in bands of rows.
 */
import { JOURNAL_SHEET } from "../core/plan";
import { mayBeReviewSheet } from "../core/review/sheet";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { areasOf } from "./blocks";
import { requestOwnRules } from "./rules";

/** Cells per band when a sheet has to be read in several round trips. */
export const BAND_CELLS = 20_000;

type Grid = Pick<SheetSnapshot, "values" | "text" | "numberFormat" | "formulas" | "bold" | "fill">;

/**
 * A cell's solid fill, or null. Excel reports an unfilled cell as white with pattern "None"; where a
 * platform leaves the pattern out, white is taken as no fill.
 */
function fillOf(fill: Excel.CellPropertiesFill | undefined): string | null {
  const color = fill?.color?.toUpperCase() ?? null;
  if (fill?.pattern === undefined) return color === "#FFFFFF" ? null : color;
  return fill.pattern === "None" ? null : color;
}

/** Queue the loads of a range's cells; the returned function reads them after the sync. */
function requestGrid(range: Excel.Range): () => Grid {
  range.load("values,text,numberFormat,formulas");
  const cells = range.getCellProperties({ format: { font: { bold: true }, fill: { color: true, pattern: true } } });
  return () => ({
    // Office gives "" for an empty cell; the snapshot says null, as the ExcelJS adapter does.
    values: (range.values as RawValue[][]).map((row) => row.map((v) => (v === "" ? null : v))),
    text: range.text,
    numberFormat: range.numberFormat as string[][],
    // Text typed as '=x reads back from formulas as "=x" too (OfficeDev/office-js#6687): a formula's value is its
    // result, never its own text, so a cell whose value is the same string is text.
    formulas: (range.formulas as unknown[][]).map((row, r) =>
      row.map((f, c) => (typeof f === "string" && f.startsWith("=") && f !== range.values[r][c] ? f : null)),
    ),
    bold: cells.value.map((row) => row.map((c) => c.format?.font?.bold === true)),
    fill: cells.value.map((row) => row.map((c) => fillOf(c.format?.fill))),
  });
}

interface Frame {
  worksheets: Excel.WorksheetCollection;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas;
  journal: Excel.Range;
  ownRules: () => Excel.ConditionalFormat[];
}

/** Queue everything but the cells: names, protection, merged areas, journal; and the used range's shape. */
function requestFrame(context: Excel.RequestContext, sheetName?: string): Frame {
  const worksheets = context.workbook.worksheets;
  const sheet = sheetName === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName);
  sheet.load("name,protection/protected");
  worksheets.load("items/name,items/position,items/id");
  // getUsedRange (not the OrNullObject form) gives A1 on an empty sheet, so the calls below always have a range.
  const used = sheet.getUsedRange(false);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  // Calls on a null object give null objects, so a workbook without a journal costs no extra round trip.
  const journal = worksheets.getItemOrNullObject(JOURNAL_SHEET).getUsedRangeOrNullObject(true);
  journal.load("values");
  return { worksheets, sheet, used, merged, journal, ownRules: requestOwnRules(sheet) };
}

/** The snapshot from a synced frame and its cells. */
function snapshotOf(frame: Frame, grid: Grid): WorkbookSnapshot {
  const { worksheets, sheet, used, merged, journal, ownRules } = frame;
  const rules = ownRules().map((f) => f.customOrNullObject.rule.formula);
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
        ...(rules.length > 0 ? { ownRules: rules } : {}),
      },
    ],
    // Both columns: a rewrite puts the new copy beside the old one (see applyPlan's writeJournal).
    journal: journal.isNullObject ? [] : columnsOf(journal.values).filter((c) => c !== ""),
    sheetIds: Object.fromEntries(worksheets.items.map((s) => [s.name, { officeId: s.id }])),
  };
}

/** The active sheet, or the named one. */
export async function readActiveSheet(context: Excel.RequestContext, sheetName?: string): Promise<WorkbookSnapshot> {
  const frame = requestFrame(context, sheetName);
  const grid = requestGrid(frame.used);
  await context.sync();
  return snapshotOf(frame, grid());
}

/** The same snapshot in 1 + (rows × columns / BAND_CELLS) round trips, each response well under the limit. */
export async function readActiveSheetInBands(context: Excel.RequestContext, sheetName?: string): Promise<WorkbookSnapshot> {
  const frame = requestFrame(context, sheetName);
  await context.sync();
  const { rowIndex, columnIndex, rowCount, columnCount } = frame.used;
  const rowsPerBand = Math.max(1, Math.floor(BAND_CELLS / columnCount));
  const grid: Grid = { values: [], text: [], numberFormat: [], formulas: [], bold: [], fill: [] };
  for (let first = 0; first < rowCount; first += rowsPerBand) {
    const band = requestGrid(frame.sheet.getRangeByIndexes(rowIndex + first, columnIndex, Math.min(rowsPerBand, rowCount - first), columnCount));
    // One round trip per band is the point here: each response must stay under the size limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const part = band();
    for (const key of Object.keys(grid) as (keyof Grid)[]) (grid[key] as unknown[][]).push(...part[key]);
  }
  return snapshotOf(frame, grid);
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
 * The findings sheets ("Uwagi…") other than the active one, values only, in one more round trip; none when the
 * workbook has no sheet of such a name (then no round trip at all). They carry the reviewer's decisions.
 */
export async function withReviews(context: Excel.RequestContext, wb: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  const names = wb.sheetNames.filter((n) => mayBeReviewSheet(n) && n !== wb.sheets[0]?.name);
  if (names.length === 0) return wb;
  const ranges = names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, used };
  });
  await context.sync();
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
  return { ...wb, reviews };
}
