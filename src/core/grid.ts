/** Cell access over a SheetSnapshot in sheet coordinates, with each cell's value read once and kept. */
import { toA1 } from "./address";
import type { ParsedValue, ValueCell } from "./model";
import { sheetWidth, type SheetSnapshot } from "./snapshot";
import { parseValue } from "./values";
import { normalizeLabel } from "./vocabulary";

export class Grid {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly parsed = new Map<number, ParsedValue>();

  constructor(readonly sheet: SheetSnapshot) {
    this.firstRow = sheet.top;
    this.firstCol = sheet.left;
    this.lastRow = sheet.top + sheet.values.length - 1;
    this.lastCol = sheet.left + sheetWidth(sheet) - 1;
  }

  private inside(row: number, col: number): boolean {
    return row >= this.firstRow && row <= this.lastRow && col >= this.firstCol && col <= this.lastCol;
  }

  /** The text a person reads in the cell (the typed string, or the displayed text of a number). */
  text(row: number, col: number): string {
    if (!this.inside(row, col)) return "";
    const raw = this.sheet.values[row - this.firstRow]?.[col - this.firstCol];
    if (typeof raw === "string") return raw;
    return (
      this.sheet.text[row - this.firstRow]?.[col - this.firstCol] ??
      (raw === null || raw === undefined ? "" : String(raw))
    );
  }

  label(row: number, col: number): string {
    return normalizeLabel(this.text(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col).trim() === "";
  }

  bold(row: number, col: number): boolean {
    return this.inside(row, col) && this.sheet.bold[row - this.firstRow]?.[col - this.firstCol] === true;
  }

  value(row: number, col: number): ParsedValue {
    const key = row * 16384 + col;
    let v = this.parsed.get(key);
    if (!v) {
      const r = row - this.firstRow;
      const c = col - this.firstCol;
      v = this.inside(row, col)
        ? parseValue(
            this.sheet.values[r]?.[c] ?? null,
            this.sheet.text[r]?.[c] ?? "",
            this.sheet.numberFormat[r]?.[c] ?? "General",
          )
        : parseValue(null, "", "General");
      this.parsed.set(key, v);
    }
    return v;
  }

  cell(row: number, col: number): ValueCell {
    const inside = this.inside(row, col);
    return {
      row,
      col,
      address: toA1(row, col),
      parsed: this.value(row, col),
      formula: inside ? (this.sheet.formulas[row - this.firstRow]?.[col - this.firstCol] ?? null) : null,
      numberFormat: inside
        ? (this.sheet.numberFormat[row - this.firstRow]?.[col - this.firstCol] ?? "General")
        : "General",
    };
  }

  /** Columns of the row that hold anything, left to right. */
  filledColumns(row: number): number[] {
    const cols: number[] = [];
    const r = row - this.firstRow;
    const values = this.sheet.values[r];
    if (!values) return cols;
    for (let c = 0; c < values.length; c++) {
      const raw = values[c];
      if ((raw !== null && raw !== "") || (this.sheet.text[r]?.[c] ?? "").trim() !== "") cols.push(c + this.firstCol);
    }
    return cols;
  }
}

/** Kinds of value that belong in a value column (as opposed to a name or a title). */
export function isValueLike(v: ParsedValue): boolean {
  return v.kind !== "text" && v.kind !== "missing" ? true : v.kind === "missing" && v.text.trim() !== "";
}
