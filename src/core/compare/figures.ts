/**
 * Two editions' figures for the same cell, compared as printed: "3,10%" and "3,1%", "8000" and "8 000", "89%" typed
 * and 0.89 formatted as a percent are the same figure; a finer figure that rounds or truncates to the coarser one's
 * digits ("7,69%" beside "7,7%") is too. A figure only one edition gives (empty, "b.d.") cannot have been revised.
 */
import type { ParsedValue, ValueCell } from "../model";

export type FigureComparison = "same" | "revised" | "absent";

/** Floating point noise allowed when scaling to the shown decimals (as in ratio/precision.ts). */
const EPSILON = 1e-9;
/** Decimals assumed for a number whose precision is unknown (a true number under "General"). */
const FULL_PRECISION = 10;

export function compareFigures(before: ParsedValue | null, after: ParsedValue | null): FigureComparison {
  if (!before || !after || before.kind === "missing" || after.kind === "missing") return "absent";
  const x = points(before);
  const y = points(after);
  if (x !== null && y !== null) return sameAtPrecision(x, y) ? "same" : "revised";
  if (x !== null || y !== null) return "revised";
  return before.kind === after.kind && foldText(before.text) === foldText(after.text) ? "same" : "revised";
}

/** A number as printed, with its decimals: a percent in percentage points ("89%" is 89), as its reader sees it. */
function points(v: ParsedValue): { value: number; decimals: number } | null {
  if ((v.kind !== "number" && v.kind !== "percent") || v.value === null) return null;
  return { value: v.kind === "percent" ? v.value * 100 : v.value, decimals: v.decimals ?? FULL_PRECISION };
}

function sameAtPrecision(a: { value: number; decimals: number }, b: { value: number; decimals: number }): boolean {
  const [coarse, fine] = a.decimals <= b.decimals ? [a, b] : [b, a];
  const scale = 10 ** coarse.decimals;
  const target = Math.round(coarse.value * scale);
  const magnitude = Math.abs(fine.value) * scale;
  const sign = fine.value < 0 ? -1 : 1;
  const noise = EPSILON * Math.max(1, magnitude);
  return sign * Math.floor(magnitude + 0.5 + noise) === target || sign * Math.floor(magnitude + noise) === target;
}

function foldText(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Years both editions have a column for: a year only one edition covers cannot have been revised. */
export function sharedYears(a: Record<number, ValueCell | null>, b: Record<number, ValueCell | null>): number[] {
  return Object.keys(b)
    .map(Number)
    .filter((y) => y in a)
    .sort((x, y) => x - y);
}

interface FigureRow {
  baseline: ValueCell | null;
  target?: ValueCell | null;
  values: Record<number, ValueCell | null>;
}

/**
 * How far two rows' figures agree, from -1 (every figure both give differs) to 1 (every one is the same); 0 when
 * they share none. Revisions are few, so the same indicator agrees on most of its figures.
 */
export function figureAgreement(a: FigureRow, b: FigureRow): number {
  const pairs: [ValueCell | null | undefined, ValueCell | null | undefined][] = [
    [a.baseline, b.baseline],
    [a.target, b.target],
    ...sharedYears(a.values, b.values).map((y): [ValueCell | null, ValueCell | null] => [
      a.values[y] ?? null,
      b.values[y] ?? null,
    ]),
  ];
  let same = 0;
  let revised = 0;
  for (const [x, y] of pairs) {
    const result = compareFigures(x?.parsed ?? null, y?.parsed ?? null);
    if (result === "same") same++;
    else if (result === "revised") revised++;
  }
  return same + revised === 0 ? 0 : (same - revised) / (same + revised);
}
