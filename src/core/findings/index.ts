/**
 * "Sprawdź arkusz": everything a reviewer should look at before signing an annex off, as findings with a
 * stable code, a severity, the cell and a message in Polish and English saying what is wrong and what was
 * expected.
 *
 * error: a reported number contradicts another (ratio_mismatch, formula_mismatch, component_conflict,
 *   duplicate_indicator), cannot be (negative_count, share_out_of_range for a share) or is an Excel error
 *   (excel_error); listed largest first;
 * warning: probably a slip (ratio_last_digit, implausible_jump, percent_sign_missing, numbering_gap, numbering_repeat,
 *   target_wrong_side, share_out_of_range for other percentages) or something that prevents judging
 *   (missing_value, unknown_trend, multiple_values);
 * info: number_as_text.
 *
 * Expert checks (expert.ts): warnings baseline_out_of_line, target_out_of_line, component_swing,
 * same_quantity_two_names, name_formula_mismatch; info identical_figures, carried_over.
 */
import type { Finding, RatioResult, SheetRecognition, Severity } from "../model";
import { cellFindings, numberAsTextFinding } from "./cells";
import { consistencyFindings } from "./consistency";
import { expertFindings } from "./expert";
import { jumpFindings } from "./jumps";
import { ratioFindings } from "./ratios";
import { eachRow } from "./rows";
import { numberingFindings, targetFindings, trendFindings } from "./structure";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validate(sheets: SheetRecognition[], ratios: Record<string, RatioResult | null>): Finding[] {
  const refs = [...eachRow(sheets)];

  const findings: Finding[] = [];
  for (const ref of refs) {
    const ratio = ratios[ref.indicator.id] ?? null;
    findings.push(
      ...ratioFindings(ref, ratio),
      ...cellFindings(ref, ratio),
      ...jumpFindings(ref),
      ...trendFindings(ref),
      ...targetFindings(ref),
    );
  }
  // Appended one by one: a big sheet can have more findings than a spread call may pass as arguments.
  const add = (more: Finding[]): void => more.forEach((f) => findings.push(f));
  for (const s of sheets) add(numberAsTextFinding(refs.filter((r) => r.sheet === s.sheet)));
  add(consistencyFindings(refs));
  add(numberingFindings(refs));
  add(expertFindings(refs, ratios));

  const sheetOrder = new Map(sheets.map((s, i) => [s.sheet, i]));
  // Errors between two figures largest first, so that 566 % against 5,70 % is read before a 2 pp slip; the
  // rest in sheet order, row by row.
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.severity === "error" ? (b.size ?? 0) - (a.size ?? 0) : 0) ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.row - b.row ||
      columnRank(a.column) - columnRank(b.column) ||
      a.code.localeCompare(b.code),
  );
}

/** Row-wide findings first, then baseline, target and the years in order. */
function columnRank(column: string | null): number {
  if (column === null) return -3;
  if (column === "baseline") return -2;
  if (column === "target") return -1;
  return Number(column);
}
