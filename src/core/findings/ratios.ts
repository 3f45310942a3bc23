/**
 * A reported ratio that its own components contradict at the precision shown. A typed value is a
 * ratio_mismatch; a formula cell whose cached result disagrees is a formula_mismatch (the formula points at
 * the wrong cells, or the workbook was not recalculated). A value that matches at the shown precision never
 * gives a finding: RatioResult.matches already allows for rounding half-up and truncation.
 */
import type { Finding, Indicator, RatioResult } from "../model";
import { cellAt, componentNumber } from "../ratio";
import { formulaById, spellFormula } from "../ratio/formulas";
import { columnLabel, finding, indicatorLabel, type Message, type RowRef, shown } from "./rows";

/**
 * The computation with the component numbers of one column, "udział: 34 / 6": the reviewer sees at once which
 * number is off. The formula in words (component names) when a number is not there.
 */
function computation(ind: Indicator, ratio: RatioResult, key: string): Message {
  const numbers = ratio.componentRows.map((row) => {
    const c = ind.components.find((comp) => comp.row === row);
    const n = c ? componentNumber(c, key) : null;
    return c && n !== null ? shown(n, false, cellAt(c, key)?.parsed.decimals ?? null) : null;
  });
  const [a, b] = numbers;
  return numbers.length !== 2 || a === null || b === null ? ratio.description : spellFormula(formulaById(ratio.formula), a, b);
}

export function ratioFindings(ref: RowRef, ratio: RatioResult | null): Finding[] {
  if (ref.kind !== "indicator" || !ratio) return [];
  const out: Finding[] = [];
  for (const [key, match] of Object.entries(ratio.matches)) {
    const cell = key === "baseline" ? ref.indicator.baseline : ref.indicator.values[Number(key)];
    const recalculated = ratio.recalculated[key];
    if (match !== false || !cell || recalculated === null || recalculated === undefined) continue;
    const expected = shown(recalculated, ratio.unit === "percent", cell.parsed.decimals);
    const ind = indicatorLabel(ref.indicator);
    const col = columnLabel(key);
    const how = computation(ref.indicator, ratio, key);
    if (cell.formula) {
      out.push(
        finding("formula_mismatch", "error", ref, cell, key, {
          pl: `${ind.pl}, ${col.pl}: formuła ${cell.formula} daje ${cell.parsed.text}, a ze składników wychodzi ${expected} (${how.pl}). Sprawdź, do których komórek odwołuje się formuła, albo przelicz skoroszyt.`,
          en: `${ind.en}, ${col.en}: the formula ${cell.formula} gives ${cell.parsed.text}, but the components give ${expected} (${how.en}). Check which cells the formula refers to, or recalculate the workbook.`,
        }),
      );
    } else {
      out.push(
        finding("ratio_mismatch", "error", ref, cell, key, {
          pl: `${ind.pl}, ${col.pl}: wpisano ${cell.parsed.text}, a ze składników wychodzi ${expected} (${how.pl}).`,
          en: `${ind.en}, ${col.en}: ${cell.parsed.text} is reported, but the components give ${expected} (${how.en}).`,
        }),
      );
    }
  }
  return out;
}
