/**
 * Round trips and Office calls per action through the Excel adapter (ExcelHost) on the recording fake of
 * Office.js from test/excel/fakeExcel.ts. Each action is what the pane does: read the active sheet, analyze,
 * plan, apply. The actions run in order on one workbook, so colour and summary see the recalculated sheet and
 * restore has the journal of all three to undo.
 */
import { ExcelHost } from "../../src/excel/excelHost";
import { syntheticAnnexSheet } from "../../test/helpers/synthetic-annex";
import { FakeExcel, sheetFromSnapshot } from "../../test/excel/fakeExcel";
import { ACTIONS, runAction, type Action } from "./engine";

export interface OfficeCounts {
  syncs: number;
  /** Every call the fake records (method calls and property writes), syncs included. */
  calls: number;
  /** Fill writes and clears: one call can fill many areas of one colour. */
  fillCalls: number;
  /** Distinct colours (a clear counts as one) the plan fills with: the least number of fill calls possible. */
  colours: number;
}

export async function officeCounts(rows: number): Promise<Record<Action, OfficeCounts>> {
  const excel = new FakeExcel([sheetFromSnapshot(syntheticAnnexSheet(rows))]);
  const host = new ExcelHost(excel.run);
  const out = {} as Record<Action, OfficeCounts>;
  for (const action of ACTIONS) {
    const [syncs, calls] = [excel.syncs, excel.calls.length];
    const plan = runAction(action, await host.readActiveSheet());
    if (plan) await host.apply(plan);
    const made = excel.calls.slice(calls);
    out[action] = {
      syncs: excel.syncs - syncs,
      calls: made.length,
      fillCalls: made.filter((c) => c === "set fill" || c === "clear fill").length,
      colours: new Set([...(plan?.edits ?? []), ...(plan?.addSheets ?? [])].flatMap((e) => e.fills.map((f) => f.color))).size,
    };
  }
  return out;
}
