/** Cell values, formulas, formats and fills written to an ExcelJS sheet. */
import type { Cell, CellValue, Worksheet } from "exceljs";
import type { CellEdit, FillEdit } from "../core/plan";
import type { RawValue } from "../core/snapshot";
import { solidFill } from "./colors";

export function writeCells(ws: Worksheet, cells: CellEdit[]): void {
  for (const edit of cells) {
    const cell = ws.getCell(edit.address);
    if (edit.formula !== undefined) {
      // The value, when given, is the formula's cached result: what readers see before Excel recalculates.
      const result = edit.value === undefined ? undefined : cellValue(edit.value);
      cell.value = { formula: edit.formula.replace(/^=/, ""), result } as CellValue;
    } else if (edit.value !== undefined) {
      cell.value = cellValue(edit.value);
    }
    if (edit.numberFormat !== undefined) restyle(cell, { numFmt: edit.numberFormat });
    if (edit.bold !== undefined) restyle(cell, { font: { ...cell.font, bold: edit.bold } });
  }
}

export function writeFills(ws: Worksheet, fills: FillEdit[]): void {
  for (const { color, addresses } of fills) {
    for (const address of addresses) {
      const cell = ws.getCell(address);
      if (color === null) {
        const rest = { ...cell.style };
        delete rest.fill;
        cell.style = rest;
      } else {
        restyle(cell, { fill: solidFill(color) });
      }
    }
  }
}

/** ExcelJS shares one style object between cells read from a file: always give the cell a fresh one. */
function restyle(cell: Cell, change: Partial<Cell["style"]>): void {
  cell.style = { ...cell.style, ...change };
}

const ERROR_VALUES = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/** A snapshot value back to an ExcelJS value: error texts become error values again. */
function cellValue(v: RawValue): CellValue {
  if (typeof v === "string" && ERROR_VALUES.has(v)) return { error: v } as CellValue;
  return v;
}
