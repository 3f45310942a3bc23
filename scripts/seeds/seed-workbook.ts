import ExcelJS from "exceljs";
import { rezipWithFixedDates, SEED_DATE } from "./deterministic-zip";

/** A workbook whose properties carry no machine, user or clock detail. */
export function newSeedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "mops-indicators seeds";
  wb.lastModifiedBy = "mops-indicators seeds";
  wb.created = SEED_DATE;
  wb.modified = SEED_DATE;
  return wb;
}

export async function seedWorkbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return rezipWithFixedDates(await wb.xlsx.writeBuffer());
}

/** A cell written as text; a line break in it only shows in Excel with wrapping on. */
export function putText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (text.includes("\n")) cell.alignment = { wrapText: true, vertical: "top" };
}

export function setColumnWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
}

/** Printed (and converted to PDF) one page wide, as annex tables are. */
export function fitToPageWidth(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/**
 * Files written by ExcelJS carry no row heights, and LibreOffice does not grow rows to fit wrapped text on opening:
 * give each row with wrapped cells the height of its longest cell, estimated from the column widths.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  const LINE_HEIGHT = 15;
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string" || cell.isMerged) return;
      const width = ws.getColumn(cell.col).width ?? 10;
      const wrapped = cell.value.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / width)), 0);
      lines = Math.max(lines, wrapped);
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  });
}
