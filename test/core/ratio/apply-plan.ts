import { parseA1 } from "../../../src/core/address";
import { formatValue } from "../../../src/core/format";
import type { EditPlan } from "../../../src/core/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";

/**
 * A plan applied to a snapshot the way a workbook would take it: values, formats, and formulas computed over the
 * cells they reference (+ - * / and parentheses, all the ratio formulas use), with the text Excel (pl-PL) would show.
 */
export function applyPlan(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => structuredClone(s));
  for (const edit of plan.edits) {
    const sheet = sheets.find((s) => s.name === edit.sheet);
    if (!sheet) throw new Error(`No sheet ${edit.sheet}`);
    for (const cell of edit.cells) {
      const { r, c } = at(sheet, cell.address);
      if (cell.numberFormat !== undefined) sheet.numberFormat[r][c] = cell.numberFormat;
      sheet.formulas[r][c] = cell.formula ?? null;
      if (cell.formula === undefined) sheet.values[r][c] = cell.value ?? null;
    }
    for (const cell of edit.cells) {
      const { r, c } = at(sheet, cell.address);
      if (cell.formula !== undefined) sheet.values[r][c] = evaluate(sheet, cell.formula);
      sheet.text[r][c] = formatValue(sheet.values[r][c], sheet.numberFormat[r][c]);
    }
  }
  return { ...wb, sheets, journal: plan.journal };
}

function at(sheet: SheetSnapshot, address: string): { r: number; c: number } {
  const { row, col } = parseA1(address);
  return { r: row - sheet.top, c: col - sheet.left };
}

/** Evaluates "=A1/(A1+B2)*1000"-style formulas over the sheet's values. */
export function evaluate(sheet: SheetSnapshot, formula: string): number {
  const tokens = formula.replace(/^=/, "").match(/[A-Z]+\d+|\d+(\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === "(") {
      const v = sum();
      i++; // ")"
      return v;
    }
    if (/^[A-Z]/.test(t)) {
      const { r, c } = at(sheet, t);
      const v = sheet.values[r][c];
      if (typeof v !== "number") throw new Error(`${t} is not a number: ${JSON.stringify(v)}`);
      return v;
    }
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === "*" || tokens[i] === "/") v = tokens[i++] === "*" ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === "+" || tokens[i] === "-") v = tokens[i++] === "+" ? v + product() : v - product();
    return v;
  };
  return sum();
}
