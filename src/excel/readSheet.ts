/** Read the active sheet, the sheet names and the backup journal in one round trip to Excel. */
import { JOURNAL_SHEET } from "../core/plan";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { areasOf } from "./blocks";

export async function readActiveSheet(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  const sheet = worksheets.getActiveWorksheet();
  sheet.load("name,protection/protected");
  worksheets.load("items/name,items/position");
  // getUsedRange (not the OrNullObject form) gives A1 on an empty sheet, so the calls below always have a range.
  const used = sheet.getUsedRange(false);
  used.load("rowIndex,columnIndex,values,text,numberFormat,formulas");
  const cells = used.getCellProperties({ format: { font: { bold: true }, fill: { color: true, pattern: true } } });
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  // Calls on a null object give null objects, so a workbook without a journal costs no extra round trip.
  const journal = worksheets.getItemOrNullObject(JOURNAL_SHEET).getUsedRangeOrNullObject(true);
  journal.load("values");
  await context.sync();

  const snapshot: SheetSnapshot = {
    name: sheet.name,
    top: used.rowIndex,
    left: used.columnIndex,
    // Office gives "" for an empty cell; the snapshot says null, as the ExcelJS adapter does.
    values: (used.values as RawValue[][]).map((row) => row.map((v) => (v === "" ? null : v))),
    text: used.text,
    numberFormat: used.numberFormat as string[][],
    formulas: (used.formulas as unknown[][]).map((row) =>
      row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)),
    ),
    bold: cells.value.map((row) => row.map((c) => c.format?.font?.bold === true)),
    fill: cells.value.map((row) =>
      row.map((c) => (c.format?.fill?.pattern && c.format.fill.pattern !== "None" ? (c.format.fill.color?.toUpperCase() ?? null) : null)),
    ),
    merges: merged.isNullObject ? [] : areasOf(merged.address),
    protected: sheet.protection.protected,
  };
  return {
    sheetNames: [...worksheets.items].sort((a, b) => a.position - b.position).map((s) => s.name),
    sheets: [snapshot],
    journal: journal.isNullObject ? [] : journal.values.map((row) => String(row[0] ?? "")).filter((c) => c !== ""),
  };
}
