import { toA1 } from "../../../src/core/address";
import type { Component, Indicator, ValueCell } from "../../../src/core/model";
import { parseText } from "../../../src/core/values";

/** Cells as typed in a seed row: "baseline" and years, to the text the sheet shows. */
export type TypedRow = Record<string, string>;

const BASELINE_COL = 2;
const FIRST_YEAR = 2021;
const FIRST_YEAR_COL = 5;

function cell(row: number, key: string, text: string | undefined): ValueCell | null {
  if (text === undefined) return null;
  const col = key === "baseline" ? BASELINE_COL : FIRST_YEAR_COL + Number(key) - FIRST_YEAR;
  return { row, col, address: toA1(row, col), parsed: parseText(text), formula: null, numberFormat: "General" };
}

function yearCells(row: number, typed: TypedRow): Record<number, ValueCell | null> {
  const years = Object.keys(typed).filter((k) => k !== "baseline");
  return Object.fromEntries(years.map((y) => [Number(y), cell(row, y, typed[y])]));
}

/** An annex indicator at `row` (0-based) typed as in the seed, its components on the rows below it. */
export function typedIndicator(
  row: number,
  name: string,
  code: string | null,
  reported: TypedRow,
  components: [string, TypedRow][],
): Indicator {
  const comps: Component[] = components.map(([cname, typed], i) => ({
    row: row + 1 + i,
    name: cname,
    nameAddress: toA1(row + 1 + i, 1),
    baseline: cell(row + 1 + i, "baseline", typed.baseline),
    values: yearCells(row + 1 + i, typed),
  }));
  return {
    id: `Arkusz1!${row}`,
    sheet: "Arkusz1",
    row,
    number: "1",
    name,
    nameAddress: toA1(row, 1),
    code,
    domain: null,
    direction: null,
    trend: "increase",
    trendText: "wzrost",
    baseline: cell(row, "baseline", reported.baseline),
    target: null,
    values: yearCells(row, reported),
    components: comps,
    subRows: [],
  };
}
