/**
 * The workbooks the bench runs on: the seed 2023 annex as typed (read through ExcelJS, as the CLI reads it) and
 * the same annex stacked down to about 1 000, 10 000 and 100 000 rows (test/helpers/synthetic-annex.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadWorkbook, snapshotFromWorkbook } from "../../src/xlsx";
import { syntheticAnnexSheet } from "../../test/helpers/synthetic-annex";
import { noJournal } from "../../src/core/journal";

export const SEED_ANNEX = join(__dirname, "..", "..", "seeds", "annex-2023-typed.xlsx");

export interface BenchWorkbook {
  /** "seed" or the row count of a generated sheet. */
  label: string;
  rows: number;
  snapshot: WorkbookSnapshot;
}

export async function seedAnnex(): Promise<BenchWorkbook> {
  const snapshot = snapshotFromWorkbook(await loadWorkbook(readFileSync(SEED_ANNEX)));
  return { label: "seed", rows: snapshot.sheets[0]!.values.length, snapshot };
}

export function generated(rows: number): BenchWorkbook {
  const sheet = syntheticAnnexSheet(rows);
  return { label: String(rows), rows, snapshot: { sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() } };
}
