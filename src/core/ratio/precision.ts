/**
 * "Matches at the precision shown": staff type a ratio rounded half-up or truncated to the decimals they show
 * ("70%" for 70.51 %, "5,29%" for 5.296 %), so a recalculated value matches when either reading gives the typed digits.
 */
import type { ParsedValue } from "../model";
import type { RatioUnit } from "./formulas";

/**
 * Floating point noise allowed, relative to the scaled value, when scaling to the shown decimals: 789474/20 × 100 is
 * 3947369.9999999995 in binary and must still read as 3947370 when truncated.
 */
const EPSILON = 1e-12;

/**
 * Whether the reported value is compared in percentage points. In a percent row, a bare number typed as text
 * ("4,5" with the % sign forgotten) or above 1 (no share is) means percentage points, like "4,5%". A true number up
 * to 1 under a plain format is a fraction, the way Excel stores percents, and is compared as one.
 */
export function inPercentagePoints(reported: ParsedValue, unit: RatioUnit): boolean {
  if (unit !== "percent") return false;
  return reported.kind === "percent" || reported.typedAsText || Math.abs(reported.value ?? 0) > 1;
}

/**
 * Does `recalculated` (Excel's units) give the reported digits, rounded half-up or truncated?
 * null when the cell holds no single number, or its decimals are unknown.
 */
export function matchesShown(recalculated: number, reported: ParsedValue, unit: RatioUnit): boolean | null {
  if (reported.value === null || reported.decimals === null) return null;
  if (reported.kind !== "number" && reported.kind !== "percent") return null;
  // A percent never shows a rate or hours: the rounding test below would pass 0,041% for 0,0008 h.
  if (reported.kind === "percent" && unit !== "percent") return false;
  const points = inPercentagePoints(reported, unit);
  const shown = reported.kind === "percent" ? reported.value * 100 : reported.value;
  const x = points ? recalculated * 100 : recalculated;
  const scale = 10 ** reported.decimals;
  const target = Math.round(shown * scale);
  const magnitude = Math.abs(x) * scale;
  const sign = x < 0 ? -1 : 1;
  const noise = EPSILON * Math.max(1, magnitude);
  const roundedHalfUp = sign * Math.floor(magnitude + 0.5 + noise);
  const truncated = sign * Math.floor(magnitude + noise);
  return roundedHalfUp === target || truncated === target;
}
