/**
 * An edit plan: everything one action will write, decided in pure code and applied by an adapter in one go.
 * It carries the backup of what it replaces, so that the add-in can always put the workbook back.
 */
import type { RecalcReview } from "./plans/recalculate";
import type { RawValue } from "./snapshot";

export type ActionId = "recalculate" | "color" | "summary" | "restore";

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
  print: {
    landscape: boolean;
    /** One page wide, as many tall as needed (OOXML fitToWidth="1" fitToHeight="0"). */
    fitToWidth: boolean;
    paper?: "A4";
    /** Rows repeated at the top of every printed page, "15:15". */
    titleRows?: string;
    /** What prints, "A1:N115": the columns a reader needs on paper. */
    area?: string;
  };
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
  /** For a summary: the source sheet it summarises, so that a rerun replaces only the summary of that source. */
  summaryOf?: string;
}

/** One line of the preview the task pane shows before applying. */
export interface Change {
  sheet: string;
  address: string;
  /** In Polish, or language-neutral (a cell's text, a formula). */
  before: string;
  after: string;
  /** The same in English, where before/after are Polish words (a fill's status, a new sheet). */
  en?: { before: string; after: string };
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
  /** "Przelicz wskaźniki" only: every recalculated figure by group, written or not, for the reviewer to choose. */
  review?: RecalcReview;
}

/** Name of the very hidden sheet that keeps the journal inside the workbook. */
export const JOURNAL_SHEET = "MOPS_kopia_zapasowa";
