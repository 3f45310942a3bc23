/**
 * The JSON report (`mops-indicators analyze --json`): an Analysis in plain, stable terms. Rows are the sheet's
 * 1-based rows, as a person reads them; values are in Excel's units (a percent as a fraction).
 */
import { subRowId } from "./analyze";
import { labelledRows } from "./labelled-rows";
import { explainAll, type Explanation } from "./explain";
import type {
  Analysis,
  Component,
  Finding,
  Indicator,
  IndicatorTable,
  RatioResult,
  Severity,
  Status,
  SubRow,
  Trend,
  ValueCell,
  ValueKind,
} from "./model";
import type { Decision } from "./review/decisions";
import type { ReviewedFinding } from "./review/reviewed";
import { rowStatuses } from "./status";
import type { Message } from "./message";

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportCell {
  address: string;
  text: string;
  value: number | null;
  kind: ValueKind;
}

export interface ReportComponent {
  row: number;
  name: string;
  baseline: ReportCell | null;
  values: Record<string, ReportCell | null>;
}

export interface ReportSubRow extends ReportComponent {
  trend: Trend;
  target: ReportCell | null;
  status: Record<string, Status>;
}

export interface ReportRatio {
  formula: RatioResult["formula"];
  unit: RatioResult["unit"];
  source: RatioResult["source"];
  description: Message;
  /** 1-based rows of the components used, in formula order. */
  componentRows: number[];
  recalculated: Record<string, number | null>;
  matches: Record<string, boolean | null>;
}

export interface ReportIndicator {
  id: string;
  row: number;
  number: string | null;
  name: string;
  code: string | null;
  domain: string | null;
  direction: string | null;
  trend: Trend;
  baseline: ReportCell | null;
  target: ReportCell | null;
  values: Record<string, ReportCell | null>;
  components: ReportComponent[];
  subRows: ReportSubRow[];
  /** Lines typed together in the indicator's cells ("MOPS KIS 17%" over "GUP 4%"), one row each; absent when none. */
  labelledRows?: ReportSubRow[];
  ratio: ReportRatio | null;
  /** Why an indicator with components got no formula. */
  ratioNote?: Message;
  /** By year and "latest". */
  status: Record<string, Status>;
}

export interface ReportTable {
  range: string;
  layout: IndicatorTable["layout"];
  years: number[];
  indicators: ReportIndicator[];
}

export interface ReportFinding {
  code: string;
  severity: Severity;
  sheet: string;
  address: string;
  row: number;
  indicator: string | null;
  column: string | null;
  message: Message;
  /** The reviewer's decision from the findings sheet ("Uwagi"); "open" when there is none. */
  decision: Decision;
  /** The reviewer's comment, when there is one. */
  comment?: string;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  file: string;
  tolerance: number;
  sheets: { name: string; message?: Message; tables: ReportTable[] }[];
  findings: ReportFinding[];
  /** Why each yearly value has its colour (explain.ts): the same words the pane shows for a selected cell. */
  explanations: Explanation[];
}

/** `reviewed` gives the findings' decisions (src/core/review); a finding it does not list is open. */
export function buildReport(file: string, analysis: Analysis, reviewed: ReviewedFinding[] = []): Report {
  const review = new Map<Finding, ReviewedFinding>(reviewed.map((r) => [r.finding, r]));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    file,
    tolerance: analysis.tolerance,
    sheets: analysis.sheets.map((s) => ({
      name: s.sheet,
      ...(s.message ? { message: s.message } : {}),
      tables: s.tables.map((t) => reportTable(t, analysis)),
    })),
    findings: analysis.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      address: f.address,
      row: f.row + 1,
      indicator: f.indicatorId,
      column: f.column,
      message: f.message,
      decision: review.get(f)?.decision ?? "open",
      ...(review.get(f)?.comment ? { comment: review.get(f)?.comment } : {}),
    })),
    explanations: explainAll(analysis),
  };
}

function reportTable(t: IndicatorTable, analysis: Analysis): ReportTable {
  return {
    range: t.range,
    layout: t.layout,
    years: t.years,
    indicators: t.indicators.map((i) => reportIndicator(i, t.years, analysis)),
  };
}

function reportIndicator(ind: Indicator, years: number[], analysis: Analysis): ReportIndicator {
  const ratio = analysis.ratios[ind.id] ?? null;
  const note = analysis.ratioNotes[ind.id];
  return {
    id: ind.id,
    row: ind.row + 1,
    number: ind.number,
    name: ind.name,
    code: ind.code,
    domain: ind.domain,
    direction: ind.direction,
    trend: ind.trend,
    baseline: cell(ind.baseline),
    target: cell(ind.target),
    values: yearly(ind.values, years),
    components: ind.components.map((c) => component(c, years)),
    subRows: ind.subRows.map((s) => subRow(s, years, analysis.statuses[subRowId(ind, s.row)] ?? {})),
    ...labelled(ind, years, analysis.tolerance),
    ratio: ratio && {
      formula: ratio.formula,
      unit: ratio.unit,
      source: ratio.source,
      description: ratio.description,
      componentRows: ratio.componentRows.map((r) => r + 1),
      recalculated: ratio.recalculated,
      matches: ratio.matches,
    },
    ...(note ? { ratioNote: note } : {}),
    status: analysis.statuses[ind.id] ?? {},
  };
}

function labelled(ind: Indicator, years: number[], tolerance: number): { labelledRows?: ReportSubRow[] } {
  const rows = labelledRows(ind);
  return rows.length === 0
    ? {}
    : { labelledRows: rows.map((r) => subRow(r, years, rowStatuses(r, r.trend, years, tolerance))) };
}

function component(c: Component, years: number[]): ReportComponent {
  return { row: c.row + 1, name: c.name, baseline: cell(c.baseline), values: yearly(c.values, years) };
}

function subRow(s: SubRow, years: number[], status: Record<string, Status>): ReportSubRow {
  return { ...component(s, years), trend: s.trend, target: cell(s.target), status };
}

/** Every year of the table, so that a missing cell shows as null rather than as an absent key. */
function yearly(values: Record<number, ValueCell | null>, years: number[]): Record<string, ReportCell | null> {
  return Object.fromEntries(years.map((y) => [String(y), cell(values[y] ?? null)]));
}

/** A cell as the reports show it (the comparison report's too). */
export function cell(v: Pick<ValueCell, "address" | "parsed"> | null): ReportCell | null {
  return v && { address: v.address, text: v.parsed.text, value: v.parsed.value, kind: v.parsed.kind };
}
