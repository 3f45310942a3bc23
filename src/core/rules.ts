/**
 * Live colours: the conditional-format rules "Koloruj wg trendu" writes, so that Excel (or LibreOffice) itself
 * colours each yearly value by its status, and keeps doing so when a figure is typed later, with no add-in running.
 *
 * Per indicator row and run of alike value cells, one formula rule per status the row's trend can give, built so
 * that exactly one of them holds for any contents: they do not depend on rule order (Excel's priority, LibreOffice's
 * condition order) and they tell the same story as the engine (status.ts):
 * - every cell is read as the engine reads it: a true number rounded to the decimals its format shows, a percent row's
 *   bare number above 1 (or typed without "%") as percentage points; text through NUMBERVALUE with a decimal comma;
 *   text the rule was made over is pinned to the engine's reading of it ("26 asystentów" is 26), so the rules agree
 *   with the engine on every figure there now, and a figure typed later is read by the formula alone;
 * - the trend and the tolerance are written into the formula (they are the row's, not the cell's).
 *
 * A rule is recognisably the add-in's by a marker term N("mops-wskazniki:<status>@<range>"), which is 0 and so
 * changes nothing: a second colouring and restore remove exactly the rules carrying it, never the user's own.
 * The marker names the range the rule was made for: a rule whose range moved (rows inserted) reads as different,
 * and the next colouring replaces it.
 */
import { parseA1, toA1 } from "./address";
import type { Status, Trend, ValueCell } from "./model";
import { STATUS_STYLES } from "./palette";
import { isPercentRow, sameNumber, shownInRow, type ValueRow } from "./status";
import { formatDecimals, isPercentFormat } from "./values";

/** The prefix of the marker every rule of the add-in carries. */
export const RULE_MARK = "mops-wskazniki:";

/** One conditional-format rule: its formula (relative to the range's top-left cell) selects one status. */
export interface StatusRule {
  /** One row's run of adjacent value cells, "D7:H7". */
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
  return m && m[1] in STATUS_STYLES ? (m[1] as Status) : null;
}

/** The cells an own rule was made for, from its marker ("F5:H5" gives F5, G5, H5); none for any other formula. */
export function ruleCells(formula: string): string[] {
  const m = /N\("mops-wskazniki:[a-z_]+@([A-Z]+\d+)(?::([A-Z]+\d+))?"\)/.exec(formula);
  if (!m) return [];
  const [a, b] = [parseA1(m[1]), parseA1(m[2] ?? m[1])];
  const out: string[] = [];
  for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) out.push(toA1(row, col));
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
  const s = String(Number(n.toPrecision(15)));
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

/** The formula of one rule, marked as the add-in's. */
export function ruleFormula(
  status: Status,
  range: string,
  trend: Trend,
  v: string,
  b: string,
  t: string | null,
  tolerance: number,
): string {
  return `=AND(IFERROR(${condition(status, trend, v, b, t, tolerance)},FALSE),N("${RULE_MARK}${status}@${range}")=0)`;
}

/**
 * A number format with the status symbol in front, in all four sections: positive, negative (with its minus after
 * the symbol, "− -0,92"), zero, and text, so that a figure typed as text ("4,5%") shows it too.
 */
export function symbolFormat(numberFormat: string, status: Status): string {
  const symbol = quote(`${STATUS_STYLES[status].symbol} `);
  const put = (section: string, extra = ""): string => section.replace(/^((?:\[[^\]]*\])*)/, `$1${symbol}${extra}`);
  const [positive, negative, zero, text] = numberFormat.split(";");
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

/**
 * The rules for one row: its value cells (by address, "x" and cells hidden by a merge already left out) in runs of
 * adjacent cells read alike, and per run one rule per status its trend can give.
 */
export function rowRules(row: RuleRow, cells: ValueCell[], tolerance: number): StatusRule[] {
  const abs = (cell: ValueCell | null | undefined): string | null => (cell ? toA1Absolute(cell.address) : null);
  const b = readingOf(row.baseline, abs(row.baseline) ?? '""', row);
  const t = row.target ? readingOf(row.target, abs(row.target)!, row) : null;
  const out: StatusRule[] = [];
  for (const run of runs(cells, row)) {
    const first = run[0];
    const range = run.length === 1 ? first.address : `${first.address}:${run[run.length - 1].address}`;
    const v = readingOf(first, first.address, row);
    for (const status of trendStatuses(row.trend, t !== null)) {
      out.push({
        range,
        formula: ruleFormula(status, range, row.trend, v, row.baseline ? b : '""', t, tolerance),
        status,
        fill: STATUS_STYLES[status].fill,
        numberFormat: symbolFormat(first.numberFormat || "General", status),
      });
    }
  }
  return out;
}

/** "$C$7" */
function toA1Absolute(address: string): string {
  const { row, col } = parseA1(address);
  return toA1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** Adjacent cells (same row, next column) read alike: the same format, nothing pinned. */
function runs(cells: ValueCell[], row: ValueRow): ValueCell[][] {
  const out: ValueCell[][] = [];
  const sorted = [...cells].sort((p, q) => p.col - q.col);
  const template = (c: ValueCell) => `${c.numberFormat}\u0000${readingOf(c, "@", row)}`;
  for (const cell of sorted) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.row === cell.row && last.col + 1 === cell.col && template(last) === template(cell)) run.push(cell);
    else out.push([cell]);
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
