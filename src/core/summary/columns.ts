/**
 * The columns of the summary table: one row per indicator, numbers written as true numbers under a format that
 * shows them as the source does (percent rows as percentages, the decimals the row shows).
 */
import type { Analysis, Indicator, Trend, ValueCell } from "../model";
import { STATUS_STYLES, statusText } from "../palette";
import type { RawValue } from "../snapshot";
import { isPercentRow, numberInRow, sameNumber, shownInRow } from "../status";
import { statusOf } from "./counts";

/** One cell the summary writes. Text in a number column gets the text format "@", so Excel keeps it as typed. */
export interface SummaryCell {
  value: RawValue;
  numberFormat?: string;
  fill?: string;
}

export interface Column {
  header: string;
  /** Widest the column gets, in characters; longer text is cut off on screen, not in the cell. */
  maxWidth: number;
  cell(ind: Indicator): SummaryCell;
  /** The cell links to the indicator's name in the source sheet. */
  link?: boolean;
  /** For work on screen (checks of the add-in), left off the printout; such columns come last. */
  screenOnly?: boolean;
}

const TREND_WORDS: Record<Trend, string> = {
  increase: "wzrost",
  decrease: "spadek",
  maintain: "utrzymanie wartości bazowej",
  unknown: "nieznany trend",
};

const NUMBER_WIDTH = 14;
/** More decimals than this are noise in a summary (and no annex shows them). */
const MAX_DECIMALS = 4;

/** The annex's own precision: "80%" stays 80 %, "2,1%" 2,1 %, "5 120" 5 120. */
export function valueFormat(percent: boolean, decimals: number): string {
  const d = Math.min(MAX_DECIMALS, Math.max(0, decimals));
  const fraction = d === 0 ? "" : `.${"0".repeat(d)}`;
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** A format that shows the sign of a change: "+2,1 p.p.", "-12". */
function signedFormat(format: string): string {
  return `+${format};-${format};${format}`;
}

/**
 * The change of a row's value between two years. A percent row changes by percentage points, written as such
 * ("-27,0 p.p."), since "-27,0%" would read as a relative change.
 */
function changeCell(ind: Indicator, now: number, before: number): SummaryCell {
  // 12 significant digits drop the binary noise of the subtraction (4.58 - 4.74 is -0.16000000000000014).
  const tidy = (x: number): number => Number(x.toPrecision(12));
  if (!isPercentRow(ind)) return { value: tidy(now - before), numberFormat: signedFormat(rowFormat(ind)) };
  const decimals = Math.max(1, rowDecimals(ind));
  return { value: tidy((now - before) * 100), numberFormat: signedFormat(`0.${"0".repeat(decimals)}" p.p."`) };
}

/** The most decimals any number of the row shows. */
function rowDecimals(ind: Indicator): number {
  const cells = [ind.baseline, ind.target, ...Object.values(ind.values)];
  return Math.max(0, ...cells.map((c) => (c && c.parsed.value !== null ? (c.parsed.decimals ?? 0) : 0)));
}

function rowFormat(ind: Indicator): string {
  return valueFormat(isPercentRow(ind), rowDecimals(ind));
}

function textCell(text: string): SummaryCell {
  return text === "" ? { value: null } : { value: text, numberFormat: "@" };
}

/** A value as the number its row means, at the decimals its cell shows, or its text ("b.d.", "x") when it is not a single number. */
function valueCell(cell: ValueCell | null | undefined, ind: Indicator): SummaryCell {
  if (!cell) return { value: null };
  const n = numberInRow(cell, ind);
  if (n === null) return textCell(cell.parsed.text);
  return { value: n, numberFormat: valueFormat(isPercentRow(ind), cell.parsed.decimals ?? rowDecimals(ind)) };
}

/** The latest year in which the indicator has a number: the year its status, change and ratio speak of. */
export function latestYear(ind: Indicator, years: number[]): number | null {
  return [...years].reverse().find((y) => numberInRow(ind.values[y], ind) !== null) ?? null;
}

function change(ind: Indicator, years: number[]): SummaryCell {
  const year = latestYear(ind, years);
  const previous = year === null ? undefined : years[years.indexOf(year) - 1];
  if (year === null || previous === undefined) return { value: null };
  const [now, before] = [numberInRow(ind.values[year], ind), numberInRow(ind.values[previous], ind)];
  if (now === null || before === null) return { value: null };
  const cell = changeCell(ind, now, before);
  // A change past what a double holds (1e308 - -1e308) is no number Excel can store: leave the cell empty.
  return Number.isFinite(cell.value) ? cell : { value: null };
}

/**
 * The latest year-on-year change read with the desired direction: for "spadek" a fall is the good news. For
 * "utrzymanie wartości bazowej" a move towards the baseline is; an unknown trend cannot be read.
 */
function changeReading(ind: Indicator, years: number[]): SummaryCell {
  const year = latestYear(ind, years);
  const previous = year === null ? undefined : years[years.indexOf(year) - 1];
  if (year === null || previous === undefined) return { value: null };
  const [now, before] = [shownInRow(ind.values[year], ind), shownInRow(ind.values[previous], ind)];
  const baseline = shownInRow(ind.baseline, ind);
  if (now === null || before === null) return { value: null };
  if (ind.trend === "unknown") return textCell("nieznany trend");
  let gain: number;
  if (ind.trend === "maintain") {
    if (baseline === null) return { value: null };
    gain = Math.abs(before - baseline) - Math.abs(now - baseline);
  } else gain = ind.trend === "increase" ? now - before : before - now;
  if (sameNumber(now, before) || (ind.trend === "maintain" && sameNumber(gain, 0))) return textCell("bez zmian");
  return textCell(gain > 0 ? "korzystna" : "niekorzystna");
}

function ratioValue(analysis: Analysis, ind: Indicator, years: number[]): SummaryCell {
  const ratio = analysis.ratios[ind.id];
  const year = latestYear(ind, years);
  const value = ratio && year !== null ? (ratio.recalculated[String(year)] ?? null) : null;
  if (!ratio || value === null) return { value: null };
  return { value, numberFormat: valueFormat(ratio.unit === "percent", rowDecimals(ind)) };
}

function ratioMatch(analysis: Analysis, ind: Indicator, years: number[]): SummaryCell {
  const year = latestYear(ind, years);
  const match = year === null ? null : (analysis.ratios[ind.id]?.matches[String(year)] ?? null);
  return { value: match === null ? null : match ? "tak" : "nie" };
}

function lp(ind: Indicator): SummaryCell {
  const n = ind.number?.trim() ?? "";
  return /^\d+\.?$/.test(n) ? { value: parseInt(n, 10) } : textCell(n);
}

export function summaryColumns(analysis: Analysis, years: number[]): Column[] {
  const findings = new Map<string, number>();
  for (const f of analysis.findings)
    if (f.indicatorId) findings.set(f.indicatorId, (findings.get(f.indicatorId) ?? 0) + 1);
  const number = (header: string, cell: Column["cell"]): Column => ({ header, maxWidth: NUMBER_WIDTH, cell });
  return [
    { header: "Dziedzina", maxWidth: 24, cell: (ind) => ({ value: ind.domain }) },
    { header: "Kierunek działań", maxWidth: 24, cell: (ind) => ({ value: ind.direction }) },
    { header: "Lp.", maxWidth: 6, cell: lp },
    { header: "Wskaźnik", maxWidth: 50, cell: (ind) => ({ value: ind.name }), link: true },
    { header: "Kod", maxWidth: 10, cell: (ind) => ({ value: ind.code }) },
    { header: "Trend", maxWidth: 16, cell: (ind) => ({ value: TREND_WORDS[ind.trend] }) },
    number("Wartość bazowa", (ind) => valueCell(ind.baseline, ind)),
    number("Wartość docelowa", (ind) => valueCell(ind.target, ind)),
    ...years.map((y) => number(`Rok ${y}`, (ind) => valueCell(ind.values[y], ind))),
    number("Ostatni rok", (ind) => ({ value: latestYear(ind, years) })),
    {
      header: "Status",
      maxWidth: 20,
      cell: (ind) => {
        const status = statusOf(analysis, ind, "latest");
        return { value: statusText(status, "pl"), fill: STATUS_STYLES[status].fill };
      },
    },
    number("Zmiana r/r", (ind) => change(ind, years)),
    { header: "Ocena zmiany", maxWidth: 14, cell: (ind) => changeReading(ind, years) },
    { ...number("Przeliczona", (ind) => ratioValue(analysis, ind, years)), screenOnly: true },
    { ...number("Zgodność", (ind) => ratioMatch(analysis, ind, years)), screenOnly: true },
    { ...number("Liczba uwag", (ind) => ({ value: findings.get(ind.id) ?? 0 })), screenOnly: true },
  ];
}
