/**
 * A reported ratio that its own components contradict at the precision shown. A typed value is a
 * ratio_mismatch; a formula cell whose cached result disagrees is a formula_mismatch (the formula points at
 * the wrong cells, or the workbook was not recalculated).
 *
 * Calibrated to what a reader can tell apart: a value that matches when rounded half-up, truncated or read
 * without its padding zeros ("3,10%" for 3,1 %) gives no finding (RatioResult.matches); one unit off in the last
 * shown digit (7,69 % for 7,704 %) is a warning, ratio_last_digit; anything more is an error, sized by how far
 * apart the two are, and naming a component that looks mistyped (a jump in its row: W39_W's "6" among 585, 642, 650).
 */
import type { Message } from "../message";
import type { Finding, Indicator, RatioResult } from "../model";
import { cellAt, componentNumber } from "../ratio";
import { formulaById, spellFormula } from "../ratio/formulas";
import { inPercentagePoints, unitsOff } from "../ratio/precision";
import { jumpFindings } from "./jumps";
import { columnLabel, finding, indicatorLabel, relativeGap, type RowRef, shown } from "./rows";

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
  const [a = null, b = null] = numbers;
  return numbers.length !== 2 || a === null || b === null
    ? ratio.description
    : spellFormula(formulaById(ratio.formula), a, b);
}

/**
 * The component cells of one column that look mistyped: a jump against the rest of their row. The ratio's
 * mismatch most likely comes from them, not from the reported value.
 */
export function suspectComponents(ref: RowRef, ratio: RatioResult, key: string): Finding[] {
  const out: Finding[] = [];
  for (const row of ratio.componentRows) {
    const c = ref.indicator.components.find((comp) => comp.row === row);
    if (!c) continue;
    const componentRef: RowRef = { ...ref, kind: "component", row: c, trend: "unknown", trendText: "" };
    for (const f of jumpFindings(componentRef)) if (f.column === key) out.push(f);
  }
  return out;
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
          pl: `${ind.pl}, ${col.pl}: formuła ${cell.formula} daje ${cell.parsed.text}, a ze składowych wychodzi ${expected} (${how.pl}). Sprawdź, do których komórek odwołuje się formuła, albo przelicz skoroszyt.`,
          en: `${ind.en}, ${col.en}: the formula ${cell.formula} gives ${cell.parsed.text}, but the components give ${expected} (${how.en}). Check which cells the formula refers to, or recalculate the workbook.`,
        }),
      );
      continue;
    }
    if (unitsOff(recalculated, cell.parsed, ratio.unit) === 1) {
      out.push(
        finding("ratio_last_digit", "warning", ref, cell, key, {
          pl: `${ind.pl}, ${col.pl}: wpisano ${cell.parsed.text}, a ze składowych wychodzi ${expected} (${how.pl}): różnica jednej jednostki na ostatniej cyfrze, zapewne inne zaokrąglenie.`,
          en: `${ind.en}, ${col.en}: ${cell.parsed.text} is reported, but the components give ${expected} (${how.en}): one unit off in the last digit, probably rounded differently.`,
        }),
      );
      continue;
    }
    const suspects = suspectComponents(ref, ratio, key);
    const blame: Message =
      suspects.length === 0
        ? { pl: "", en: "" }
        : {
            pl: ` Przyczyną jest raczej składowa: ${suspects.map((s) => `${s.address} (${cellText(ref.indicator, s.address)})`).join(", ")} odstaje od reszty swojego wiersza.`,
            en: ` The cause is more likely a component: ${suspects.map((s) => `${s.address} (${cellText(ref.indicator, s.address)})`).join(", ")} is out of line with the rest of its row.`,
          };
    const reported = cell.parsed.value as number;
    const inUnits =
      cell.parsed.kind === "number" && inPercentagePoints(cell.parsed, ratio.unit) ? reported / 100 : reported;
    out.push({
      ...finding("ratio_mismatch", "error", ref, cell, key, {
        pl: `${ind.pl}, ${col.pl}: wpisano ${cell.parsed.text}, a ze składowych wychodzi ${expected} (${how.pl}).${blame.pl}`,
        en: `${ind.en}, ${col.en}: ${cell.parsed.text} is reported, but the components give ${expected} (${how.en}).${blame.en}`,
      }),
      size: relativeGap(inUnits, recalculated),
    });
  }
  return out;
}

function cellText(ind: Indicator, address: string): string {
  for (const c of ind.components) {
    for (const cell of [c.baseline, ...Object.values(c.values)]) if (cell?.address === address) return cell.parsed.text;
  }
  return "";
}
