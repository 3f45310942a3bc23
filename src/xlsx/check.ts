/** The xlsx adapter's read for the pre-write check (src/core/check.ts decides), and the check itself. */
import type { Workbook, Worksheet } from "exceljs";
import { checkPlan, type WorkbookState } from "../core/check";
import type { EditPlan } from "../core/plan";
import { rawValue } from "./read";

/** Throw a HostError (Polish and English) when the plan cannot be applied as a whole. */
export function refuseUnwritable(wb: Workbook, plan: EditPlan): void {
  const refusal = checkPlan(plan, readState(wb, plan));
  if (refusal) throw refusal;
}

/**
 * What the check needs, as this (xlsx) adapter reads it: ExcelJS keeps no workbook protection, so the structure
 * reads as unprotected (the OOXML patcher that writes the CLI's files refuses a protected structure itself).
 */
function readState(wb: Workbook, plan: EditPlan): WorkbookState {
  // The expected cells by sheet, so that each sheet looks only at its own.
  const expected = new Map<string, string[]>();
  for (const e of plan.expect ?? []) {
    const list = expected.get(e.sheet) ?? [];
    expected.set(e.sheet, list);
    list.push(e.address);
  }
  const sheets: WorkbookState["sheets"] = {};
  for (const ws of wb.worksheets) {
    const current: Record<string, unknown> = {};
    for (const address of expected.get(ws.name) ?? []) {
      const { value, formula } = rawValue(ws.getCell(address));
      current[address] = formula ?? value ?? "";
    }
    sheets[ws.name] = { protected: isProtected(ws), merges: ws.model.merges, empty: ws.actualRowCount === 0, current };
  }
  return { structureProtected: false, sheetNames: wb.worksheets.map((ws) => ws.name), sheets };
}

export function isProtected(ws: Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(protection && protection.sheet !== false);
}
