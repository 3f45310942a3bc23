/** A sheet as typed by hand: every cell a text cell, as the seed text shows it. */
import { readFileSync } from "fs";
import { join } from "path";
import { emptySheet, type SheetSnapshot } from "../../src/core/snapshot";
import { parseAnnexTsv } from "../../scripts/seeds/annex-tsv";

export function typedSheet(name: string, rows: string[][], bold: boolean[] = []): SheetSnapshot {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const sheet = emptySheet(name, rows.length, width);
  rows.forEach((r, i) =>
    r.forEach((text, j) => {
      sheet.values[i]![j] = text === "" ? null : text;
      sheet.text[i]![j] = text;
      sheet.bold[i]![j] = bold[i] ?? false;
    }),
  );
  return sheet;
}

export const SEEDS = join(__dirname, "..", "..", "seeds");

/** The 2023 annex seed text as the sheet it was copied from. */
export function annex2023Typed(): SheetSnapshot {
  const path = join(SEEDS, "000_0f54954b8cafc992.txt");
  const grid = parseAnnexTsv(readFileSync(path, "utf8"));
  return typedSheet("Załącznik 5", grid.cells, grid.bold);
}
