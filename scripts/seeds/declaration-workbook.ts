import ExcelJS from "exceljs";
import { seedLinesOf } from "./seed-lines";
import { fitToPageWidth, fitWrappedRows, newSeedWorkbook, putText, setColumnWidths } from "./seed-workbook";

/**
 * Seed 004's "Deklaracja wyników" table, typed as text like the seed ("10,5%", "0,4 %", "1."). In the seed each
 * cell is one tab-led line; a data row has nine cells where the header has eight, because "Przedział" spans a Min
 * and a max column: the second header row's "Min max" is split over those two columns, and the other headers span both rows.
 */
export const DECLARATION_SHEET = "Deklaracja wyników";

const TITLE_LINE = 1642;
const HEADER_LINES: [number, number] = [1653, 1660];
const SECOND_HEADER_LINES: [number, number] = [1662, 1669];
const ROW_LINES: [number, number][] = [
  [1671, 1679],
  [1681, 1689],
  [1691, 1700],
];
const RANGE_HEADER = "Przedział";

/** The tab-led lines between first and last (1-based, inclusive), one cell each. */
function tabCells(lines: string[], [first, last]: [number, number]): string[] {
  return lines
    .slice(first - 1, last)
    .filter((line) => line.startsWith("\t"))
    .map((line) => line.trim());
}

export function declarationWorkbook(seedText: string): ExcelJS.Workbook {
  const lines = seedLinesOf(seedText);
  const wb = newSeedWorkbook();
  const ws = wb.addWorksheet(DECLARATION_SHEET);
  setColumnWidths(ws, [6, 50, 10, 8, 14, 14, 8, 8, 14]);
  fitToPageWidth(ws);
  putText(ws.getCell(1, 1), lines[TITLE_LINE - 1]!.trim());
  ws.getCell(1, 1).font = { bold: true };

  const HEAD = 3;
  const below = tabCells(lines, SECOND_HEADER_LINES);
  let c = 1;
  tabCells(lines, HEADER_LINES).forEach((text, i) => {
    const span = text === RANGE_HEADER ? 2 : 1;
    putText(ws.getCell(HEAD, c), text);
    if (span === 2) {
      ws.mergeCells(HEAD, c, HEAD, c + 1);
      below[i]!.split(/\s+/).forEach((part, j) => putText(ws.getCell(HEAD + 1, c + j), part));
    } else {
      ws.mergeCells(HEAD, c, HEAD + 1, c);
    }
    c += span;
  });
  for (let col = 1; col < c; col++) {
    for (const r of [HEAD, HEAD + 1]) {
      ws.getCell(r, col).font = { bold: true };
      ws.getCell(r, col).alignment = { wrapText: true, vertical: "middle" };
    }
  }
  ROW_LINES.forEach((range, i) => {
    tabCells(lines, range).forEach((text, col) => {
      if (text !== "") putText(ws.getCell(HEAD + 2 + i, col + 1), text);
    });
    ws.getCell(HEAD + 2 + i, 2).alignment = { wrapText: true, vertical: "top" };
  });
  fitWrappedRows(ws);
  return wb;
}
