import ExcelJS from "exceljs";
import { seedLinesOf } from "./seed-lines";
import { newSeedWorkbook, putText, setColumnWidths } from "./seed-workbook";

/**
 * Plain data tables, no indicator table: the data sheets of the charts embedded at the end of seed 004 (years by
 * counts: "2019 615 84"). The extraction separates cells by two tabs; years and counts are written as numbers.
 */
const TABLES: { sheet: string; lines: [number, number] }[] = [
  { sheet: "Arkusz1", lines: [4328, 4334] },
  { sheet: "Arkusz2", lines: [4368, 4374] },
];

function chartRows(lines: string[], [first, last]: [number, number]): string[][] {
  return lines
    .slice(first - 1, last)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("\t\t").slice(1).map((cell) => cell.trim()));
}

export function plainDataWorkbook(seedText: string): ExcelJS.Workbook {
  const lines = seedLinesOf(seedText);
  const wb = newSeedWorkbook();
  for (const table of TABLES) {
    const ws = wb.addWorksheet(table.sheet);
    setColumnWidths(ws, [10, 40, 40]);
    chartRows(lines, table.lines).forEach((row, r) =>
      row.forEach((text, c) => {
        if (text === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        if (/^\d+$/.test(text)) cell.value = Number(text);
        else {
          putText(cell, text);
          cell.alignment = { wrapText: true, vertical: "top" };
        }
      }),
    );
  }
  return wb;
}
