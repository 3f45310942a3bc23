/**
 * "Dlaczego ten kolor": for a yearly value cell, the figures as shown (value, baseline, target), the row's trend and
 * tolerance, and the comparison that decided its status, in words. The pane shows it for the selected cell, and
 * `analyze --json` lists it for every value cell; both read it from here, so they cannot differ from the rules.
 */
import { analyzeWorkbook, DEFAULT_TOLERANCE, subRowId } from "./analyze";
import type { Lang, Message } from "./message";
import type { Analysis, IndicatorTable, Status, Trend, ValueCell } from "./model";
import { statusText } from "./palette";
import { ruleCells, ruleTolerance } from "./rules";
import type { SheetSnapshot } from "./snapshot";
import { rowStatuses, sameNumber, shownInRow, type ValueRow } from "./status";

export interface Explanation {
  sheet: string;
  address: string;
  /** The indicator's (or sub-row's) name. */
  name: string;
  year: number;
  /** As the sheet shows them; null where there is no cell. */
  value: string | null;
  baseline: string | null;
  target: string | null;
  trend: Trend;
  trendText: string;
  /** Relative tolerance; only a "maintain" row uses it. */
  tolerance: number;
  status: Status;
  /** The comparison that decided, e.g. "wzrost: 132 ≥ cel 120 → ✔ cel osiągnięty". */
  reason: Message;
}

/** A relative tolerance as a percentage figure, e.g. 0.025 → "2.5" (en) or "2,5" (pl). */
export function tolerancePercent(tolerance: number, lang: Lang): string {
  const pct = `${Math.round(tolerance * 10000) / 100}`;
  return lang === "pl" ? pct.replace(".", ",") : pct;
}

const shown = (cell: ValueCell | null | undefined): string | null => (cell ? cell.parsed.text.trim() || null : null);

/** Why a value of a row has its status, in words (the branches of statusOfValue). */
function reason(row: ValueRow, trend: Trend, cell: ValueCell | null, tolerance: number, status: Status): Message {
  const [v, b, t] = [shownInRow(cell, row), shownInRow(row.baseline, row), shownInRow(row.target, row)];
  const [vs, bs, ts] = [shown(cell) ?? "", shown(row.baseline) ?? "", shown(row.target) ?? ""];
  const end = { pl: ` → ${statusText(status, "pl")}`, en: ` → ${statusText(status, "en")}` };
  if (v === null) return { pl: `brak liczby w komórce${end.pl}`, en: `no number in the cell${end.en}` };
  if (b === null) return { pl: `brak wartości bazowej${end.pl}`, en: `no baseline${end.en}` };
  if (trend === "unknown") return { pl: `trend nierozpoznany${end.pl}`, en: `trend not recognised${end.en}` };
  if (trend === "maintain") {
    const op = status === "stable" ? "≤" : ">";
    return {
      pl: `utrzymanie: |${vs} − ${bs}| ${op} ${tolerancePercent(tolerance, "pl")} % wartości bazowej${end.pl}`,
      en: `maintain: |${vs} − ${bs}| ${op} ${tolerancePercent(tolerance, "en")} % of the baseline${end.en}`,
    };
  }
  const [pl, en, better] = trend === "increase" ? ["wzrost", "increase", "≥"] : ["spadek", "decrease", "≤"];
  if (status === "target_met" && t !== null)
    return { pl: `${pl}: ${vs} ${better} cel ${ts}${end.pl}`, en: `${en}: ${vs} ${better} target ${ts}${end.en}` };
  const op = sameNumber(v, b) ? "=" : v > b ? ">" : "<";
  const notMet = t === null ? { pl: "", en: "" } : { pl: `, cel ${ts} nieosiągnięty`, en: `, target ${ts} not met` };
  return {
    pl: `${pl}: ${vs} ${op} bazowa ${bs}${notMet.pl}${end.pl}`,
    en: `${en}: ${vs} ${op} baseline ${bs}${notMet.en}${end.en}`,
  };
}

/** Every yearly value cell of a table ("x" cells excepted), explained. */
function explainTable(sheet: string, table: IndicatorTable, analysis: Analysis): Explanation[] {
  const out: Explanation[] = [];
  for (const ind of table.indicators) {
    for (const row of [ind, ...ind.subRows]) {
      const id = row === ind ? ind.id : subRowId(ind, row.row);
      const statuses = analysis.statuses[id] ?? rowStatuses(row, row.trend, table.years, analysis.tolerance);
      for (const year of table.years) {
        const cell = row.values[year];
        if (!cell || cell.parsed.kind === "not_applicable") continue;
        const status = statuses[String(year)] ?? "no_data";
        out.push({
          sheet,
          address: cell.address,
          name: row.name,
          year,
          value: shown(cell),
          baseline: shown(row.baseline),
          target: shown(row.target),
          trend: row.trend,
          trendText: row.trendText,
          tolerance: analysis.tolerance,
          status,
          reason: reason(row, row.trend, cell, analysis.tolerance, status),
        });
      }
    }
  }
  return out;
}

/** Explanations of every yearly value cell the analysis colours. */
export function explainAll(analysis: Analysis): Explanation[] {
  return analysis.sheets.flatMap((s) => s.tables.flatMap((t) => explainTable(s.sheet, t, analysis)));
}

/** A cell's explanation, or null when it is not a yearly value the add-in colours. */
export type Explainer = (address: string) => Explanation | null;

/**
 * The explanations of one sheet, worked out once, looked up by address ("$F$5" or "f5" alike): the pane asks for
 * one at every selection change. Where two tables share an address, the first explanation is the one given.
 */
export function explainer(analysis: Analysis, sheet: string): Explainer {
  const byAddress = new Map<string, Explanation>();
  for (const e of explainAll(analysis)) if (e.sheet === sheet && !byAddress.has(e.address)) byAddress.set(e.address, e);
  return (address) => byAddress.get(address.replace(/\$/g, "").toUpperCase()) ?? null;
}

/** The explanation of one cell, or null when it is not a yearly value the add-in colours. */
export function explain(analysis: Analysis, sheet: string, address: string): Explanation | null {
  return explainer(analysis, sheet)(address);
}

/**
 * What the add-in's rules on a sheet show now, by address: the status of every cell they cover, as the engine reads
 * the sheet with the rules' own tolerance (the rules agree with the engine:
 * test/e2e/libreoffice/live-colours.test.ts). For a host that cannot evaluate conditional formats itself (the
 * preview).
 */
export function liveStatuses(sheet: SheetSnapshot): Map<string, Status> {
  const formulas = sheet.ownRules ?? [];
  const covered = new Set(formulas.flatMap(ruleCells));
  if (covered.size === 0) return new Map();
  const analysis = analyzeWorkbook(
    { sheetNames: [sheet.name], sheets: [sheet], journal: { entries: [], generation: 0 } },
    { tolerance: ruleTolerance(formulas) ?? DEFAULT_TOLERANCE },
  );
  return new Map(
    explainAll(analysis)
      .filter((e) => covered.has(e.address))
      .map((e) => [e.address, e.status]),
  );
}
