/**
 * The backup journal's home: a very hidden sheet, one chunk per cell of column A (column B may hold the other copy
 * an interrupted Excel write left; the reader takes the newest complete one, see core/journal).
 */
import type { Workbook } from "exceljs";
import { JOURNAL_SHEET } from "../core/plan";

/** The journal chunks of columns A and B in row order; [] when the workbook has no journal sheet. */
export function readJournalSheet(wb: Workbook): string[] {
  const ws = wb.getWorksheet(JOURNAL_SHEET);
  if (!ws) return [];
  const chunks: string[] = [];
  for (const col of [1, 2]) {
    ws.getColumn(col).eachCell((cell) => {
      const v = cell.value;
      // A chunk that is not text (a number, a formula) is kept as text, so that the reader reports it as damaged.
      if (v !== null && v !== undefined && v !== "") chunks.push(typeof v === "string" ? v : JSON.stringify(v));
    });
  }
  return chunks;
}

/**
 * Store the chunks in column A of the journal sheet, made very hidden only when created; no chunks removes the sheet.
 * The file is written whole, so no second copy is needed here. Unchanged chunks leave the sheet untouched.
 */
export function writeJournalSheet(wb: Workbook, chunks: string[]): void {
  const old = wb.getWorksheet(JOURNAL_SHEET);
  const current = readJournalSheet(wb);
  if (current.length === chunks.length && current.every((c, i) => c === chunks[i])) return;
  if (chunks.length === 0) {
    if (old) wb.removeWorksheet(old.id);
    return;
  }
  const ws = old ?? wb.addWorksheet(JOURNAL_SHEET, { state: "veryHidden" });
  for (const col of [1, 2]) ws.getColumn(col).eachCell((cell) => (cell.value = null));
  chunks.forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}
