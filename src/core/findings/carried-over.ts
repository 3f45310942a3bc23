/**
 * A figure carried over unchanged and then jumping: a count that nobody updated for years, then replaced with a
 * fresh one. In the 2023 annex "liczba rodzin mających 3 i więcej dzieci" reads 6 569 for the baseline, 2021 and
 * 2022, then 9 837 for 2023: the denominator of W19_W and of W7_W, which move by it alone (W19_W 91 % → 62 %).
 *
 * A run is CARRIED_RUN or more columns (baseline and years) with the same non-zero number, and the jump a change of
 * CARRIED_JUMP or more right after it. On the seeds the other runs followed by a change are small steps: 107 460
 * persons with disabilities (baseline, 2021, 2022), then 111 000 (+3 %), an estimate updated that moves W4_W and
 * W20_W by a few tenths of a point; 985 places in care homes, then 1 005 (+2 %). Percentages are left out (a share of 100 % three years running is a programme
 * delivered in full), and so are zeros (none, then some: a district's first day-support places).
 */
import type { Message } from "../message";
import type { Finding, NonEmpty } from "../model";
import { columnLabel, finding, indicatorLabel, rowLabel, type RowRef } from "./rows";
import { type Figure, inPercent, reportedFigures } from "./series";
import { sameNumber } from "../status";

/** Columns with the same figure. */
export const CARRIED_RUN = 3;
/** Relative change after the run: a fifth. */
export const CARRIED_JUMP = 0.2;

export function carriedOverFindings(ref: RowRef): Finding[] {
  if (inPercent(ref)) return [];
  const figures = reportedFigures(ref);
  const out: Finding[] = [];
  let run: NonEmpty<Figure> | null = null;
  for (const f of figures) {
    if (f && run && sameNumber(f.value, run[0].value)) {
      run.push(f);
      continue;
    }
    if (
      f &&
      run &&
      run.length >= CARRIED_RUN &&
      Math.abs(f.value - run[0].value) >= CARRIED_JUMP * Math.abs(run[0].value)
    ) {
      out.push(finding("carried_over", "info", ref, f.cell, f.column, message(ref, run, f)));
    }
    run = f && f.value !== 0 ? [f] : null;
  }
  return out;
}

function message(ref: RowRef, run: NonEmpty<Figure>, jump: Figure): Message {
  const what = rowLabel(ref);
  const col = columnLabel(jump.column);
  const columns = (lang: "pl" | "en"): string =>
    run.map((f) => (f.column === "baseline" ? columnLabel(f.column)[lang] : f.column)).join(", ");
  const change = Math.round(((jump.value - run[0].value) / Math.abs(run[0].value)) * 100);
  const signed = `${change > 0 ? "+" : "−"}${Math.abs(change)}%`;
  const ind = ref.indicator;
  const before = ind.values[Number((run[run.length - 1] ?? run[0]).column)]?.parsed;
  const after = ind.values[Number(jump.column)]?.parsed;
  const label = indicatorLabel(ind);
  const moved: Message =
    ref.kind === "component" && before?.value != null && after?.value != null
      ? {
          pl: ` Sam ten skok zmienia ${label.pl}: z ${before.text} na ${after.text}.`,
          en: ` The jump alone moves ${label.en}: from ${before.text} to ${after.text}.`,
        }
      : { pl: "", en: "" };
  return {
    pl: `${what.pl}, ${col.pl}: ${jump.cell.parsed.text} po ${run[0].cell.parsed.text} powtórzonym bez zmian w ${run.length} kolumnach (${columns("pl")}), zmiana o ${signed}.${moved.pl} Czy wcześniejsza liczba nie była przepisywana z roku na rok?`,
    en: `${what.en}, ${col.en}: ${jump.cell.parsed.text} after ${run[0].cell.parsed.text} repeated unchanged in ${run.length} columns (${columns("en")}), a change of ${signed}.${moved.en} Was the earlier figure carried over from year to year?`,
  };
}
