/** The rows findings look at, and how a finding names its cell, its indicator and its column. */
import { formatValue } from "../format";
import type {
  Finding,
  FindingCode,
  Indicator,
  IndicatorTable,
  Severity,
  SheetRecognition,
  Trend,
  ValueCell,
} from "../model";
import type { ValueRow } from "../status";
import type { Message } from "../message";

/** An indicator's own row, one of its components, or one of its sub-rows (a district, a benefit type). */
export interface RowRef {
  sheet: string;
  table: IndicatorTable;
  indicator: Indicator;
  kind: "indicator" | "component" | "sub_row";
  row: ValueRow & { row: number; name: string; nameAddress: string };
  trend: Trend;
  /** The trend as written ("" for a component). */
  trendText: string;
}

export function* eachRow(sheets: SheetRecognition[]): Generator<RowRef> {
  for (const s of sheets) {
    for (const table of s.tables) {
      for (const indicator of table.indicators) {
        const base = { sheet: s.sheet, table, indicator };
        yield { ...base, kind: "indicator", row: indicator, trend: indicator.trend, trendText: indicator.trendText };
        for (const c of indicator.components)
          yield { ...base, kind: "component", row: c, trend: "unknown", trendText: "" };
        for (const sub of indicator.subRows)
          yield { ...base, kind: "sub_row", row: sub, trend: sub.trend, trendText: sub.trendText };
      }
    }
  }
}

/** A row's cells with their column key ("baseline", "target", "2021", ...), in sheet order. */
export function columnsOf(ref: RowRef): [string, ValueCell][] {
  const out: [string, ValueCell][] = [];
  if (ref.row.baseline) out.push(["baseline", ref.row.baseline]);
  if (ref.row.target) out.push(["target", ref.row.target]);
  for (const year of ref.table.years) {
    const cell = ref.row.values[year];
    if (cell) out.push([String(year), cell]);
  }
  return out;
}

export function columnLabel(column: string): Message {
  if (column === "baseline") return { pl: "wartość bazowa", en: "baseline" };
  if (column === "target") return { pl: "wartość docelowa", en: "target" };
  return { pl: `rok ${column}`, en: column };
}

/** A name on one line, cut to `max` characters for a message. */
export function shortName(name: string, max = 60): string {
  const plain = name.replace(/\s+/g, " ").trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/** "wskaźnik W39_W" or "wskaźnik 3. „Liczba rodzin…”", for the start of a message. */
export function indicatorLabel(ind: Indicator): Message {
  if (ind.code) return { pl: `wskaźnik ${ind.code}`, en: `indicator ${ind.code}` };
  const n = ind.number ? `${ind.number.replace(/\.$/, "")}. ` : "";
  return { pl: `wskaźnik ${n}„${shortName(ind.name)}”`, en: `indicator ${n}"${shortName(ind.name)}"` };
}

/** What a row is, for a message: the indicator itself, or "składowa „…” (wskaźnik W39_W)". */
export function rowLabel(ref: RowRef): Message {
  const ind = indicatorLabel(ref.indicator);
  if (ref.kind === "indicator") return ind;
  const name = shortName(ref.row.name);
  const what = ref.kind === "component" ? { pl: "składowa", en: "component" } : { pl: "podział", en: "breakdown" };
  return { pl: `${what.pl} „${name}” (${ind.pl})`, en: `${what.en} "${name}" (${ind.en})` };
}

/** A number as the sheet would show it at the given decimals: "5,70%", "1 234,5", "0,61". */
export function shown(value: number, percent: boolean, decimals: number | null): string {
  const d = decimals ?? (percent ? 2 : Number.isInteger(value) ? 0 : 2);
  const fraction = d > 0 ? `.${"0".repeat(d)}` : "";
  return formatValue(value, percent ? `0${fraction}%` : `#,##0${fraction}`);
}

/** How far apart two numbers are, 0 to 1, for ordering errors: 5,70 % against 566,67 % is nearly 1. */
export function relativeGap(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

export function finding(
  code: FindingCode,
  severity: Severity,
  ref: RowRef,
  cell: { address: string; row: number },
  column: string | null,
  message: Message,
): Finding {
  return {
    code,
    severity,
    sheet: ref.sheet,
    address: cell.address,
    row: cell.row,
    indicatorId: ref.indicator.id,
    column,
    message,
  };
}

/** The row's name cell, for findings about the row as a whole. */
export function nameCell(ref: RowRef): { address: string; row: number } {
  return { address: ref.row.nameAddress, row: ref.row.row };
}
