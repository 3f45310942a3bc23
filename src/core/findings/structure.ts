/** Checks of an indicator as a whole: its trend, its target, and the numbering of its direction. */
import type { Finding, Indicator } from "../model";
import { numberInRow } from "../status";
import { columnsOf, finding, nameCell, rowLabel, type RowRef, shortName } from "./rows";

/** A row with numbers but no trend cannot be judged: say so rather than guess. */
export function trendFindings(ref: RowRef): Finding[] {
  if (ref.kind === "component" || ref.trend !== "unknown") return [];
  if (!columnsOf(ref).some(([, cell]) => numberInRow(cell, ref.row) !== null)) return [];
  const what = rowLabel(ref);
  return [
    finding("unknown_trend", "warning", ref, nameCell(ref), null, {
      pl: `${what.pl}: brak trendu („wzrost”, „spadek” lub „utrzymanie wartości bazowej”${ref.trendText ? `; wpisano „${ref.trendText}”` : ""}), więc wartości nie da się ocenić.`,
      en: `${what.en}: no trend ("wzrost", "spadek" or "utrzymanie wartości bazowej"${ref.trendText ? `; found "${ref.trendText}"` : ""}), so its values cannot be judged.`,
    }),
  ];
}

/** A target below the baseline of an increase (or above that of a decrease) contradicts the trend. */
export function targetFindings(ref: RowRef): Finding[] {
  const { target, baseline } = ref.row;
  if (ref.kind === "component" || !target || (ref.trend !== "increase" && ref.trend !== "decrease")) return [];
  const t = numberInRow(target, ref.row);
  const b = numberInRow(baseline, ref.row);
  if (t === null || b === null) return [];
  const wrong = ref.trend === "increase" ? t < b : t > b;
  if (!wrong) return [];
  const what = rowLabel(ref);
  const word =
    ref.trend === "increase"
      ? { pl: "wzrost", en: "an increase", side: "poniżej", sideEn: "below" }
      : { pl: "spadek", en: "a decrease", side: "powyżej", sideEn: "above" };
  return [
    finding("target_wrong_side", "warning", ref, target, "target", {
      pl: `${what.pl}: trend to ${word.pl}, a wartość docelowa ${target.parsed.text} leży ${word.side} wartości bazowej ${baseline?.parsed.text}; cel powinien być po drugiej stronie.`,
      en: `${what.en}: the trend is ${word.en}, but the target ${target.parsed.text} lies ${word.sideEn} the baseline ${baseline?.parsed.text}; it should be on the other side.`,
    }),
  ];
}

/**
 * Numbering inside a direction of action: 1, 2, 3, ... A number met before is a repeat; any other number
 * that does not follow the highest so far is a gap (domain 3, direction 4 of the 2023 annex goes
 * 1, 2, 3, 5, 6, 7, 8, 6, 7).
 */
export function numberingFindings(refs: RowRef[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, RowRef[]>();
  for (const ref of refs) {
    if (ref.kind !== "indicator") continue;
    const key = JSON.stringify([ref.sheet, ref.table.range, ref.indicator.domain, ref.indicator.direction]);
    const group = groups.get(key);
    if (group) group.push(ref);
    else groups.set(key, [ref]);
  }
  for (const group of groups.values()) {
    const seen = new Map<number, Indicator>();
    let highest = 0;
    // The group is one direction: its words are the same in every message of the group.
    const d = group[0]?.indicator.direction;
    const where = d
      ? { pl: ` w kierunku „${shortName(d, 50)}”`, en: ` in direction "${shortName(d, 50)}"` }
      : { pl: "", en: "" };
    for (const ref of group) {
      const n = Number(/^\s*(\d+)/.exec(ref.indicator.number ?? "")?.[1] ?? NaN);
      if (Number.isNaN(n)) continue;
      const expected = highest + 1;
      const first = seen.get(n);
      if (first) {
        out.push(
          finding("numbering_repeat", "warning", ref, nameCell(ref), null, {
            pl: `Numer ${n} powtarza się${where.pl}: był już w wierszu ${first.row + 1}; oczekiwano ${expected}.`,
            en: `Number ${n} repeats${where.en}: row ${first.row + 1} has it already; ${expected} was expected.`,
          }),
        );
      } else if (n !== expected) {
        out.push(
          finding("numbering_gap", "warning", ref, nameCell(ref), null, {
            pl: `Numeracja${where.pl} przeskakuje: jest ${n}, a oczekiwano ${expected}.`,
            en: `Numbering${where.en} skips: ${n} where ${expected} was expected.`,
          }),
        );
      }
      if (!first) seen.set(n, ref.indicator);
      highest = Math.max(highest, n);
    }
  }
  return out;
}
