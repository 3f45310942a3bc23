/**
 * An edit plan: everything one action will write, decided in pure code and applied by an adapter in one go.
 * It carries the backup of what it replaces, so that the add-in can always put the workbook back.
 */
import type { RawValue } from "./snapshot";

export type ActionId = "recalculate" | "color" | "summary" | "restore" | "findings";

/** One cell write. A formula wins over a value; an absent numberFormat leaves the format alone. */
export interface CellEdit {
  address: string;
  value?: RawValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

/** Cells that get one fill colour ("#RRGGBB"), or lose their fill (null): one multi-area range per colour. */
export interface FillEdit {
  color: string | null;
  addresses: string[];
}

export interface SheetEdit {
  sheet: string;
  cells: CellEdit[];
  fills: FillEdit[];
}

/** A link from a cell of the new sheet to a cell elsewhere in the workbook. */
export interface LinkEdit {
  address: string;
  /** "'Załącznik 5'!B7" */
  target: string;
  text: string;
}

export interface ChartSpec {
  kind: "stacked_bar";
  title: string;
  /** Data block with category labels in its first column and one series per further column, headers in its first row. */
  dataRange: string;
  /** Top-left cell where the chart sits. */
  anchor: string;
  /** Columns of the data block that a file without charts shows as data bars instead. */
  dataBarRange: string;
}

export interface NewSheet {
  name: string;
  /** Put it right after this sheet. */
  after: string;
  cells: CellEdit[];
  fills: FillEdit[];
  links: LinkEdit[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Rows to freeze at the top. */
  freezeRows: number;
  table: { name: string; range: string; style: string } | null;
  chart: ChartSpec | null;
  /** titleRows: rows printed on every page ("5:5"); paper: the paper size (the printer's default when absent). */
  print: { landscape: boolean; fitToWidth: boolean; titleRows?: string; paper?: "A4" };
  /** Columns (0-based) to hide: data the add-in reads back, not for the reader. */
  hiddenColumns?: number[];
  /** Drop-down lists of allowed texts (a typed text outside the list is refused), each over a range. */
  validations?: { range: string; list: string[] }[];
}

/** A cell as it was before the add-in wrote it. */
export interface CellBackup {
  sheet: string;
  address: string;
  value: RawValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
}

/** One applied plan, as the backup journal keeps it. */
export interface JournalEntry {
  action: ActionId;
  /** ISO timestamp given by the caller (core has no clock). */
  at: string;
  cells: CellBackup[];
  /** Sheets this plan added (restore deletes them). */
  addedSheets: string[];
  /**
   * For a summary (and a findings sheet): the source sheet it is about, so that a rerun replaces only the sheet
   * made of that source.
   */
  summaryOf?: string;
}

/** One line of the preview the task pane shows before applying. */
export interface Change {
  sheet: string;
  address: string;
  before: string;
  after: string;
}

export interface EditPlan {
  action: ActionId;
  edits: SheetEdit[];
  addSheets: NewSheet[];
  /** Sheets the add-in made earlier and this plan replaces (a previous summary). */
  deleteSheets: string[];
  changes: Change[];
  /** The backup journal to store after this plan, as chunks for the hidden backup sheet; [] removes it. */
  journal: string[];
  /** What this plan could not do or chose differently, for the user to read. */
  notes: { pl: string; en: string }[];
}

/** Name of the very hidden sheet that keeps the journal inside the workbook. */
export const JOURNAL_SHEET = "MOPS_kopia_zapasowa";
