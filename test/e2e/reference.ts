/**
 * The same actions as the pane takes, run in Node on the same seed through the same engine calls (the action
 * registry, src/core/actions.ts) and the same adapter (XlsxHost): what the browser's grid must show after each click.
 */
import { isEmptyPlan, planWith } from "../../src/core/actions";
import { analyzeWorkbook } from "../../src/core/analyze";
import { localTimestamp } from "../../src/core/format";
import type { ActionId, EditPlan } from "../../src/core/plan";
import { loadWorkbook, XlsxHost } from "../../src/xlsx";
import { E2E_NOW } from "./browser";
import { sheetSnapshot, visibleSheetNames } from "./workbooks";

export class Reference {
  private constructor(readonly host: XlsxHost) {}

  static async open(buffer: Buffer): Promise<Reference> {
    return new Reference(new XlsxHost(await loadWorkbook(buffer)));
  }

  /** Read, analyze, plan and apply one action, as the pane does when the user confirms the preview. */
  async act(action: ActionId, mode: "formulas" | "values" = "formulas"): Promise<EditPlan> {
    const wb = await this.host.readActiveSheet();
    const plan = planWith(action, wb, analyzeWorkbook(wb), {
      mode,
      now: E2E_NOW,
      local: localTimestamp(new Date(E2E_NOW)),
    });
    if (!isEmptyPlan(plan)) await this.host.apply(plan);
    return plan;
  }

  async findings() {
    return analyzeWorkbook(await this.host.readActiveSheet()).findings;
  }

  sheet(name: string) {
    return sheetSnapshot(this.host.workbook, name);
  }

  sheetNames(): string[] {
    return visibleSheetNames(this.host.workbook);
  }
}
