/**
 * The workbook host over an in-memory ExcelJS workbook: what the preview page runs the unchanged task pane
 * against. Selecting a cell makes its sheet the active one and is reported to a listener (the page draws it).
 */
import type { Workbook } from "exceljs";
import type { WorkbookHost } from "../core/host";
import { JOURNAL_SHEET, type EditPlan } from "../core/plan";
import { sheetsTheBackupCovers } from "../core/plans/restore";
import type { WorkbookSnapshot } from "../core/snapshot";
import { sheetSnapshots, snapshotWithReviews } from "./read";
import { applyPlan } from "./write";

export interface Selection {
  sheet: string;
  address: string;
}

export class XlsxHost implements WorkbookHost {
  private active: string;
  /** The plans applied so far, in order: what the package writer needs to patch the original file. */
  readonly applied: EditPlan[] = [];

  constructor(
    readonly workbook: Workbook,
    private readonly onSelect: (selection: Selection) => void = () => undefined,
  ) {
    const visible = workbook.worksheets.filter((ws) => ws.state === "visible" && ws.name !== JOURNAL_SHEET);
    const tab = workbook.views?.[0]?.activeTab ?? 0;
    const first = visible[0] ?? workbook.worksheets[0];
    if (!first) throw new Error("The workbook has no sheets");
    this.active = (workbook.worksheets[tab]?.state === "visible" ? workbook.worksheets[tab] : first).name;
  }

  get activeSheet(): string {
    return this.active;
  }

  /** Make another sheet the active one (the preview's sheet tabs). */
  activate(sheet: string): void {
    if (!this.workbook.getWorksheet(sheet)) throw new Error(`No sheet named "${sheet}"`);
    this.active = sheet;
  }

  async readActiveSheet(): Promise<WorkbookSnapshot> {
    // The active sheet may have been deleted by a plan (a replaced summary): fall back to the first sheet.
    if (!this.workbook.getWorksheet(this.active)) {
      const first = this.workbook.worksheets[0];
      if (!first) throw new Error("The workbook has no sheets");
      this.active = first.name;
    }
    return this.readSheet(this.active);
  }

  async readSheet(name: string): Promise<WorkbookSnapshot> {
    // The findings sheets go along, as the Office.js adapter reads them: for the reviewer's decisions.
    const snapshot = snapshotWithReviews(this.workbook, name);
    const covered = sheetsTheBackupCovers(snapshot);
    // As the Office.js adapter: restore sees every sheet the backup covers.
    return covered.length > 0 ? { ...snapshot, backupSheets: sheetSnapshots(this.workbook, covered) } : snapshot;
  }

  async apply(plan: EditPlan): Promise<void> {
    applyPlan(this.workbook, plan);
    this.applied.push(plan);
  }

  async select(sheet: string, address: string): Promise<void> {
    this.activate(sheet);
    this.onSelect({ sheet, address });
  }
}
