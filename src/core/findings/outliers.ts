/**
 * A baseline (or target) out of line with every yearly value of its row: another unit, another definition, or
 * the figures of another row. In the 2023 annex "Liczba osób uczestniczących w spotkaniach
 * informacyjno-edukacyjnych…" has a baseline of 53 and then 3 223, 1 358, 1 671 (25 to 61 times more), and
 * "Poziom zaspokojenia potrzeb … sprzężonymi" 56 % and then 3 %, 4 %, 4 % (in the 2022 edition it has a baseline
 * and no values, beside a row with 21 %, 30 % that the 2023 edition dropped, its values moved to the next row).
 *
 * Out of line means: on one side of every yearly value (at least two of them), and at least OUT_OF_LINE_FACTOR
 * times off each for counts; for percentages, at least OUT_OF_LINE_POINTS and twice (or half) off each. On the
 * seeds the nearest rows that are not flagged are 5 → 41, 46, 51 ("Liczba podmiotów nagrodzonych", 8.2 times: a
 * plebiscite that grew), the target 150 of the row above (9 times off, named in the baseline's message), and 68 % →
 * 100 %, 100 % (coverage of sheltered flats for seniors in the 2022 edition: 32 points, but its components show the
 * need met in full, 17 places and 8 waiting, then 24 and none). A zero baseline or target is a programme that had
 * not started (the refugee rows; 20 places planned and 0, 0, 0 so far), not a slip.
 */
import type { Message } from "../message";
import type { Finding, RatioResult } from "../model";
import { columnLabel, finding, rowLabel, type RowRef } from "./rows";
import { baselineFigure, factorText, type Figure, inPercent, pointsText, targetFigure, yearlyFigures } from "./series";

/** An order of magnitude, for counts and other plain numbers. */
export const OUT_OF_LINE_FACTOR = 10;
/** Twenty percentage points, for percentages (as fractions). */
export const OUT_OF_LINE_POINTS = 0.2;
/** One yearly value is a trend, not a line to be out of. */
const MIN_YEARS = 2;

interface Gap {
  side: "below" | "above";
  /** The smallest distance to a yearly value: a factor for counts, a fraction for percentages. */
  least: number;
}

function gapTo(reference: number, years: Figure[], percent: boolean): Gap | null {
  if (reference === 0) return null;
  const below = years.every((y) => y.value > reference);
  const above = years.every((y) => y.value < reference);
  if (!below && !above) return null;
  const side = below ? "below" : "above";
  // Every value twice or half the reference at least, so that a coverage reaching 100 % from 68 % is not out of line.
  const times = (y: Figure): number => (below ? y.value / reference : reference / y.value);
  if (percent) {
    const least = Math.min(...years.map((y) => Math.abs(y.value - reference)));
    return least >= OUT_OF_LINE_POINTS && years.every((y) => times(y) >= 2) ? { side, least } : null;
  }
  // Zeros are a programme not started yet (a target of 20 places, and 0, 0, 0 so far), not a figure out of line.
  if (reference < 0 || years.some((y) => y.value <= 0)) return null;
  const least = Math.min(...years.map(times));
  return least >= OUT_OF_LINE_FACTOR ? { side, least } : null;
}

export function outOfLineFindings(ref: RowRef, ratio: RatioResult | null): Finding[] {
  const years = yearlyFigures(ref).filter((f): f is Figure => f !== null);
  if (years.length < MIN_YEARS) return [];
  const percent = inPercent(ref);
  const target = targetFigure(ref);
  const out: Finding[] = [];
  for (const reference of [baselineFigure(ref), target]) {
    if (!reference) continue;
    // A ratio's baseline its own components contradict is already an error saying what it should be (ratio_mismatch).
    if (reference.column === "baseline" && ref.kind === "indicator" && ratio?.matches.baseline === false) continue;
    const gap = gapTo(reference.value, years, percent);
    if (!gap) continue;
    const side = (x: number): boolean => years.every((y) => (gap.side === "below" ? y.value > x : y.value < x));
    const alongside = reference.column === "baseline" && target && side(target.value) ? target : null;
    out.push(
      finding(
        reference.column === "baseline" ? "baseline_out_of_line" : "target_out_of_line",
        "warning",
        ref,
        reference.cell,
        reference.column,
        message(ref, reference, years, gap, percent, alongside),
      ),
    );
  }
  return out;
}

function message(
  ref: RowRef,
  reference: Figure,
  years: Figure[],
  gap: Gap,
  percent: boolean,
  alongside: Figure | null,
): Message {
  const what = rowLabel(ref);
  const col = columnLabel(reference.column);
  const list = (lang: "pl" | "en"): string =>
    years.map((y) => `${columnLabel(y.column)[lang]}: ${y.cell.parsed.text}`).join(", ");
  const higher = gap.side === "below";
  const how: Message = percent
    ? {
        pl: `różnią się od niej o co najmniej ${pointsText(gap.least, "pl")} punktów procentowych`,
        en: `they differ from it by at least ${pointsText(gap.least, "en")} percentage points`,
      }
    : {
        pl: `są od niej co najmniej ${factorText(gap.least, "pl")} razy ${higher ? "większe" : "mniejsze"}`,
        en: `they are at least ${factorText(gap.least, "en")} times ${higher ? "larger" : "smaller"}`,
      };
  const also: Message = alongside
    ? {
        pl: ` (wartość docelowa ${alongside.cell.parsed.text} leży po tej samej stronie)`,
        en: ` (the target ${alongside.cell.parsed.text} lies on the same side)`,
      }
    : { pl: "", en: "" };
  return {
    pl: `${what.pl}, ${col.pl}: ${reference.cell.parsed.text}${also.pl} odstaje od wszystkich wartości rocznych (${list("pl")}): ${how.pl}. Czy to ta sama jednostka i ta sama definicja, i czy wartości nie pochodzą z innego wiersza?`,
    en: `${what.en}, ${col.en}: ${reference.cell.parsed.text}${also.en} is out of line with every yearly value (${list("en")}): ${how.en}. Is it the same unit and definition, and are the values not another row's?`,
  };
}
