/**
 * A sheet drawn as an HTML table the way Excel shows it: column letters, row numbers, the displayed text of every
 * cell (textContent only: a cell may hold markup), bold, solid fills and merged areas. Addresses match Excel's, so
 * the grid starts at A1 even when the used range starts further down.
 */
import { columnLetters, parseRange, toA1 } from "../core/address";
import type { Status } from "../core/model";
import { STATUS_STYLES } from "../core/palette";
import { sheetWidth, type SheetSnapshot } from "../core/snapshot";
import { readableTextColor } from "./contrast";

export interface GridLayout {
  /** Widths of columns A, B, ... in pixels; a missing one gets Excel's default. */
  widths: (number | undefined)[];
  /** Cells set to wrap their text; the others keep one line and spill into an empty neighbour, as in Excel. */
  wraps: (address: string) => boolean;
  /** The status the add-in's conditional-format rules give a cell, drawn as Excel draws them (fill and symbol). */
  live?: Map<string, Status>;
}

const DEFAULT_COLUMN_PX = 64;
const ROW_HEADER_PX = 40;
/** Left and right padding of a cell (preview.css). */
const CELL_PADDING_PX = 8;

export function renderGrid(sheet: SheetSnapshot, layout: GridLayout): HTMLTableElement {
  const rows = sheet.top + sheet.values.length;
  const cols = sheet.left + sheetWidth(sheet);
  const { masters, covered } = mergeLayout(sheet.merges);

  const table = document.createElement("table");
  table.className = "grid";
  const caption = table.createCaption();
  caption.className = "visually-hidden";
  caption.textContent = sheet.name;

  const widths = Array.from({ length: cols }, (_, c) => layout.widths[c] ?? DEFAULT_COLUMN_PX);
  const colgroup = table.appendChild(document.createElement("colgroup"));
  for (const px of [ROW_HEADER_PX, ...widths])
    colgroup.appendChild(document.createElement("col")).style.width = `${px}px`;
  // A fixed table layout keeps Excel's column widths only when the table's own width is set.
  table.style.width = `${widths.reduce((sum, px) => sum + px, ROW_HEADER_PX)}px`;

  const headRow = table.createTHead().insertRow();
  headRow.appendChild(document.createElement("td")).className = "grid-corner";
  for (let c = 0; c < cols; c++) {
    const th = headRow.appendChild(document.createElement("th"));
    th.scope = "col";
    th.textContent = columnLetters(c);
  }

  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    const th = tr.appendChild(document.createElement("th"));
    th.scope = "row";
    th.textContent = String(r + 1);
    for (let c = 0; c < cols; c++) {
      const address = toA1(r, c);
      if (covered.has(address)) continue;
      const td = tr.insertCell();
      td.dataset.address = address;
      const span = masters.get(address);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      fillCell(td, sheet, r - sheet.top, c - sheet.left, layout.live?.get(address));
      if (layout.wraps(address)) td.classList.add("is-wrapped");
      // Excel lets text run on; a number too wide for its column never does.
      else if (td.textContent && !span && !td.classList.contains("is-number"))
        spill(td, sheet, widths, r - sheet.top, c);
    }
  }
  return table;
}

function fillCell(
  td: HTMLTableCellElement,
  sheet: SheetSnapshot,
  i: number,
  j: number,
  live: Status | undefined,
): void {
  // Outside the snapshot's rows (i < 0 or past the end) there is no row, so no length either.
  if (j < 0 || j >= (sheet.values[i]?.length ?? 0)) return;
  // The snapshot's grids have the same shape, so the defaults below never apply.
  const text = sheet.text[i]?.[j] ?? "";
  // A rule's format puts the status symbol in front of the figure and its fill over the cell's own.
  td.textContent = live ? `${STATUS_STYLES[live].symbol} ${text}` : text;
  if (typeof sheet.values[i]?.[j] === "number") td.classList.add("is-number");
  if (sheet.bold[i]?.[j]) td.classList.add("is-bold");
  if (live) td.dataset.status = live;
  const fill = live ? STATUS_STYLES[live].fill : (sheet.fill[i]?.[j] ?? null);
  if (fill) {
    td.style.backgroundColor = fill;
    td.style.color = readableTextColor(fill);
    td.dataset.fill = fill;
  }
}

/**
 * Text wider than its column runs on over the empty cells to its right and stops at the next filled one, as Excel
 * draws it: the text goes into a box as wide as that run of cells.
 */
function spill(td: HTMLTableCellElement, sheet: SheetSnapshot, widths: number[], i: number, col: number): void {
  const own = widths[col];
  if (own === undefined) return;
  let px = own;
  for (let c = col + 1; c < widths.length && (sheet.text[i]?.[c - sheet.left] ?? "") === ""; c++) px += widths[c] ?? 0;
  if (px === own) return;
  const box = document.createElement("span");
  box.className = "spill";
  box.style.width = `${px - CELL_PADDING_PX}px`;
  // What fillCell drew, a rule's symbol included.
  box.textContent = td.textContent;
  td.replaceChildren(box);
  td.classList.add("spills");
}

/** Each merged area's top-left cell with its span, and every other cell of the area (not drawn). */
function mergeLayout(merges: string[]): {
  masters: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
} {
  const masters = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const merge of merges) {
    const { start, end } = parseRange(merge);
    masters.set(toA1(start.row, start.col), { rows: end.row - start.row + 1, cols: end.col - start.col + 1 });
    for (let r = start.row; r <= end.row; r++) {
      for (let c = start.col; c <= end.col; c++) {
        if (r !== start.row || c !== start.col) covered.add(toA1(r, c));
      }
    }
  }
  return { masters, covered };
}

/** The drawn cell that shows an address: the cell itself, or the top-left cell of the merged area holding it. */
export function cellElement(table: HTMLTableElement, sheet: SheetSnapshot, address: string): HTMLElement | null {
  const { row, col } = parseRange(address).start;
  const merge = sheet.merges
    .map(parseRange)
    .find((m) => row >= m.start.row && row <= m.end.row && col >= m.start.col && col <= m.end.col);
  const shown = merge ? toA1(merge.start.row, merge.start.col) : toA1(row, col);
  return table.querySelector<HTMLElement>(`td[data-address="${shown}"]`);
}
