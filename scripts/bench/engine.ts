/**
 * Engine time of each action as the task pane spends it: analyze the snapshot (recognise, ratios, statuses,
 * findings), then make the action's plan. "validate" is the analysis alone (the findings are part of it);
 * "restore" runs on the workbook as it is after "recalculate", so that there is a journal to restore from.
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { median } from "./stats";
import { noJournal } from "../../src/core/journal";

export const ACTIONS = ["validate", "recalculate", "color", "summary", "restore"] as const;
export type Action = (typeof ACTIONS)[number];

const NOW = "2026-11-23T18:00:00.000Z";

/** The plan of one action, from the snapshot to the edit plan (null for validate, which plans nothing). */
export function runAction(action: Action, wb: WorkbookSnapshot): EditPlan | null {
  const analysis = analyzeWorkbook(wb);
  switch (action) {
    case "validate":
      return null;
    case "recalculate":
      return planRecalculate(wb, analysis, { mode: "formulas", now: NOW });
    case "color":
      return planColor(wb, analysis, { now: NOW });
    case "summary":
      return planSummary(wb, analysis, { sheet: wb.sheets[0]!.name, now: NOW });
    case "restore":
      return planRestore(wb);
  }
}

/** The workbook an action starts from: restore needs the journal a recalculation leaves. */
export function startingPoint(action: Action, wb: WorkbookSnapshot): WorkbookSnapshot {
  if (action !== "restore") return wb;
  const recalculated = runAction("recalculate", wb);
  return { ...wb, journal: recalculated?.journal ?? noJournal() };
}

/** Median milliseconds of `runs` runs of each action on one workbook. */
export function engineTimes(wb: WorkbookSnapshot, runs: number): Record<Action, number> {
  const out = {} as Record<Action, number>;
  for (const action of ACTIONS) {
    const start = startingPoint(action, wb);
    // Warm-up (compiled code, as in a pane that has run once), skipped for the big sheet timed once.
    if (runs > 1) runAction(action, start);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      runAction(action, start);
      times.push(performance.now() - t0);
    }
    out[action] = median(times);
  }
  return out;
}
