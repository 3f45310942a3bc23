/**
 * What an experienced reviewer notices at a glance, beyond the arithmetic: figures out of line with their row
 * (outliers.ts), a component that halves or doubles (swings.ts), one quantity under two names (twins.ts), a name
 * that contradicts the formula (formula-name.ts), a figure carried over and then jumping (carried-over.ts). Each
 * rule's thresholds were measured on the seed workbooks; their files say which rows they fire on and why.
 */
import type { Finding, RatioResult } from "../model";
import { carriedOverFindings } from "./carried-over";
import { formulaNameFindings } from "./formula-name";
import { outOfLineFindings } from "./outliers";
import type { RowRef } from "./rows";
import { swingFindings } from "./swings";
import { twinFindings } from "./twins";

/** The codes these rules give, for readers of findings who list them apart. */
export const EXPERT_CODES: readonly string[] = [
  "baseline_out_of_line",
  "target_out_of_line",
  "component_swing",
  "same_quantity_two_names",
  "identical_figures",
  "name_formula_mismatch",
  "carried_over",
];

export function expertFindings(refs: RowRef[], ratios: Record<string, RatioResult | null>): Finding[] {
  const out: Finding[] = [];
  for (const ref of refs) {
    const ratio = ratios[ref.indicator.id] ?? null;
    for (const f of outOfLineFindings(ref, ratio)) out.push(f);
    for (const f of swingFindings(ref)) out.push(f);
    for (const f of formulaNameFindings(ref, ratio)) out.push(f);
    for (const f of carriedOverFindings(ref)) out.push(f);
  }
  for (const f of twinFindings(refs)) out.push(f);
  return out;
}
