/**
 * The figures a finding is about, for the findings sheet: the value reported in its cell, the value the add-in
 * expected there (the ratio recalculated from its components, where the finding is a ratio mismatch) and how far
 * apart they are. Read from the analysis, so that the sheet and the key agree on the same numbers.
 */
import type { Analysis, Component, Finding, Indicator, ValueCell } from "../model";
import { isPercentRow, numberInRow } from "../status";

export interface FindingFigures {
  indicator: Indicator | null;
  /** The component or sub-row the cell is in ("" for the indicator's own row). */
  rowName: string;
  /** The reported cell's number (Excel's units) or its text; null for an empty cell or a finding about no cell. */
  reported: number | string | null;
  /** What the add-in expected in that cell, where it knows. */
  expected: number | null;
  /** reported − expected, when both are numbers. */
  difference: number | null;
  /** |difference| relative to |expected|: the size findings are sorted by. */
  size: number | null;
  /** The reported value is a percentage (the sheet formats it so). */
  percent: boolean;
}

/** Every value cell of an indicator, with the row it belongs to (the indicator, a component or a sub-row). */
function* cellsOf(ind: Indicator): Generator<[ValueCell, Indicator | Component]> {
  const rows: (Indicator | Component)[] = [ind, ...ind.components, ...ind.subRows];
  for (const row of rows) {
    const target = "target" in row ? row.target : null;
    for (const c of [row.baseline, target, ...Object.values(row.values)]) if (c) yield [c, row];
  }
}

/** Indicators by id, built once per analysis. */
const byAnalysis = new WeakMap<Analysis, Map<string, Indicator>>();

export function indicatorOf(analysis: Analysis, id: string | null): Indicator | null {
  if (id === null) return null;
  let map = byAnalysis.get(analysis);
  if (!map) {
    map = new Map(analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.indicators.map((i) => [i.id, i] as const))));
    byAnalysis.set(analysis, map);
  }
  return map.get(id) ?? null;
}

/** Findings whose expected value is the ratio recalculated from the components (findings/ratios.ts). */
const RATIO_CODES = new Set(["ratio_mismatch", "formula_mismatch"]);

export function findingFigures(f: Finding, analysis: Analysis): FindingFigures {
  const indicator = indicatorOf(analysis, f.indicatorId);
  const none: FindingFigures = {
    indicator,
    rowName: "",
    reported: null,
    expected: null,
    difference: null,
    size: null,
    percent: false,
  };
  if (!indicator) return none;
  const found = [...cellsOf(indicator)].find(([c]) => c.address === f.address);
  if (!found) return none;
  const [cell, row] = found;
  const rowName = row === indicator ? "" : row.name;
  const number = numberInRow(cell, row);
  const reported = number ?? (cell.parsed.text.trim() === "" ? null : cell.parsed.text);
  const percent = isPercentRow(row);
  // Only a ratio finding on the indicator's own row has an expected value the add-in can name.
  const ratio = row === indicator && f.column !== null ? analysis.ratios[indicator.id] : null;
  const expected = ratio && RATIO_CODES.has(f.code) ? (ratio.recalculated[f.column as string] ?? null) : null;
  if (number === null || expected === null) return { ...none, rowName, reported, expected, percent };
  const difference = Number((number - expected).toPrecision(12));
  const size = expected === 0 ? Math.abs(difference) : Math.abs(difference / expected);
  return { indicator, rowName, reported, expected, difference, size, percent };
}
