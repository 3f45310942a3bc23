/**
 * The same actions as the pane takes, run in Node on the same seed through the same engine calls (the pane's
 * engine module) and the same adapter (XlsxHost): what the browser's grid must show after each click.
 */
import { DEFAULT_TOLERANCE } from "../../src/core/analyze";
import { localTimestamp } from "../../src/core/format";
import type { ActionId, EditPlan } from "../../src/core/plan";
import { analyze, isEmptyPlan, PLANNERS } from "../../src/taskpane/engine";
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
    const planner = PLANNERS[action];
    if (!planner) throw new Error(`the pane has no planner for ${action} yet`);
    const wb = await this.host.readActiveSheet();
    const plan = planner(wb, analyze(wb, DEFAULT_TOLERANCE), {
      mode,
      now: E2E_NOW,
      local: localTimestamp(new Date(E2E_NOW)),
    });
    if (!isEmptyPlan(plan)) await this.host.apply(plan);
    return plan;
  }

  async findings() {
    return analyze(await this.host.readActiveSheet(), DEFAULT_TOLERANCE).findings;
  }

  sheet(name: string) {
    return sheetSnapshot(this.host.workbook, name);
  }

  sheetNames(): string[] {
    return visibleSheetNames(this.host.workbook);
  }
}
