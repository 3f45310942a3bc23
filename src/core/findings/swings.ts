/**
 * A component that halves or doubles from one year to the next. Components are the base counts a ratio is
 * computed from (live births, families, inhabitants, places), which move by a few per cent a year; a halving moves
 * the indicator by itself. In the 2023 annex "liczba urodzeń żywych", W18_W's denominator, reads 9 054, 8 671,
 * then 4 074 and 3 787: W18_W goes from 13 % to 22 % on that alone.
 *
 * Thresholds, from the seeds: births change 0.47 times (in the 2022 edition too); the largest year-to-year change
 * of any other component of the 2022 and 2023 editions with both counts of SWING_MIN or more is 1.58 times (W18_W's
 * numerator in the 2022 edition, 1 115 → 1 757), then 1.50 (6 569 → 9 837 families with 3+ children, reported as a
 * carried-over figure instead). Counts below SWING_MIN swing by nature (people waiting
 * for a care home: 9, 1, 16). Normal in the annex, and left alone: a change from or to zero or from no data (a
 * programme starting or ending), a row without a baseline or with a zero one (it started within the period), a
 * row marked new. Indicator rows that are counts are not judged: in the seeds they double as programmes grow
 * (participants of parents' clubs 47 000 → 95 000, conference participants 234 → 524, both as in the 2022 edition).
 * A value already reported as an implausible jump (W39_W's "6") is left to that finding.
 */
import type { Message } from "../message";
import type { Finding } from "../model";
import { jumpFindings } from "./jumps";
import { columnLabel, finding, indicatorLabel, rowLabel, type RowRef } from "./rows";
import { baselineFigure, factorText, type Figure, yearlyFigures } from "./series";

/** Halving or doubling. */
export const SWING_FACTOR = 2;
/** Both counts at least this large. */
export const SWING_MIN = 100;
/** A row the annex marks as new: "(nowy)", "nowy wskaźnik". */
const MARKED_NEW = /\(\s*now[yae]\s*\)|\bnow[yae]\s+(wskaźnik|miernik|program|zadanie)/iu;

export function swingFindings(ref: RowRef): Finding[] {
  if (ref.kind !== "component" || MARKED_NEW.test(ref.row.name)) return [];
  const baseline = baselineFigure(ref);
  if (!baseline || baseline.value === 0) return [];
  const years = yearlyFigures(ref);
  const out: Finding[] = [];
  let jumps: Set<string | null> | null = null; // looked for only where a swing is: most rows have none
  for (let i = 1; i < years.length; i++) {
    const before = years[i - 1];
    const after = years[i];
    if (!before || !after || Math.min(before.value, after.value) < SWING_MIN) continue;
    const factor = after.value / before.value;
    if (factor < SWING_FACTOR && factor > 1 / SWING_FACTOR) continue;
    jumps ??= new Set(jumpFindings(ref).map((f) => f.column));
    if (jumps.has(before.column) || jumps.has(after.column)) continue;
    out.push(finding("component_swing", "warning", ref, after.cell, after.column, message(ref, before, after, factor)));
  }
  return out;
}

function message(ref: RowRef, before: Figure, after: Figure, factor: number): Message {
  const what = rowLabel(ref);
  const col = columnLabel(after.column);
  const change: Message =
    factor < 1
      ? {
          pl: `${factorText(factor, "pl")} tego, co rok wcześniej (spadek o ponad połowę)`,
          en: `${factorText(factor, "en")} of the year before (more than halved)`,
        }
      : {
          pl: `${factorText(factor, "pl")} raza tyle, co rok wcześniej (ponad dwa razy więcej)`,
          en: `${factorText(factor, "en")} times the year before (more than doubled)`,
        };
  const ind = indicatorLabel(ref.indicator);
  const from = ref.indicator.values[Number(before.column)]?.parsed;
  const to = ref.indicator.values[Number(after.column)]?.parsed;
  const moved: Message =
    from?.value != null && to?.value != null
      ? {
          pl: ` ${ind.pl.charAt(0).toUpperCase()}${ind.pl.slice(1)} zmienia się w tym czasie z ${from.text} na ${to.text}.`,
          en: ` ${ind.en.charAt(0).toUpperCase()}${ind.en.slice(1)} goes from ${from.text} to ${to.text} meanwhile.`,
        }
      : { pl: "", en: "" };
  return {
    pl: `${what.pl}, ${col.pl}: ${after.cell.parsed.text} wobec ${before.cell.parsed.text} w roku ${before.column}, czyli ${change.pl}.${moved.pl} Sprawdź, czy to pełny rok i ta sama definicja.`,
    en: `${what.en}, ${col.en}: ${after.cell.parsed.text} against ${before.cell.parsed.text} in ${before.column}, ${change.en}.${moved.en} Check that it is a full year and the same definition.`,
  };
}
