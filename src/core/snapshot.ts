/**
 * What an adapter reads from a workbook in one go: plain data, no Office or ExcelJS objects.
 * The grids are parallel 2-D arrays over the sheet's used range (the shape Office.js returns),
 * so the Excel adapter fills them without per-cell calls.
 */
import type { JournalRead } from "./journal";

/** A raw cell value as Excel holds it. Error values (#DIV/0!, #N/A, ...) arrive as their text. */
export type RawValue = number | string | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based sheet row and column of grid cell [0][0]. */
  top: number;
  left: number;
  values: RawValue[][];
  /** The text Excel displays for the cell ("89%", "5 120"). */
  text: string[][];
  /** Excel number format code ("General", "0%", "# ##0"). */
  numberFormat: string[][];
  /** The formula ("=F7/F8") or null when the cell holds a constant. */
  formulas: (string | null)[][];
  bold: boolean[][];
  /** Solid fill colour as "#RRGGBB", or null for no fill. */
  fill: (string | null)[][];
  /** Merged areas in A1 notation ("A1:B2"). */
  merges: string[];
  /** The sheet is protected: nothing may be written to it. */
  protected: boolean;
  /**
   * Cells with something a backup cannot give back exactly (see core/guard), by A1 address; absent or sparse:
   * only the cells that have any, where the adapter can tell.
   */
  features?: Record<string, CellFeature[]>;
  /** The formulas of the add-in's own conditional-format rules on the sheet (rules.ts), where the adapter read them. */
  ownRules?: string[];
}

/**
 * What a cell may carry beyond the snapshot's grids: rich text runs, a hyperlink, part of an array formula, and
 * fills other than one solid RGB colour (a pattern, a gradient, a theme colour or tint).
 */
export type CellFeature = "richText" | "hyperlink" | "arrayFormula" | "patternFill" | "gradientFill" | "themeFill";

export interface WorkbookSnapshot {
  /** Every sheet's name, in tab order. */
  sheetNames: string[];
  /** The sheet(s) read in full; in the add-in, the active sheet only. */
  sheets: SheetSnapshot[];
  /** The add-in's backup journal, parsed once by the adapter that read the workbook (see journal.ts). */
  journal: JournalRead;
  /** Each sheet's identity by its current name, where the adapter knows it (Office's id, the file's sheet id). */
  sheetIds?: Record<string, { officeId?: string; fileId?: number }>;
  /** The text of each sheet's cell A1, where the adapter read it (the mark of a sheet the add-in added). */
  firstCells?: Record<string, string>;
  /**
   * Findings sheets ("Uwagi…") read along with the active sheet, for the reviewer's decisions; absent when the
   * adapter read every sheet into `sheets` anyway (the CLI) or there is none.
   */
  reviews?: SheetSnapshot[];
  /**
   * The other sheets whose cells the backup holds, read in full along with the active sheet (see
   * plans/restore's sheetsTheBackupCovers), so that restore checks and puts back every sheet, not the active one only.
   */
  backupSheets?: SheetSnapshot[];
  /**
   * The workbook's table names (with the sheet each is on) and defined names, which a new table's name must not
   * repeat (Excel compares them without case); absent where the adapter did not read them.
   */
  names?: { name: string; sheet?: string }[];
}

/** An empty grid of the given size, for adapters and tests that build snapshots cell by cell. */
/**
 * How many columns the sheet's grids span: the widest row's. Rows of a large, mostly empty sheet are only as wide as
 * their own cells (the xlsx adapter's sparse read), so the first row's width is not the sheet's.
 */
export function sheetWidth(sheet: SheetSnapshot): number {
  // A loop, not Math.max(...rows): a spread of 125 000 rows overflows the call stack.
  let width = 0;
  for (const row of sheet.values) if (row && row.length > width) width = row.length;
  return width;
}

export function emptySheet(name: string, rows: number, cols: number, top = 0, left = 0): SheetSnapshot {
  // A plain loop: every read of a sheet makes six grids, and Array.from with a callback is ~15 times slower.
  const grid = <T>(v: T): T[][] => {
    const out: T[][] = new Array<T[]>(rows);
    for (let r = 0; r < rows; r++) {
      const row = new Array<T>(cols);
      for (let c = 0; c < cols; c++) row[c] = v;
      out[r] = row;
    }
    return out;
  };
  return {
    name,
    top,
    left,
    values: grid<RawValue>(null),
    text: grid(""),
    numberFormat: grid("General"),
    formulas: grid<string | null>(null),
    bold: grid(false),
    fill: grid<string | null>(null),
    merges: [],
    protected: false,
  };
}

/** One cell of a snapshot, by sheet position (0-based), as the grids hold it; outside the used range, an empty cell. */
export interface SnapshotCell {
  value: RawValue;
  text: string;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
}

export function readCell(sheet: SheetSnapshot, row: number, col: number): SnapshotCell {
  const [r, c] = [row - sheet.top, col - sheet.left];
  return {
    value: sheet.values[r]?.[c] ?? null,
    text: sheet.text[r]?.[c] ?? "",
    formula: sheet.formulas[r]?.[c] ?? null,
    numberFormat: sheet.numberFormat[r]?.[c] ?? "General",
    fill: sheet.fill[r]?.[c] ?? null,
  };
}
