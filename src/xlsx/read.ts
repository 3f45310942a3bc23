/** An ExcelJS workbook to the engine's snapshot: the same plain data the Office.js adapter reads. */
import { ValueType, type Cell, type CellValue, type Workbook, type Worksheet } from "exceljs";
import { parseRange, toA1 } from "../core/address";
import { formatValue } from "../core/format";
import { parseJournal } from "../core/journal";
import { JOURNAL_SHEET } from "../core/plan";
import { mayBeReviewSheet } from "../core/review/sheet";
import type { CellFeature, RawValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { emptySheet } from "../core/snapshot";
import { isProtected } from "./check";
import { fillColor } from "./colors";
import { readJournalSheet } from "./journal-sheet";
import { ownRuleFormulas } from "./rules";

/**
 * Every sheet's name in tab order (the journal's too, as the Office.js adapter lists it), the named sheets
 * read in full (by default every sheet but the journal) and the backup journal.
 */
export function snapshotFromWorkbook(wb: Workbook, sheetNames?: string[]): WorkbookSnapshot {
  const all = wb.worksheets;
  const wanted = sheetNames ?? all.filter((ws) => ws.name !== JOURNAL_SHEET).map((ws) => ws.name);
  const others = all.filter((ws) => ws.name !== JOURNAL_SHEET);
  return {
    sheetNames: all.map((ws) => ws.name),
    sheets: sheetSnapshots(wb, wanted),
    journal: parseJournal(readJournalSheet(wb)),
    sheetIds: Object.fromEntries(all.map((ws) => [ws.name, { fileId: ws.id }])),
    firstCells: Object.fromEntries(others.map((ws) => [ws.name, firstCellText(ws)])),
    names: namesInUse(wb),
  };
}

/** The named sheets read in full, without the journal and the rest of the snapshot (read once by the caller). */
export function sheetSnapshots(wb: Workbook, names: string[]): SheetSnapshot[] {
  return names.map((name) => {
    const ws = wb.worksheets.find((s) => s.name === name);
    if (!ws) throw new Error(`No sheet named "${name}" in the workbook`);
    return snapshotFromSheet(ws);
  });
}

/**
 * One sheet, as the add-in reads the active sheet: its findings sheets ("Uwagi…") go along, for the reviewer's
 * decisions.
 */
export function snapshotWithReviews(wb: Workbook, name: string): WorkbookSnapshot {
  const snapshot = snapshotFromWorkbook(wb, [name]);
  const reviews = snapshot.sheetNames.filter((n) => mayBeReviewSheet(n) && n !== name);
  return reviews.length === 0 ? snapshot : { ...snapshot, reviews: sheetSnapshots(wb, reviews) };
}

/** Every table's name with its sheet, and every defined name: what a new table's name must not repeat. */
function namesInUse(wb: Workbook): { name: string; sheet?: string }[] {
  const tables = wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { name: string }[]).map((t) => ({ name: t.name, sheet: ws.name })),
  );
  const defined = (wb.definedNames.model as { name: string }[]).map((d) => ({ name: d.name }));
  return [...tables, ...defined];
}

/** The text of A1, the mark of a sheet the add-in added. */
function firstCellText(ws: Worksheet): string {
  const cell = ws.findCell(1, 1);
  if (!cell) return "";
  const { value } = rawValue(cell);
  return formatValue(value, cell.numFmt || "General");
}

/**
 * Past this many cells in the used range, rows are kept only as wide as their own cells (see sparseRows). An annex
 * has a few thousand; a note left far to the right or below made millions in six grids (a very wide sheet: 3.3
 * million, about 160 MB for each read), where its own rows need a few thousand.
 */
const DENSE_LIMIT = 250_000;

/**
 * One sheet over its used range: cells with content or a fill, and merged areas. Only the rows and cells that
 * exist are visited, so a stray cell at XFD1048576 costs its own row, not a grid of 17 billion cells.
 */
export function snapshotFromSheet(ws: Worksheet): SheetSnapshot {
  const merges: string[] = [...ws.model.merges];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  /** Per existing row (0-based): its last cell's column (0-based), whatever it holds (a format counts). */
  const rowEnds = new Map<number, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    // findRow, not eachRow({ includeEmpty }): that one makes a Row for every number up to the last.
    const row = ws.findRow(r);
    if (!row) continue;
    rowEnds.set(r - 1, row.cellCount - 1);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type !== ValueType.Null || fillColor(cell.fill) !== null) include(r - 1, c - 1);
    });
  }
  for (const m of merges) {
    const { start, end } = parseRange(m);
    include(start.row, start.col);
    include(end.row, end.col);
  }
  const ownRules = ownRuleFormulas(ws);
  if (bottom < 0)
    return {
      ...emptySheet(ws.name, 0, 0),
      merges,
      protected: isProtected(ws),
      ...(ownRules.length > 0 ? { ownRules } : {}),
    };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const snap =
    height * width <= DENSE_LIMIT
      ? emptySheet(ws.name, height, width, top, left)
      : sparseRows(ws.name, height, top, left, right, rowEnds);
  snap.merges = merges;
  snap.protected = isProtected(ws);
  const features: Record<string, CellFeature[]> = {};
  if (ownRules.length > 0) snap.ownRules = ownRules;
  for (const [r, last] of rowEnds) {
    const row = ws.findRow(r + 1);
    if (!row || r < top || r > bottom) continue;
    for (let c = left; c <= Math.min(last, right); c++) {
      const cell = row.findCell(c + 1);
      if (!cell) continue;
      const i = r - top;
      const j = c - left;
      const format = cell.numFmt || "General";
      const { value, formula } = rawValue(cell);
      // Row i is in the range (top..bottom, checked above), and emptySheet and sparseRows allocate every such row.
      snap.values[i]![j] = value;
      snap.formulas[i]![j] = formula;
      snap.numberFormat[i]![j] = format;
      snap.text[i]![j] = formatValue(value, format);
      snap.bold[i]![j] = isBold(cell);
      snap.fill[i]![j] = fillColor(cell.fill);
      for (const [address, feature] of featuresOf(cell)) (features[address] ??= []).push(feature);
    }
  }
  if (Object.keys(features).length > 0) snap.features = features;
  return snap;
}

/** What the cell carries that a backup could not give back exactly (see core/guard), by address. */
function featuresOf(cell: Cell): [string, CellFeature][] {
  const out: [string, CellFeature][] = [];
  const v = cell.value as unknown as Record<string, unknown> | null;
  if (v && typeof v === "object" && "richText" in v) out.push([cell.address, "richText"]);
  if (cell.type === ValueType.Hyperlink || cell.hyperlink) out.push([cell.address, "hyperlink"]);
  // Only an array formula's first cell says so; every cell of its range is part of it.
  if (v && typeof v === "object" && v.shareType === "array" && typeof v.ref === "string") {
    const { start, end } = parseRange(v.ref);
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.col; c <= end.col; c++) out.push([toA1(r, c), "arrayFormula"]);
  }
  const fill = cell.fill;
  if (fill?.type === "gradient") out.push([cell.address, "gradientFill"]);
  else if (fill?.type === "pattern" && fill.pattern !== "solid" && fill.pattern !== "none")
    out.push([cell.address, "patternFill"]);
  else if (fill?.type === "pattern" && fill.pattern === "solid") {
    const fg = fill.fgColor as { theme?: number; tint?: number } | undefined;
    if (fg?.theme !== undefined || (fg?.tint ?? 0) !== 0) out.push([cell.address, "themeFill"]);
  }
  return out;
}

/**
 * A snapshot too large to hold as a full grid (cells far apart): each row only as wide as its last cell, and
 * rows without cells sharing one empty array. Readers of snapshots already treat a missing cell as empty.
 */
function sparseRows(
  name: string,
  height: number,
  top: number,
  left: number,
  right: number,
  rowEnds: Map<number, number>,
): SheetSnapshot {
  const snap = emptySheet(name, 0, 0, top, left);
  const none: never[] = [];
  const grids = [snap.values, snap.text, snap.numberFormat, snap.formulas, snap.bold, snap.fill] as unknown[][][];
  const fills: unknown[] = [null, "", "General", null, false, null];
  for (const grid of grids) grid.length = height;
  for (let i = 0; i < height; i++) for (const grid of grids) grid[i] = none;
  for (const [r, last] of rowEnds) {
    const width = Math.min(last, right) - left + 1;
    if (r < top || r >= top + height || width <= 0) continue;
    grids.forEach((grid, k) => {
      grid[r - top] = new Array(width).fill(fills[k]);
    });
  }
  return snap;
}

function isBold(cell: Cell): boolean {
  if (cell.font?.bold) return true;
  const v = cell.value;
  // Rich text counts as bold when every non-blank run is.
  if (v && typeof v === "object" && "richText" in v) {
    const runs = v.richText.filter((run) => run.text.trim() !== "");
    return runs.length > 0 && runs.every((run) => run.font?.bold === true);
  }
  return false;
}

/** The value Office.js would report for the cell (a formula's cached result), and its formula. */
export function rawValue(cell: Cell): { value: RawValue; formula: string | null } {
  // A merged area's other cells read as empty, as in Excel (ExcelJS answers with the master's value).
  if (cell.type === ValueType.Merge) return { value: null, formula: null };
  const date1904 = cell.worksheet.workbook.properties?.date1904 === true;
  if (cell.type === ValueType.Formula) {
    const formula = cell.formula ? "=" + cell.formula : null;
    return { value: plainValue(cell.result as CellValue, date1904), formula };
  }
  return { value: plainValue(cell.value, date1904), formula: null };
}

/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1_462;

/**
 * A value as the file stores it. ExcelJS turns a date's serial number into a Date by the workbook's date system;
 * this turns it back by the same system, as Office.js reports it, so that a value written back stays the same day.
 */
function plainValue(v: CellValue, date1904: boolean): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569 - (date1904 ? DAYS_1904 : 0);
  if ("error" in v) return v.error;
  if ("richText" in v) return v.richText.map((run) => run.text).join("");
  if ("hyperlink" in v) return plainValue(v.text as CellValue, date1904);
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result as CellValue, date1904);
  return null;
}
