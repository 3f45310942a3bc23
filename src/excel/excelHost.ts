/** The workbook host over Office.js: the task pane's only way into Excel. */
import type { WorkbookHost } from "../core/host";
import type { EditPlan } from "../core/plan";
import type { WorkbookSnapshot } from "../core/snapshot";
import { applyPlan } from "./applyPlan";
import { isPayloadTooLarge, readActiveSheet, readActiveSheetInBands, withOtherSheets } from "./readSheet";

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ExcelHost implements WorkbookHost {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  /**
   * One round trip, and one more when the workbook has findings sheets; a sheet whose cells exceed one response
   * of Excel on the web is read again in bands.
   */
  readActiveSheet(): Promise<WorkbookSnapshot> {
    return this.readSheet(undefined);
  }

  readSheet(name: string | undefined): Promise<WorkbookSnapshot> {
    return this.run(async (context) => withOtherSheets(context, await readActiveSheet(context, name))).catch(
      (e: unknown) => {
        if (isPayloadTooLarge(e))
          return this.run(async (context) => withOtherSheets(context, await readActiveSheetInBands(context, name)));
        throw e;
      },
    );
  }

  apply(plan: EditPlan): Promise<void> {
    return this.run((context) => applyPlan(context, plan));
  }

  /** Excel's selection event on every sheet (ExcelApi 1.9); the pane explains cells of the sheet it read. */
  onSelectionChanged(listener: (address: string) => void): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async (event) => listener(event.address));
      await context.sync();
    });
  }

  select(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  }
}
