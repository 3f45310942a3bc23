/** Collects the cells and fills of a new sheet by position, and the width each column needs to show them. */
import { toA1 } from "../address";
import { formatValue } from "../format";
import type { CellEdit, FillEdit } from "../plan";
import type { SummaryCell } from "./columns";

const MIN_WIDTH = 6;
/** Room for the filter button of a table header, in characters. */
export const FILTER_BUTTON = 3;

export class SheetBuilder {
  readonly cells: CellEdit[] = [];
  private readonly fillsByColor = new Map<string, string[]>();
  private readonly widths: number[] = [];

  /**
   * Write a cell. `measure` is the widest the cell may make its column (0: the cell may overflow to the right,
   * like a title), and `extra` room it needs beside its text (a filter button).
   */
  put(row: number, col: number, cell: SummaryCell & { bold?: boolean }, measure = 0, extra = 0): string {
    const address = toA1(row, col);
    if (cell.value !== null || cell.bold) {
      const edit: CellEdit = { address, value: cell.value };
      // Text stays text when a user edits it (F2, Enter): "= bez zmian" would otherwise turn into a formula.
      if (cell.numberFormat) edit.numberFormat = cell.numberFormat;
      else if (typeof cell.value === "string") edit.numberFormat = "@";
      if (cell.bold) edit.bold = true;
      this.cells.push(edit);
    }
    if (cell.fill) {
      const same = this.fillsByColor.get(cell.fill);
      if (same)
        same.push(address); // not copied: a summary of thousands of indicators has thousands per colour
      else this.fillsByColor.set(cell.fill, [address]);
    }
    if (measure > 0) {
      const text = formatValue(cell.value, cell.numberFormat ?? "General");
      const width = Math.min(measure, Math.max(MIN_WIDTH, text.length + extra + 1));
      this.widths[col] = Math.max(this.widths[col] ?? MIN_WIDTH, width);
    }
    return address;
  }

  fills(): FillEdit[] {
    return [...this.fillsByColor].map(([color, addresses]) => ({ color, addresses }));
  }

  /** Widths from column A to the last measured column; unmeasured columns keep the narrowest width. */
  columnWidths(): number[] {
    return Array.from({ length: this.widths.length }, (_, i) => this.widths[i] ?? MIN_WIDTH);
  }
}
