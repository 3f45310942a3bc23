/** A row's figures as numbers, for the checks that compare a row's columns with each other or with another row. */
import type { ValueCell } from "../model";
import { isPercentRow, numberInRow } from "../status";
import type { RowRef } from "./rows";

/** One number of a row: its column key ("baseline", "target", "2021", ...), its cell and its value in Excel's units. */
export interface Figure {
  column: string;
  cell: ValueCell;
  value: number;
}

function figureOf(ref: RowRef, column: string, cell: ValueCell | null | undefined): Figure | null {
  const value = numberInRow(cell, ref.row);
  return cell && value !== null ? { column, cell, value } : null;
}

export function baselineFigure(ref: RowRef): Figure | null {
  return figureOf(ref, "baseline", ref.row.baseline);
}

export function targetFigure(ref: RowRef): Figure | null {
  return figureOf(ref, "target", ref.row.target);
}

/** One entry per year of the table, null where the year holds no single number ("b.d.", "x", empty). */
export function yearlyFigures(ref: RowRef): (Figure | null)[] {
  return ref.table.years.map((year) => figureOf(ref, String(year), ref.row.values[year]));
}

/** The baseline then the years, with nulls kept where a column holds no number: the row's figures in sheet order. */
export function reportedFigures(ref: RowRef): (Figure | null)[] {
  return [baselineFigure(ref), ...yearlyFigures(ref)];
}

/** Percentages are judged in percentage points, everything else by how many times larger. */
export const inPercent = (ref: RowRef): boolean => isPercentRow(ref.row);

/** "2,1" or "0,47": a factor for a message, with the decimals it needs. */
export function factorText(x: number, lang: "pl" | "en"): string {
  const digits = x >= 10 ? 0 : x >= 1 ? 1 : 2;
  const text = x.toFixed(digits);
  return lang === "pl" ? text.replace(".", ",") : text;
}

/** "52" or "20,5": percentage points of a difference between two fractions. */
export function pointsText(fractionDiff: number, lang: "pl" | "en"): string {
  const points = Math.abs(fractionDiff) * 100;
  const text = Number.isInteger(Math.round(points * 10) / 10) ? Math.round(points).toString() : points.toFixed(1);
  return lang === "pl" ? text.replace(".", ",") : text;
}
