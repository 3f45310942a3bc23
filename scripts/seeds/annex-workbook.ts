import ExcelJS from "exceljs";
import type { AnnexGrid } from "./annex-tsv";
import { fitToPageWidth, newSeedWorkbook, putText, setColumnWidths } from "./seed-workbook";
import { typedNumber } from "./typed-number";

export const ANNEX_SHEET = "Załącznik 5";

/**
 * "typed": every cell text as staff type it, except Lp. numbers (column A), which Excel turns into numbers anyway.
 * "numbers": the same cells, but every number a true number with a number format that displays it as typed, and the
 * header cells that have an empty cell below them merged over two rows, as in the annex's real two-row headers.
 */
export type AnnexMode = "typed" | "numbers";

/** The header cells that span the "wartość wskaźnika" row under the year columns in a real annex. */
const TWO_ROW_HEADERS = new Set(["wartość bazowa", "zakładana wartość docelowa", "trend"]);

/** Lp. (the indicator's number) is column A. */
const LP_COLUMN = 0;

const COLUMN_WIDTHS = [6, 70, 14, 14, 16, 14, 14, 14, 14, 14];

export function annexWorkbook(grid: AnnexGrid, mode: AnnexMode): ExcelJS.Workbook {
  const wb = newSeedWorkbook();
  const ws = wb.addWorksheet(ANNEX_SHEET);
  setColumnWidths(ws, COLUMN_WIDTHS);
  fitToPageWidth(ws);
  grid.cells.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text.trim() === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      const number = mode === "numbers" || c === LP_COLUMN ? typedNumber(text) : null;
      if (number) {
        cell.value = number.value;
        if (number.numFmt !== "General") cell.numFmt = number.numFmt;
      } else {
        putText(cell, text);
      }
      if (grid.bold[r]) cell.font = { bold: true };
    });
  });
  if (mode === "numbers") mergeTwoRowHeaders(ws, grid);
  return wb;
}

function mergeTwoRowHeaders(ws: ExcelJS.Worksheet, grid: AnnexGrid): void {
  grid.cells.forEach((row, r) => {
    row.forEach((text, c) => {
      const below = grid.cells[r + 1]?.[c] ?? "";
      if (TWO_ROW_HEADERS.has(text.trim()) && below.trim() === "") {
        ws.mergeCells(r + 1, c + 1, r + 2, c + 1);
        ws.getCell(r + 1, c + 1).alignment = { vertical: "middle", wrapText: true };
      }
    });
  });
}
