/**
 * An edit plan: everything one action will write, decided in pure code and applied by an adapter in one go.
 * It carries the backup of what it replaces, so that the add-in can always put the workbook back.
 */
import type { RecalcReview } from "./plans/recalculate";
import type { StatusRule } from "./rules";
import type { RawValue } from "./snapshot";
import type { Message } from "./message";

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
  /**
   * When present, the sheet's conditional-format rules that are the add-in's (rules.ts) are deleted and these
   * added ([] only deletes them); the user's own rules are never touched.
   */
  rules?: StatusRule[];
}

/** Does the edit write anything: a cell, a fill over some cells, or the sheet's rules (even [] deletes the old ones)? */
export function editWrites(e: SheetEdit): boolean {
  return e.cells.length > 0 || e.fills.some((f) => f.addresses.length > 0) || e.rules !== undefined;
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
  /** Columns (0-based) to hide: data the add-in reads back, not for the reader. */
  hiddenColumns?: number[];
  /** Drop-down lists of allowed texts (a typed text outside the list is refused), each over a range. */
  validations?: { range: string; list: string[] }[];
}

/**
 * The parts of one cell a plan changes, as they were (before) or as the add-in wrote them (after). A part that is
 * absent is not changed by the plan and not backed up: colouring records fills only, never values.
 */
export interface CellImage {
  value?: RawValue;
  formula?: string | null;
  numberFormat?: string;
  fill?: string | null;
}

/** The row a backed-up cell belongs to, as read: its label cell's column (0-based) and displayed text. */
export interface RowIdentity {
  col: number;
  text: string;
}

/** One backed-up cell: what was there, what the add-in put there, and how to find its row again. */
export interface CellBackup {
  /** The sheet's name when the plan was made (see JournalEntry.sheets for its identity). */
  sheet: string;
  address: string;
  before: CellImage;
  after: CellImage;
  /** Absent for cells not in an indicator table row. */
  row?: RowIdentity;
}

/** A sheet as the add-in knows it: its name, Office's worksheet id and the file's sheet id where known. */
export interface SheetIdentity {
  name: string;
  officeId?: string;
  fileId?: number;
  /** For a sheet the add-in added: the text it put in A1, its mark that the sheet is still the add-in's. */
  mark?: string;
}

/** One applied plan, as the backup journal keeps it. */
export interface JournalEntry {
  action: ActionId;
  /** ISO timestamp given by the caller (core has no clock). */
  at: string;
  cells: CellBackup[];
  /** Sheets this plan added (restore deletes them while they are still the add-in's). */
  addedSheets: string[];
  /** The identity of every sheet named by `cells` and `addedSheets`. */
  sheets: SheetIdentity[];
  /**
   * For a summary (and a findings sheet): the source sheet it is about, so that a rerun replaces only the sheet
   * made of that source.
   */
  summaryOf?: string;
  /** Sheets this plan put its conditional-format rules on (restore deletes the add-in's rules there). */
  rules?: string[];
}

/** The backup journal as data: its entries, oldest first, and its generation (each rewrite is one more). */
export interface Journal {
  entries: JournalEntry[];
  generation: number;
}

/** What a cell the plan writes must hold when the plan is applied; otherwise the adapter refuses the whole plan. */
export interface Expectation {
  sheet: string;
  address: string;
  /** As Range.formulas reads it: the formula, else the value ("" for an empty cell). */
  formula: RawValue;
}

/** One line of the preview the task pane shows before applying. */
export interface Change {
  sheet: string;
  address: string;
  /** What the cell (or sheet) holds now and after the plan; a cell's text or formula is the same in both languages. */
  before: Message;
  after: Message;
}

export interface EditPlan {
  action: ActionId;
  edits: SheetEdit[];
  addSheets: NewSheet[];
  /** Sheets the add-in made earlier and this plan replaces (a previous summary). */
  deleteSheets: string[];
  changes: Change[];
  /**
   * The backup journal after this plan, as data: the snapshot's own when the plan leaves it alone, else the next
   * generation (the adapter serialises it onto the hidden backup sheet; no entries removes that sheet).
   */
  journal: Journal;
  /** What this plan could not do or chose differently, for the user to read. */
  notes: Message[];
  /** "Przelicz wskaźniki" only: every recalculated figure by group, written or not, for the reviewer to choose. */
  review?: RecalcReview;
  /**
   * Why the plan must not be applied at all (an unreadable backup, a user's sheet with the backup's name): the
   * adapters refuse it and write nothing; the CLI exits with 2.
   */
  refusal?: Message;
  /** Cells that must still hold what the plan was made from (compare-and-swap against edits since the preview). */
  expect?: Expectation[];
}

/** Name of the very hidden sheet that keeps the journal inside the workbook. */
export const JOURNAL_SHEET = "MOPS_kopia_zapasowa";

/** A plan that changes nothing and says why (the journal kept as it is). */
export function planOfNothing(action: ActionId, journal: Journal, why: Message): EditPlan {
  return { action, edits: [], addSheets: [], deleteSheets: [], changes: [], journal, notes: [why] };
}

/** The plan of an action refused because the backup cannot be trusted: nothing to do, and the reason. */
export function refusedPlan(action: ActionId, journal: Journal, problem: Message): EditPlan {
  return { ...planOfNothing(action, journal, problem), refusal: problem };
}
