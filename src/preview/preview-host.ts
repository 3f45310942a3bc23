/**
 * The workbook host of the preview: the ExcelJS adapter's XlsxHost does the reading and writing, the page plays
 * Excel's window (the grid drawn again after each write), and a gate lets tests hold calls to see "working".
 */
import type { WorkbookHost } from "../core/host";
import type { EditPlan } from "../core/plan";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { XlsxHost } from "../xlsx";
import type { Gate } from "./gate";
import type { WorkbookView } from "./workbook-view";

export class PreviewHost implements WorkbookHost {
  constructor(
    private readonly xlsx: XlsxHost,
    private readonly view: WorkbookView,
    private readonly gate: Gate,
  ) {}

  async readActiveSheet(): Promise<WorkbookSnapshot> {
    await this.gate.pass();
    return this.xlsx.readActiveSheet();
  }

  async readSheet(name: string): Promise<WorkbookSnapshot> {
    await this.gate.pass();
    return this.xlsx.readSheet(name);
  }

  async apply(plan: EditPlan): Promise<void> {
    await this.gate.pass();
    try {
      await this.xlsx.apply(plan);
    } finally {
      // A refused plan writes nothing, but drawing again costs little and never shows a stale grid.
      this.view.refresh();
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.gate.pass();
    await this.xlsx.select(sheet, address);
  }
}
