import type { Workbook } from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { loadWorkbook, snapshotFromWorkbook } from "../../../src/xlsx";

export const SEEDS = join(__dirname, "..", "..", "..", "seeds");

/** A seed workbook opened through the xlsx adapter, as the CLI and the preview open a user's file. */
export async function readSeedWorkbook(file: string): Promise<Workbook> {
  return loadWorkbook(readFileSync(join(SEEDS, file)));
}

export async function readSeedSnapshot(file: string): Promise<WorkbookSnapshot> {
  return snapshotFromWorkbook(await readSeedWorkbook(file));
}
