/** The domain model: what the recogniser finds on a sheet and what the analysis says about it. */
import type { Message } from "./message";

/** A list with one element at least: its first is there for the type checker too. */
export type NonEmpty<T> = [T, ...T[]];

/** How a cell's content reads as an indicator value. */
export type ValueKind =
  | "number"
  | "percent"
  /** "b.d.", "brak danych", an empty cell */
  | "missing"
  /** "x" */
  | "not_applicable"
  | "text"
  | "error"
  /** two values in one cell ("MOPS KIS 17%" over "GUP 4%") */
  | "multiple";

export interface ParsedValue {
  kind: ValueKind;
  /** The number in Excel's units: "89%" is 0.89. Null unless kind is number or percent. */
  value: number | null;
  /** Decimals shown: for a percent, decimals of the percentage ("9,54%" is 2). */
  decimals: number | null;
  /** The text as the user sees it. */
  text: string;
  /** True when the number was typed as text rather than stored as a number. */
  typedAsText: boolean;
  /** For kind "multiple": each labelled part. */
  parts?: { label: string; value: ParsedValue }[];
}

/** A value cell the recogniser located: where it is and what it says. */
export interface ValueCell {
  /** 0-based sheet position. */
  row: number;
  col: number;
  address: string;
  parsed: ParsedValue;
  formula: string | null;
  numberFormat: string;
}

export type Trend = "increase" | "decrease" | "maintain" | "unknown";

/** A row of raw counts under a ratio indicator (numerator, denominator, ...). */
export interface Component {
  /** 0-based sheet row. */
  row: number;
  name: string;
  nameAddress: string;
  baseline: ValueCell | null;
  /** Keyed by year. */
  values: Record<number, ValueCell | null>;
}

/** A row that breaks an indicator down (a district, a benefit type): a small indicator of its own. */
export interface SubRow extends Component {
  /** Its own trend, or the parent's when the row has none. */
  trend: Trend;
  trendText: string;
  target: ValueCell | null;
}

export interface Indicator {
  /** Stable within one analysis: "<sheet>!<row>". */
  id: string;
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** "Lp." as written ("1", "1."), or null. */
  number: string | null;
  name: string;
  nameAddress: string;
  /** STRADOM code ("W19_W", "M13_M"), normalised without spaces. */
  code: string | null;
  domain: string | null;
  direction: string | null;
  trend: Trend;
  trendText: string;
  /** The cell the trend is read from, where the table has a trend column. */
  trendAddress?: string;
  baseline: ValueCell | null;
  target: ValueCell | null;
  values: Record<number, ValueCell | null>;
  components: Component[];
  subRows: SubRow[];
}

export interface IndicatorTable {
  sheet: string;
  /** A1 range the table spans. */
  range: string;
  /** Every year any of its header blocks names (or that its data clearly continues), ascending. */
  years: number[];
  indicators: Indicator[];
  /** "annex" (Załącznik nr 5) or "declaration" (Deklaracja wyników). */
  layout: "annex" | "declaration";
}

export interface SheetRecognition {
  sheet: string;
  tables: IndicatorTable[];
  /** Why nothing (or only part) was recognised; absent when the sheet read cleanly. */
  message?: Message;
}

// ---------------------------------------------------------------- analysis

export type Status =
  "target_met" | "improved" | "unchanged" | "worsened" | "stable" | "deviated" | "no_data" | "unknown_trend";

export type RatioFormulaId = "share" | "share_reversed" | "coverage" | "per_1000" | "weekly_hours_per_person";

export interface RatioResult {
  formula: RatioFormulaId;
  /** "%" for shares and coverage, "‰"-style rate per 1 000, "h/week" for hours. */
  unit: "percent" | "per_1000" | "hours_per_week";
  /** Where the formula came from: the code catalogue (checked by inference) or inference alone. */
  source: "catalogue" | "inferred";
  /** Human-readable formula with component names ("liczba A / liczba B"). */
  description: Message;
  /** Component rows used, in formula order (0-based sheet rows). */
  componentRows: number[];
  /** Keyed by "baseline" or the year. Values in Excel's units (percent as a fraction). */
  recalculated: Record<string, number | null>;
  /** Does the reported value agree at the precision shown? null where either side is missing. */
  matches: Record<string, boolean | null>;
}

export type Severity = "error" | "warning" | "info";

/** The stable code of each kind of finding (src/core/findings/index.ts says what each means). */
export type FindingCode =
  | "ratio_mismatch"
  | "formula_mismatch"
  | "ratio_last_digit"
  | "component_conflict"
  | "duplicate_indicator"
  | "negative_count"
  | "share_out_of_range"
  | "excel_error"
  | "implausible_jump"
  | "percent_sign_missing"
  | "numbering_gap"
  | "numbering_repeat"
  | "target_wrong_side"
  | "missing_value"
  | "unknown_trend"
  | "multiple_values"
  | "number_as_text"
  | "baseline_out_of_line"
  | "target_out_of_line"
  | "component_swing"
  | "name_formula_mismatch"
  | "same_quantity_two_names"
  | "identical_figures"
  | "carried_over";

export interface Finding {
  /** Stable code, e.g. "ratio_mismatch". */
  code: FindingCode;
  severity: Severity;
  sheet: string;
  address: string;
  /** 0-based sheet row. */
  row: number;
  indicatorId: string | null;
  /** "baseline", "target", a year, or null. */
  column: string | null;
  message: Message;
  /** For errors between two figures: how far apart they are, 0 to 1 (errors are listed largest first). */
  size?: number;
}

/** Everything the engine concludes about a workbook snapshot, for the pane, the CLI and the plans. */
export interface Analysis {
  /** Relative tolerance for "maintain" indicators (0.05 = 5 %). */
  tolerance: number;
  sheets: SheetRecognition[];
  /** By indicator id; null for an indicator that is not a ratio (or fits no formula). */
  ratios: Record<string, RatioResult | null>;
  /** Why an indicator with components got no formula, by indicator id. */
  ratioNotes: Record<string, Message>;
  /** By indicator id, then by year ("2021") and "latest". */
  statuses: Record<string, Record<string, Status>>;
  findings: Finding[];
}
