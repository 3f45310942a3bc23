/** The backup journal's home: column A of a very hidden sheet, one chunk per row. */
import type { Workbook } from "exceljs";
import { JOURNAL_SHEET } from "../core/plan";

/** The journal chunks in row order; [] when the workbook has no journal sheet. */
export function readJournalSheet(wb: Workbook): string[] {
  const ws = wb.getWorksheet(JOURNAL_SHEET);
  if (!ws) return [];
  const chunks: string[] = [];
  ws.getColumn(1).eachCell((cell) => {
    if (typeof cell.value === "string" && cell.value !== "") chunks.push(cell.value);
  });
  return chunks;
}

/** Store the chunks (replacing any earlier journal); no chunks removes the sheet. */
export function writeJournalSheet(wb: Workbook, chunks: string[]): void {
  const old = wb.getWorksheet(JOURNAL_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (chunks.length === 0) return;
  const ws = wb.addWorksheet(JOURNAL_SHEET, { state: "veryHidden" });
  chunks.forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}
