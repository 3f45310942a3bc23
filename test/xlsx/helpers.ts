/** Seed workbooks for the xlsx adapter's tests. */
import { readFileSync } from "fs";
import { join } from "path";
import type { Workbook } from "exceljs";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";

export const SEEDS = join(__dirname, "..", "..", "seeds");

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SEEDS, name)));
}

export function openSeed(name: string): Promise<Workbook> {
  return loadWorkbook(seedBytes(name));
}

/** Save to .xlsx bytes and open again: what a file on disk would give. */
export async function reopen(wb: Workbook): Promise<Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}
