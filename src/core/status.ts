/**
 * Status of an indicator value: how it stands against the baseline and the target, given the desired trend.
 *
 * Rules (issue [4/10]):
 * - increase: target_met when a target exists and value >= target; else improved (> baseline),
 *   unchanged (= baseline) or worsened (< baseline);
 * - decrease: the mirror image;
 * - maintain: stable when |value - baseline| <= tolerance * |baseline| (inclusive; a zero baseline is stable
 *   only at zero), else deviated; a target plays no part;
 * - no_data when the value or the baseline is missing, not applicable or not a single number;
 * - unknown_trend when the trend is empty or unrecognised (and the value and baseline are there).
 *
 * A plain number in a percent row ("4,5" where the baseline is "5,3%") is read as the percentage its row
 * means (4,5 %), not as 450 %: that is how staff type a forgotten sign, and what a reviewer reads. The
 * findings report it as percent_sign_missing, so the guess is visible.
 */
import type { Indicator, Status, Trend, ValueCell } from "./model";
import { inPercentagePoints } from "./ratio/precision";
import { cleanFloat } from "./values";

/** The cells of one row that statuses and checks read: an indicator, a component or a sub-row. */
export interface ValueRow {
  baseline: ValueCell | null;
  target?: ValueCell | null;
  values: Record<number, ValueCell | null>;
}

/** Relative slack for comparing numbers that were typed or parsed separately (0.1 vs 10 % / 100). */
const EPSILON = 1e-9;

/** Equal but for floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function rowCells(row: ValueRow): ValueCell[] {
  const cells = [row.baseline, row.target ?? null, ...Object.values(row.values)];
  return cells.filter((c): c is ValueCell => c !== null);
}

/** Rows are read many times over (every status, every check); the recogniser's rows do not change. */
const percentRows = new WeakMap<ValueRow, boolean>();

/** A row is in percent when most of its numeric cells are percentages (the baseline breaks a tie). */
export function isPercentRow(row: ValueRow): boolean {
  const known = percentRows.get(row);
  if (known !== undefined) return known;
  const result = countPercentRow(row);
  percentRows.set(row, result);
  return result;
}

function countPercentRow(row: ValueRow): boolean {
  let percents = 0;
  let numbers = 0;
  for (const c of rowCells(row)) {
    if (c.parsed.kind === "percent") percents += 1;
    else if (c.parsed.kind === "number") numbers += 1;
  }
  return percents > numbers || (percents > 0 && percents === numbers && row.baseline?.parsed.kind === "percent");
}

/**
 * Does this plain number in a percent row stand for a percentage that lost its sign? The rule is the ratio
 * check's (inPercentagePoints): typed as text ("4,5") or above 1 (no share is), it is percentage points; a true
 * number up to 1 under a plain format is already a fraction, the way Excel stores percents. Zero reads the same
 * either way, so it has lost nothing.
 */
export function lostPercentSign(cell: ValueCell, row: ValueRow): boolean {
  const p = cell.parsed;
  return (
    p.kind === "number" && p.value !== null && p.value !== 0 && isPercentRow(row) && inPercentagePoints(p, "percent")
  );
}

/** The number a cell stands for in its row, in Excel's units; null when it is not a single number. */
export function numberInRow(cell: ValueCell | null | undefined, row: ValueRow): number | null {
  if (!cell) return null;
  const { kind, value } = cell.parsed;
  if (value === null || (kind !== "number" && kind !== "percent")) return null;
  return lostPercentSign(cell, row) ? value / 100 : value;
}

/**
 * The number a cell shows in its row, in Excel's units: its value rounded to the decimals displayed. Readers judge
 * "6,9" beside a baseline of "6,87" as higher, whatever 6,8675 sits behind the display, and a figure written again
 * at full precision under the same format must read, and be judged, the same.
 */
export function shownInRow(cell: ValueCell | null | undefined, row: ValueRow): number | null {
  const value = numberInRow(cell, row);
  const decimals = cell?.parsed.decimals ?? null;
  if (value === null || decimals === null) return value;
  // Round in the unit the reader sees: a percentage's points, a lost sign's points too.
  const scale = cell?.parsed.kind === "percent" || lostPercentSign(cell as ValueCell, row) ? 100 : 1;
  const factor = 10 ** decimals;
  const units = value * scale;
  const rounded = (Math.sign(units) * Math.round(cleanFloat(Math.abs(units) * factor))) / factor;
  return Number.isFinite(rounded) ? cleanFloat(rounded / scale) : value;
}

/** The status of one value against its baseline and target. Numbers in Excel's units; null means no value. */
export function statusOfValue(
  trend: Trend,
  baseline: number | null,
  target: number | null,
  value: number | null,
  tolerance: number,
): Status {
  if (value === null || baseline === null) return "no_data";
  switch (trend) {
    case "increase":
    case "decrease": {
      // Turn a decrease into an increase of the negated numbers: one set of comparisons for both.
      const sign = trend === "increase" ? 1 : -1;
      const [v, b] = [sign * value, sign * baseline];
      if (target !== null && (v > sign * target || sameNumber(value, target))) return "target_met";
      if (sameNumber(value, baseline)) return "unchanged";
      return v > b ? "improved" : "worsened";
    }
    case "maintain": {
      const allowed = tolerance * Math.abs(baseline);
      const gap = Math.abs(value - baseline);
      return gap <= allowed || sameNumber(gap, allowed) ? "stable" : "deviated";
    }
    case "unknown":
      return "unknown_trend";
  }
}

/** Statuses of a row's values: one per year, and "latest" for the latest year that has a number. */
export function rowStatuses(row: ValueRow, trend: Trend, years: number[], tolerance: number): Record<string, Status> {
  const baseline = shownInRow(row.baseline, row);
  const target = shownInRow(row.target, row);
  const out: Record<string, Status> = {};
  let latest: Status = "no_data";
  for (const year of [...years].sort((a, b) => a - b)) {
    const value = shownInRow(row.values[year], row);
    const status = statusOfValue(trend, baseline, target, value, tolerance);
    out[String(year)] = status;
    if (value !== null) latest = status;
  }
  out.latest = latest;
  return out;
}

/** Statuses of an indicator's own values (its sub-rows have theirs: use rowStatuses with the sub-row's trend). */
export function indicatorStatuses(ind: Indicator, years: number[], tolerance: number): Record<string, Status> {
  return rowStatuses(ind, ind.trend, years, tolerance);
}
