/**
 * The workbook host of the preview: the ExcelJS adapter does the reading and writing, and the page plays Excel's
 * window (which sheet is active, which cell is selected, the grid redrawn after each write).
 */
import type { WorkbookHost } from "../core/host";
import type { EditPlan } from "../core/plan";
import type { WorkbookSnapshot } from "../core/snapshot";
import { snapshotFromWorkbook } from "../xlsx/read";
import { applyPlan } from "../xlsx/write";
import type { Gate } from "./gate";
import type { WorkbookView } from "./workbook-view";

export class PreviewHost implements WorkbookHost {
  constructor(
    private readonly view: WorkbookView,
    private readonly gate: Gate,
  ) {}

  async readActiveSheet(): Promise<WorkbookSnapshot> {
    await this.gate.pass();
    const active = this.view.activeSheet();
    return snapshotFromWorkbook(this.view.workbook, active ? [active] : []);
  }

  async apply(plan: EditPlan): Promise<void> {
    await this.gate.pass();
    try {
      applyPlan(this.view.workbook, plan);
    } finally {
      // A refused plan writes nothing, but drawing again costs little and never shows a stale grid.
      this.view.refresh();
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.gate.pass();
    this.view.select(sheet, address);
  }
}
