/**
 * A scripted Office stand-in for the browser: globals `Office` and `Excel` over the recording fake of
 * test/excel/fakeExcel.ts, holding the workbook the page was given in window.standInWorkbook. Imported
 * before the real task pane entry, so that src/taskpane/index.ts runs unchanged: Office.onReady, ExcelHost.
 */
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { FakeExcel, sheetFromSnapshot } from "../../excel/fakeExcel";

declare global {
  interface Window {
    standInWorkbook: { sheets: SheetSnapshot[]; displayLanguage: string };
    standInExcel: FakeExcel;
  }
}

const excel = new FakeExcel(window.standInWorkbook.sheets.map(sheetFromSnapshot));
window.standInExcel = excel;
Object.assign(window, {
  Excel: { run: excel.run },
  Office: {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: window.standInWorkbook.displayLanguage },
    onReady: (ready: (info: { host: string; platform: string }) => void) =>
      Promise.resolve(ready({ host: "Excel", platform: "OfficeOnline" })),
  },
});
