/** An edit plan applied to an ExcelJS workbook: checked as a whole first, then written. */
import type { Workbook, Worksheet } from "exceljs";
import type { EditPlan } from "../core/plan";
import { refuseUnwritable } from "./check";
import { writeJournalSheet } from "./journal-sheet";
import { replaceOwnRules } from "./rules";
import { addNewSheet } from "./new-sheet";
import { writeCells, writeFills } from "./write-cells";

/** Write the plan, or throw a HostError before writing anything. */
export function applyPlan(wb: Workbook, plan: EditPlan): void {
  refuseUnwritable(wb, plan);
  for (const name of plan.deleteSheets) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const edit of plan.edits) {
    const ws = wb.getWorksheet(edit.sheet) as Worksheet;
    writeCells(ws, edit.cells);
    writeFills(ws, edit.fills);
    if (edit.rules) replaceOwnRules(ws, edit.rules);
  }
  for (const sheet of plan.addSheets) addNewSheet(wb, sheet);
  writeJournalSheet(wb, plan.journal);
  const formulas = [...plan.edits.flatMap((e) => e.cells), ...plan.addSheets.flatMap((s) => s.cells)];
  // ExcelJS does not calculate: ask Excel (or LibreOffice) to recompute every formula when the file opens.
  if (formulas.some((c) => c.formula !== undefined) || plan.addSheets.some((s) => s.links.length > 0)) {
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }
}
