/**
 * Live colours: the conditional-format rules "Koloruj wg trendu" writes, so that Excel (or LibreOffice) itself
 * colours each yearly value by its status, and keeps doing so when a figure is typed later, with no add-in running.
 *
 * Per run of alike value cells (one row's adjacent cells), one condition per status the row's trend can give, built so
 * that exactly one of them holds for any contents: they do not depend on rule order (Excel's priority, LibreOffice's
 * condition order) and they tell the same story as the engine (status.ts):
 * - every cell is read as the engine reads it: a true number rounded to the decimals its format shows, a percent row's
 *   bare number above 1 (or typed without "%") as percentage points; text through NUMBERVALUE with a decimal comma;
 *   text the rule was made over is pinned to the engine's reading of it ("26 asystentów" is 26), so the rules agree
 *   with the engine on every figure there now, and a figure typed later is read by the formula alone;
 * - the trend and the tolerance are written into the formula (they are the row's, not the cell's);
 * - the baseline and target are named column-absolute and row-relative ("$C7"), so that runs of many rows whose
 *   conditions read the same relative to their first cell share one rule per status over a multi-area range
 *   (sharedRules): a thousand-row table needs a few hundred rules, not one set per row.
 *
 * A rule is recognisably the add-in's by a marker term N("mops-wskazniki:<status>@<range>"), which is 0 and so
 * changes nothing: a second colouring and restore remove exactly the rules carrying it, never the user's own.
 * The marker names the range the rule was made for ("D7:H8,D10:H10"): a rule whose range moved (rows inserted)
 * reads as different, and the next colouring replaces it.
 */
import { parseA1, parseRange, rangeA1, toA1 } from "./address";
import type { Status, Trend, ValueCell } from "./model";
import { STATUS_STYLES } from "./palette";
import { isPercentRow, sameNumber, shownInRow, type ValueRow } from "./status";
import { cleanFloat, formatDecimals, isPercentFormat } from "./values";

/** The prefix of the marker every rule of the add-in carries. */
export const RULE_MARK = "mops-wskazniki:";

/** One conditional-format rule: its formula (relative to the range's top-left cell) selects one status. */
export interface StatusRule {
  /**
   * Areas of one column span, top to bottom, comma-separated as Office.js takes them: "D7:H8,D10:H10". The first
   * area's top-left cell is the whole range's, the anchor that Excel, the file format and LibreOffice all read the
   * relative references from.
   */
  range: string;
  /** "=AND(…)", in Excel's English syntax (as Office.js and the file format take it). */
  formula: string;
  status: Status;
  /** "#RRGGBB" */
  fill: string;
  /** The cells' own number format with the status symbol in front, or null to leave the format alone. */
  numberFormat: string | null;
}

/** Is this conditional-format formula one the add-in wrote? */
export function isOwnRule(formula: string): boolean {
  return formula.includes(`N("${RULE_MARK}`);
}

/** The status an own rule's formula selects, from its marker; null for any other formula. */
export function ruleStatus(formula: string): Status | null {
  const m = /N\("mops-wskazniki:([a-z_]+)@/.exec(formula);
  const status = m?.[1];
  return status !== undefined && status in STATUS_STYLES ? (status as Status) : null;
}

/** The range an own rule was made for, from its marker ("F5:H5,F7:H7"); null for any other formula. */
export function ruleRange(formula: string): string | null {
  return (
    /N\("mops-wskazniki:[a-z_]+@([A-Z]+\d+(?::[A-Z]+\d+)?(?:,[A-Z]+\d+(?::[A-Z]+\d+)?)*)"\)/.exec(formula)?.[1] ?? null
  );
}

/** The cells an own rule was made for, from its marker ("F5:H5,F7" gives F5, G5, H5, F7); none for any other formula. */
export function ruleCells(formula: string): string[] {
  const out: string[] = [];
  for (const area of ruleRange(formula)?.split(",") ?? []) {
    const { start, end } = parseRange(area);
    for (let row = start.row; row <= end.row; row++)
      for (let col = start.col; col <= end.col; col++) out.push(toA1(row, col));
  }
  return out;
}

/** The tolerance a set of own rules was made with (their "maintain" rules carry it), or null when none says. */
export function ruleTolerance(formulas: string[]): number | null {
  for (const f of formulas) {
    const m = /\)<=([0-9.]+(?:E-?\d+)?)\*ABS\(/.exec(f);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The statuses a row's trend can give, in the order rules are listed. */
export function trendStatuses(trend: Trend, hasTarget: boolean): Status[] {
  switch (trend) {
    case "increase":
    case "decrease":
      return [...(hasTarget ? (["target_met"] as const) : []), "improved", "unchanged", "worsened", "no_data"];
    case "maintain":
      return ["stable", "deviated", "no_data"];
    case "unknown":
      return ["unknown_trend", "no_data"];
  }
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A number as a formula literal: at most 15 significant digits, no exponent surprises. */
function literal(n: number): string {
  const s = String(cleanFloat(n));
  return s.includes("e") ? n.toExponential(14).replace(/\.?0+e/, "E") : s;
}

/** Text read as a number with a decimal comma (a dot from an English copy read as one too); "" when it is none. */
function textNumber(ref: string, percentRow: boolean): string {
  const read = `NUMBERVALUE(SUBSTITUTE(${ref},".",","),",", " ")`;
  // In a percent row, a number typed without its "%" means percentage points (lostPercentSign).
  return `IFERROR(${percentRow ? `${read}/IF(ISNUMBER(SEARCH("%",${ref})),1,100)` : read},"")`;
}

/**
 * What textNumber makes of a text, where that is certain: a plain number with a decimal comma or point, spaces
 * between digits, an optional sign and "%"; nothing (null) for text without a digit; undefined when unsure.
 */
function formulaReading(text: string, percentRow: boolean): number | null | undefined {
  const t = text.replace(/ /g, "").replace(/\./g, ",");
  if (!/\d/.test(t)) return null;
  const m = /^([-+]?)(\d+)(?:,(\d+))?(%?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(`${m[1]}${m[2]}.${m[3] ?? "0"}`);
  return m[4] === "%" || percentRow ? n / 100 : n;
}

/** A true number as the engine reads it: rounded to the decimals its format shows, in the unit the reader sees. */
function trueNumber(ref: string, numberFormat: string, percentRow: boolean): string {
  const decimals = formatDecimals(numberFormat);
  if (isPercentFormat(numberFormat)) return decimals === null ? ref : `ROUND(${ref}*100,${decimals})/100`;
  const rounded = decimals === null ? ref : `ROUND(${ref},${decimals})`;
  // A bare number above 1 in a percent row is percentage points (no share is above 1).
  return percentRow ? `${rounded}/IF(ABS(${ref})>1,100,1)` : rounded;
}

/**
 * The number a cell stands for, as the engine reads it (shownInRow), or "" when it holds none. `ref` is how the
 * formula names the cell; text there now is pinned to the engine's reading.
 */
export function readingOf(cell: ValueCell | null, ref: string, row: ValueRow): string {
  const percentRow = isPercentRow(row);
  const numberFormat = cell?.numberFormat ?? "General";
  const live = `IF(ISNUMBER(${ref}),${trueNumber(ref, numberFormat, percentRow)},IF(${ref}="","",${textNumber(ref, percentRow)}))`;
  if (!cell || !cell.parsed.typedAsText || cell.parsed.text.trim() === "") return live;
  const now = shownInRow(cell, row);
  // Text the formula reads as the engine does needs no pin (most typed figures): the rule stays short.
  const read = typeof cell.parsed.text === "string" ? formulaReading(cell.parsed.text, percentRow) : undefined;
  if (read !== undefined && (read === null ? now === null : now !== null && sameNumber(read, now))) return live;
  return `IF(${ref}=${quote(cell.parsed.text)},${now === null ? '""' : literal(now)},${live})`;
}

/** The condition (true or false, never an error) under which a value has this status. */
function condition(status: Status, trend: Trend, v: string, b: string, t: string | null, tolerance: number): string {
  const present = `AND(ISNUMBER(${v}),ISNUMBER(${b}))`;
  if (status === "no_data") return `NOT(${present})`;
  if (status === "unknown_trend") return present;
  if (trend === "maintain") {
    // As the engine: |v - b| <= tolerance × |b|, floating-point noise counted as equal.
    const within = `ABS(${v}-${b})<=${literal(tolerance)}*ABS(${b})+1E-9*MAX(1,ABS(${b}))`;
    return `AND(${present},${status === "stable" ? within : `NOT(${within})`})`;
  }
  const [better, worse] = trend === "increase" ? [">", "<"] : ["<", ">"];
  const met = t === null ? null : `AND(ISNUMBER(${t}),${v}${better}=${t})`;
  if (status === "target_met") return `AND(${present},${met})`;
  const compare =
    status === "improved" ? `${v}${better}${b}` : status === "worsened" ? `${v}${worse}${b}` : `${v}=${b}`;
  return met === null ? `AND(${present},${compare})` : `AND(${present},NOT(${met}),${compare})`;
}

/** The formula of one rule: a condition written for its range's top-left cell, marked as the add-in's. */
function ruleFormula(status: Status, range: string, condition: string): string {
  return `=AND(IFERROR(${condition},FALSE),N("${RULE_MARK}${status}@${range}")=0)`;
}

/**
 * A number format with the status symbol in front, in all four sections: positive, negative (with its minus after
 * the symbol, "− -0,92"), zero, and text, so that a figure typed as text ("4,5%") shows it too.
 */
export function symbolFormat(numberFormat: string, status: Status): string {
  const symbol = quote(`${STATUS_STYLES[status].symbol} `);
  const put = (section: string, extra = ""): string => section.replace(/^((?:\[[^\]]*\])*)/, `$1${symbol}${extra}`);
  // split always yields at least one section
  const [positive = "", negative, zero, text] = numberFormat.split(";");
  return [
    put(positive),
    negative === undefined ? put(positive, "-") : put(negative),
    put(zero ?? positive),
    put(text ?? "@"),
  ].join(";");
}

export interface RuleRow extends ValueRow {
  trend: Trend;
}

/** Where a run's baseline or target is, seen from the run: its column, and its row less the run's. */
interface Seen {
  col: number;
  rows: number;
}

/**
 * One row's run of adjacent value cells read alike, and the condition of each status its trend can give, with
 * stand-ins for the cells it reads (CELL): runs whose conditions, format, span and baseline and target as seen from
 * them are the same read alike wherever they are, and can share rules.
 */
export interface RuleRun {
  /** 0-based sheet row, and the run's first and last column. */
  row: number;
  left: number;
  right: number;
  numberFormat: string;
  baseline: Seen | null;
  target: Seen | null;
  conditions: { status: Status; condition: string }[];
}

/** Stand-ins for the cells a condition reads, named once the rule's top-left cell is known (placed). */
const CELL = { value: "\u0001V", baseline: "\u0001B", target: "\u0001T" };
/** Any of the CELL stand-ins. */
const STAND_IN = new RegExp(Object.values(CELL).join("|"), "g");

/**
 * A row's value cells (by address, "x" and cells hidden by a merge already left out) in runs of adjacent cells read
 * alike, each with one condition per status the row's trend can give.
 */
export function rowRuns(row: RuleRow, cells: ValueCell[], tolerance: number): RuleRun[] {
  const b = row.baseline ? readingOf(row.baseline, CELL.baseline, row) : '""';
  const t = row.target ? readingOf(row.target, CELL.target, row) : null;
  return runs(cells, row).map(({ first, last, reading: v }) => {
    const seen = (cell: ValueCell | null): Seen | null => (cell ? { col: cell.col, rows: cell.row - first.row } : null);
    return {
      row: first.row,
      left: first.col,
      right: last.col,
      numberFormat: first.numberFormat || "General",
      baseline: seen(row.baseline),
      target: seen(row.target ?? null),
      conditions: trendStatuses(row.trend, t !== null).map((status) => ({
        status,
        condition: condition(status, row.trend, v, b, t, tolerance),
      })),
    };
  });
}

/**
 * A run's condition with its cells named: the value relative ("F7"), so that each cell of a range reads itself; the
 * baseline and target with the column fixed and the row relative ("$C7"), so that each row of a shared rule reads
 * its own. Text in quotes (a pinned figure) is left as it is.
 */
function placed(condition: string, run: RuleRun): string {
  const at = (cell: Seen | null): string => (cell ? `$${toA1(run.row + cell.rows, cell.col)}` : '""');
  // named once, not once per piece between the condition's many quoted literals
  const names: Record<string, string> = {
    [CELL.value]: toA1(run.row, run.left),
    [CELL.baseline]: at(run.baseline),
    [CELL.target]: at(run.target),
  };
  return condition
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(STAND_IN, (cell) => names[cell] ?? cell)))
    .join("");
}

/**
 * The longest text Excel takes in a formula's string literal. The marker's range list stays within it, so a rule
 * shared by many rows covers at most some twenty areas; a longer group takes several rules.
 */
const MAX_LITERAL = 255;
const RANGE_CHARS = MAX_LITERAL - RULE_MARK.length - 1 - Math.max(...Object.keys(STATUS_STYLES).map((s) => s.length));

/**
 * The rules for many runs: runs that read alike (RuleRun) share one rule per status, over a range of their areas
 * (runs in consecutive rows as one rectangle) sorted by row, so that the first area's top-left cell is the range's.
 */
export function sharedRules(runs: RuleRun[]): StatusRule[] {
  const groups = new Map<string, RuleRun[]>();
  for (const run of runs) {
    const { row: _row, conditions, ...shape } = run;
    const key = [JSON.stringify(shape), ...conditions.flatMap((c) => [c.status, c.condition])].join("\u0000");
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  const out: StatusRule[] = [];
  for (const group of groups.values()) {
    for (const { range, first } of rangesOf(group)) {
      for (const { status, condition: c } of first.conditions) {
        out.push({
          range,
          formula: ruleFormula(status, range, placed(c, first)),
          status,
          fill: STATUS_STYLES[status].fill,
          numberFormat: symbolFormat(first.numberFormat, status),
        });
      }
    }
  }
  return out;
}

/** A group's runs as ranges of at most RANGE_CHARS, each with the run at its top-left cell. */
function rangesOf(group: RuleRun[]): { range: string; first: RuleRun }[] {
  const sorted = [...group].sort((p, q) => p.row - q.row);
  const areas: { first: RuleRun; last: RuleRun }[] = [];
  for (const run of sorted) {
    const area = areas[areas.length - 1];
    if (area && area.last.row + 1 === run.row) area.last = run;
    else areas.push({ first: run, last: run });
  }
  const out: { range: string; first: RuleRun }[] = [];
  for (const { first, last } of areas) {
    const address = rangeA1({ row: first.row, col: first.left }, { row: last.row, col: last.right });
    const range = out[out.length - 1];
    if (range && range.range.length + 1 + address.length <= RANGE_CHARS) range.range += `,${address}`;
    else out.push({ range: address, first });
  }
  return out;
}

/**
 * Adjacent cells (same row, next column) read alike: the same format, nothing pinned. Each run carries its cells'
 * reading, with CELL.value for the cell, worked out once per cell.
 */
function runs(cells: ValueCell[], row: ValueRow): { first: ValueCell; last: ValueCell; reading: string }[] {
  const out: { first: ValueCell; last: ValueCell; reading: string; key: string }[] = [];
  const sorted = [...cells].sort((p, q) => p.col - q.col);
  for (const cell of sorted) {
    const reading = readingOf(cell, CELL.value, row);
    const key = `${cell.numberFormat}\u0000${reading}`;
    const run = out[out.length - 1];
    if (run && run.last.row === cell.row && run.last.col + 1 === cell.col && run.key === key) run.last = cell;
    else out.push({ first: cell, last: cell, reading, key });
  }
  return out;
}

/**
 * A rule's formula as it reads for another cell of its range: relative references moved by the offset, as Excel
 * and LibreOffice apply a rule to each cell; references get the sheet's name when one is given (a helper cell
 * elsewhere that evaluates the rule, in tests and the preview).
 */
export function formulaForCell(formula: string, from: string, to: string, sheet?: string): string {
  const [a, b] = [parseA1(from), parseA1(to)];
  const prefix = sheet === undefined ? "" : `'${sheet.replace(/'/g, "''")}'!`;
  // Split off string literals: nothing inside quotes is a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z_.$\d!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
            (_m, c$: string, col: string, r$: string, row: string) => {
              const { row: r0, col: c0 } = parseA1(`${col}${row}`);
              const moved = toA1(r$ ? r0 : r0 + b.row - a.row, c$ ? c0 : c0 + b.col - a.col);
              const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(moved)!;
              return `${prefix}${c$}${letters}${r$}${digits}`;
            },
          ),
    )
    .join("");
}
