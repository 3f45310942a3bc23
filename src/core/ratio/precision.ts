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
 * Does `recalculated` (Excel's units) give the reported digits, rounded half-up or truncated, with any trailing
 * zeros of the reported text read as padding ("3,10%" may be 3,1 %)? null when the cell holds no single number, or
 * its decimals are unknown.
 */
export function matchesShown(recalculated: number, reported: ParsedValue, unit: RatioUnit): boolean | null {
  const off = unitsOff(recalculated, reported, unit);
  return off === null ? null : off === 0;
}

/**
 * How many units of the last shown digit separate the reported value from `recalculated` read as staff read it:
 * rounded half-up or truncated, at the decimals shown or at fewer where the shown ones end in padding zeros. 0 is a
 * match; 1 is the last digit off by one (7,69 % for 7,704 %). null when it cannot be compared.
 */
export function unitsOff(recalculated: number, reported: ParsedValue, unit: RatioUnit): number | null {
  if (reported.value === null || reported.decimals === null) return null;
  if (reported.kind !== "number" && reported.kind !== "percent") return null;
  // A percent never shows a rate or hours: the rounding test below would pass 0,041% for 0,0008 h.
  if (reported.kind === "percent" && unit !== "percent") return Infinity;
  const points = inPercentagePoints(reported, unit);
  const shown = reported.kind === "percent" ? reported.value * 100 : reported.value;
  const x = points ? recalculated * 100 : recalculated;
  let best = Infinity;
  for (let decimals = reported.decimals; decimals >= 0; decimals--) {
    const scale = 10 ** decimals;
    const target = Math.round(shown * scale);
    // Fewer decimals only while the dropped ones are zeros: "3,10" may be 3,1, "3,15" is not 3,2.
    if (
      decimals < reported.decimals &&
      Math.abs(target - shown * scale) > EPSILON * Math.max(1, Math.abs(shown * scale))
    )
      break;
    const magnitude = Math.abs(x) * scale;
    const sign = x < 0 ? -1 : 1;
    const noise = EPSILON * Math.max(1, magnitude);
    const roundedHalfUp = sign * Math.floor(magnitude + 0.5 + noise);
    const truncated = sign * Math.floor(magnitude + noise);
    // A unit at fewer decimals is a bigger step: count it in units of the digits shown.
    const weight = 10 ** (reported.decimals - decimals);
    const off = Math.min(Math.abs(roundedHalfUp - target), Math.abs(truncated - target));
    best = Math.min(best, off === 0 ? 0 : off * weight);
  }
  return best;
}
