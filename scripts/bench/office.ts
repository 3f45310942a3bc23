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
  /**
   * The largest request or response of the action in bytes of JSON, as the fake measures them; one refused for
   * exceeding Excel on the web's 5 MB (a whole-sheet read, then read again in bands) counts apart, in `refused`.
   */
  largestBytes: number;
  /** The largest request the action sent (writes: cells, fills, rules, backup), in bytes of JSON. */
  largestSentBytes: number;
  refused: number;
  /** Conditional formats added (live colours), and the rules the plan has. */
  ruleCalls: number;
  rules: number;
  /** Characters of the plan's rule formulas: past the request budget they need more than one write request. */
  ruleChars: number;
}

export async function officeCounts(rows: number): Promise<Record<Action, OfficeCounts>> {
  const excel = new FakeExcel([sheetFromSnapshot(syntheticAnnexSheet(rows))]);
  const host = new ExcelHost(excel.run);
  const out = {} as Record<Action, OfficeCounts>;
  for (const action of ACTIONS) {
    const [syncs, calls, payloads] = [excel.syncs, excel.calls.length, excel.payloads.length];
    const plan = runAction(action, await host.readActiveSheet());
    if (plan) await host.apply(plan);
    const made = excel.calls.slice(calls);
    const requests = excel.payloads.slice(payloads);
    const accepted = requests.filter((p) => !p.refused);
    out[action] = {
      largestBytes: Math.max(0, ...accepted.map((p) => Math.max(p.sent, p.returned))),
      largestSentBytes: Math.max(0, ...requests.map((p) => p.sent).filter((b) => b <= excel.maxPayloadBytes)),
      refused: requests.length - accepted.length,
      syncs: excel.syncs - syncs,
      calls: made.length,
      fillCalls: made.filter((c) => c === "set fill" || c === "clear fill").length,
      colours: new Set([...(plan?.edits ?? []), ...(plan?.addSheets ?? [])].flatMap((e) => e.fills.map((f) => f.color)))
        .size,
      ruleCalls: made.filter((c) => c === "conditionalFormats.add").length,
      rules: (plan?.edits ?? []).reduce((n, e) => n + (e.rules?.length ?? 0), 0),
      ruleChars: (plan?.edits ?? []).reduce((n, e) => n + (e.rules ?? []).reduce((m, r) => m + r.formula.length, 0), 0),
    };
  }
  return out;
}
