/**
 * Big annex sheets for benchmarks and scale tests: the real 2023 annex grid repeated until it has about the wanted
 * number of rows, so every quirk of the seed (shifts, sub-rows, repeated headers) scales with it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseAnnexTsv, type AnnexGrid } from "../../scripts/seeds/annex-tsv";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { SEEDS, typedSheet } from "./typed-sheet";

export function annexGrid(): AnnexGrid {
  return parseAnnexTsv(readFileSync(join(SEEDS, "000_0f54954b8cafc992.txt"), "utf8"));
}

export function syntheticAnnexGrid(rows: number): AnnexGrid {
  const seed = annexGrid();
  const cells: string[][] = [];
  const bold: boolean[] = [];
  while (cells.length < rows) {
    const room = rows - cells.length;
    cells.push(...seed.cells.slice(0, room).map((r) => [...r]));
    bold.push(...seed.bold.slice(0, room));
  }
  return { cells, bold };
}

export function syntheticAnnexSheet(rows: number, name = "Załącznik 5"): SheetSnapshot {
  const grid = syntheticAnnexGrid(rows);
  return typedSheet(name, grid.cells, grid.bold);
}
