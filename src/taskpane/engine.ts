/** The engine calls the pane makes: analyze a snapshot, and make the edit plan of each action. */
import { analyzeWorkbook } from "../core/analyze";
import { compareEditions, editionSheet, type Comparison } from "../core/compare";
import { guardPlan } from "../core/guard";
import type { Analysis, Finding, Severity } from "../core/model";
import type { ActionId, EditPlan } from "../core/plan";
import { planColor } from "../core/plans/color";
import { planRecalculate } from "../core/plans/recalculate";
import { planRestore } from "../core/plans/restore";
import { planSummary } from "../core/plans/summary";
import type { Carried } from "../core/review/carry";
import { planFindings } from "../core/review/sheet";
import type { WorkbookSnapshot } from "../core/snapshot";

export interface PlanOptions {
  /** How "Przelicz wskaźniki" writes: live formulas or values. */
  mode: "formulas" | "values";
  /** ISO timestamp for the backup journal. */
  now: string;
  /** The same moment on the user's clock, for dates shown in a sheet (localTimestamp). */
  local?: string;
  /** "Przelicz wskaźniki": the cells ("Sheet!A1") the reviewer ticked in or out. */
  choices?: Record<string, boolean>;
  /** "Wstaw raport uwag": decisions carried from the previous edition. */
  carried?: Carried;
}

type Planner = (wb: WorkbookSnapshot, analysis: Analysis, opts: PlanOptions) => EditPlan;

/** The planner of each action. */
export const PLANNERS: Record<ActionId, Planner> = {
  recalculate: (wb, analysis, opts) =>
    guardPlan(wb, planRecalculate(wb, analysis, { mode: opts.mode, now: opts.now, choices: opts.choices })),
  color: (wb, analysis, opts) => guardPlan(wb, planColor(wb, analysis, { now: opts.now })),
  summary: (wb, analysis, opts) =>
    planSummary(wb, analysis, { sheet: wb.sheets[0]?.name ?? "", now: opts.now, local: opts.local }),
  restore: (wb) => planRestore(wb),
  findings: (wb, analysis, opts) =>
    planFindings(wb, analysis, { sheet: wb.sheets[0]?.name ?? "", now: opts.now, carried: opts.carried }),
};

export function analyze(wb: WorkbookSnapshot, tolerance: number): Analysis {
  return analyzeWorkbook(wb, { tolerance });
}

/** A plan that would write nothing: no cell, no fill, no sheet added or deleted. */
export function isEmptyPlan(plan: EditPlan): boolean {
  return (
    plan.changes.length === 0 &&
    plan.addSheets.length === 0 &&
    plan.deleteSheets.length === 0 &&
    plan.edits.every((e) => e.cells.length === 0 && e.fills.length === 0)
  );
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * The current sheet against the previous edition: the old workbook's sheet of the same name if it holds a table,
 * else its first that does; or which side has no indicator table.
 */
export function compareWithPrevious(
  current: Analysis,
  previous: Analysis,
): Comparison | "no_current_table" | "no_previous_table" {
  const after = editionSheet(current.sheets);
  if (!after) return "no_current_table";
  const before = editionSheet(previous.sheets, after.sheet);
  return before ? compareEditions(before, after) : "no_previous_table";
}
