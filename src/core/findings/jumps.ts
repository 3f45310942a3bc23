/**
 * A component count far out of line with its neighbouring years: W39_W's denominator reads 585, 6, 642, 650
 * in the 2023 annex, where "6" is a slip of the keyboard. Counts change, but not a few dozen times over from
 * one year to the next and back; zeros are left out (a service that did not run is not a typo).
 */
import type { Finding } from "../model";
import { numberInRow } from "../status";
import { columnLabel, columnsOf, finding, rowLabel, type RowRef, shown } from "./rows";

/** How many times smaller (or larger) than the rest of its row a value must be to look like a typo. */
export const JUMP_FACTOR = 20;

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number): number => sorted[i] ?? NaN; // NaN only for an empty list, as before
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

/**
 * A value JUMP_FACTOR times off both the median of the rest of its row and each neighbouring column. The
 * median keeps a sound value next to a typo from being blamed (585 beside the "6"); it needs two other values.
 */
export function jumpFindings(ref: RowRef): Finding[] {
  if (ref.kind !== "component") return [];
  const series = columnsOf(ref)
    .filter(([column]) => column !== "target")
    .map(([column, cell]) => ({ column, cell, value: numberInRow(cell, ref.row) }))
    .filter((p): p is typeof p & { value: number } => p.value !== null && p.value > 0);
  if (series.length < 3) return [];
  const out: Finding[] = [];
  series.forEach((p, i) => {
    const rest = median(series.filter((_, j) => j !== i).map((q) => q.value));
    const neighbours = [series[i - 1], series[i + 1]].filter((n) => n !== undefined);
    const off = (x: number): number => Math.max(x / p.value, p.value / x);
    if (off(rest) < JUMP_FACTOR || neighbours.some((n) => off(n.value) < JUMP_FACTOR)) return;
    const smaller = p.value < rest;
    const factor = Math.round(off(rest));
    const around = (lang: "pl" | "en"): string =>
      neighbours
        .map((n) => `${shown(n.value, false, n.cell.parsed.decimals)} (${columnLabel(n.column)[lang]})`)
        .join(", ");
    const what = rowLabel(ref);
    const col = columnLabel(p.column);
    out.push(
      finding("implausible_jump", "warning", ref, p.cell, p.column, {
        pl: `${what.pl}, ${col.pl}: ${p.cell.parsed.text} to ok. ${factor} razy ${smaller ? "mniej" : "więcej"} niż zwykle w tym wierszu; obok ${around("pl")}. Czy to literówka?`,
        en: `${what.en}, ${col.en}: ${p.cell.parsed.text} is about ${factor} times ${smaller ? "smaller" : "larger"} than the rest of its row; next to it ${around("en")}. Is it a typo?`,
      }),
    );
  });
  return out;
}
