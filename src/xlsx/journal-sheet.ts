/**
 * The backup journal's home: a very hidden sheet, one chunk per cell of column A (column B may hold the other copy
 * an interrupted Excel write left; the reader takes the newest complete one, see core/journal).
 */
import type { Workbook } from "exceljs";
import { parseJournal, serialiseJournal } from "../core/journal";
import { JOURNAL_SHEET, type Journal } from "../core/plan";

/**
 * Every non-empty cell of the journal sheet, column by column; [] when the workbook has no journal sheet. Anything
 * but chunks (a number, a formula, a user's text anywhere on the sheet) is kept as text, so that the reader reports
 * the sheet as not a sound backup instead of overwriting it.
 */
export function readJournalSheet(wb: Workbook): string[] {
  const ws = wb.getWorksheet(JOURNAL_SHEET);
  if (!ws) return [];
  const chunks: string[] = [];
  for (let col = 1; col <= ws.columnCount; col++) {
    ws.getColumn(col).eachCell((cell) => {
      const v = cell.value;
      if (v !== null && v !== undefined && v !== "") chunks.push(typeof v === "string" ? v : JSON.stringify(v));
    });
  }
  return chunks;
}

/**
 * Store the plan's journal, serialised, in column A of the journal sheet, made very hidden only when created; no
 * entries removes the sheet. The file is written whole, so no second copy is needed here. A journal the sheet already
 * holds (the same generation and entries, whatever form they were stored in) leaves the sheet untouched.
 */
export function writeJournalSheet(wb: Workbook, journal: Journal): void {
  const old = wb.getWorksheet(JOURNAL_SHEET);
  if (journal.entries.length === 0) {
    if (old) wb.removeWorksheet(old.id);
    return;
  }
  const chunks = serialiseJournal(journal);
  const raw = readJournalSheet(wb);
  const same = (a: string[]) => a.length === chunks.length && a.every((c, i) => c === chunks[i]);
  // The very chunks are the common case (a plan that adds no backup); only other ones are parsed to compare.
  if (same(raw)) return;
  const stored = parseJournal(raw);
  if (!stored.problem && same(serialiseJournal(stored))) return;
  const ws = old ?? wb.addWorksheet(JOURNAL_SHEET, { state: "veryHidden" });
  for (let col = 1; col <= ws.columnCount; col++) ws.getColumn(col).eachCell((cell) => (cell.value = null));
  chunks.forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}
