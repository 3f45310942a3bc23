/** The seed workbooks as the engine reads them in Node: what the preview must show, cell for cell. */
import { Workbook } from "exceljs";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseRange, toA1 } from "../../src/core/address";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../src/xlsx/read";

export const SEEDS = join(__dirname, "..", "..", "seeds");

export function seedBuffer(file: string): Buffer {
  return readFileSync(join(SEEDS, file));
}

/** The first of the named seeds that exists (seeds land one by one). */
export function firstSeed(...files: string[]): string {
  const found = files.find((f) => existsSync(join(SEEDS, f)));
  if (!found) throw new Error(`none of the seeds ${files.join(", ")} is in seeds/`);
  return found;
}

export async function loadWorkbook(buffer: Buffer | ArrayBuffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

/** The visible sheets in tab order, as Excel would show them. */
export function visibleSheetNames(wb: Workbook): string[] {
  return wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
}

export function sheetSnapshot(wb: Workbook, name: string): SheetSnapshot {
  return snapshotFromWorkbook(wb, [name]).sheets[0];
}

/** Displayed text by address of every cell a grid draws with text (not the hidden parts of merged areas). */
export function textsByAddress(sheet: SheetSnapshot): Record<string, string> {
  const covered = new Set(
    sheet.merges.flatMap((m) => {
      const { start, end } = parseRange(m);
      const cells: string[] = [];
      for (let r = start.row; r <= end.row; r++) {
        for (let c = start.col; c <= end.col; c++) if (r !== start.row || c !== start.col) cells.push(toA1(r, c));
      }
      return cells;
    }),
  );
  const texts: Record<string, string> = {};
  sheet.text.forEach((row, i) =>
    row.forEach((text, j) => {
      const address = toA1(sheet.top + i, sheet.left + j);
      if (text !== "" && !covered.has(address)) texts[address] = text;
    }),
  );
  return texts;
}

/** Only the non-empty entries, for comparing a grid with a snapshot. */
export function nonEmpty(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== ""));
}
