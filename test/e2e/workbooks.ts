/** The seed workbooks as the engine reads them in Node: what the preview must show, cell for cell. */
import { Workbook } from "exceljs";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseRange, toA1 } from "../../src/core/address";
import { liveStatuses } from "../../src/core/explain";
import { STATUS_STYLES } from "../../src/core/palette";
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
  return snapshotFromWorkbook(wb, [name]).sheets[0]!;
}

/** The cells a grid draws, by address: every cell but the hidden parts of merged areas. */
function drawnCells<T>(sheet: SheetSnapshot, pick: (i: number, j: number) => T | null): Record<string, T> {
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
  const out: Record<string, T> = {};
  sheet.values.forEach((row, i) =>
    row.forEach((_, j) => {
      const address = toA1(sheet.top + i, sheet.left + j);
      const value = pick(i, j);
      if (value !== null && !covered.has(address)) out[address] = value;
    }),
  );
  return out;
}

/** Displayed text of every non-empty drawn cell. */
export function textsByAddress(sheet: SheetSnapshot): Record<string, string> {
  return drawnCells(sheet, (i, j) => (sheet.text[i]![j] === "" ? null : sheet.text[i]![j]!));
}

/** Fill of every filled drawn cell. */
export function fillsByAddress(sheet: SheetSnapshot): Record<string, string> {
  return drawnCells(sheet, (i, j) => sheet.fill[i]![j]!);
}

/** The fills a reader sees: the cells' own, under the add-in's rules the status colour they select. */
export function shownFillsByAddress(sheet: SheetSnapshot): Record<string, string> {
  const live = liveStatuses(sheet);
  return drawnCells(sheet, (i, j) => {
    const status = live.get(toA1(sheet.top + i, sheet.left + j));
    return status ? STATUS_STYLES[status].fill : sheet.fill[i]![j]!;
  });
}
