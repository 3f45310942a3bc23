/**
 * The 2023 annex seed is tab-separated text copied from the real sheet. This turns it into the grid it came from:
 * one row per line, <b>…</b> marking bold rows, and the one kind of line that is really the second line of
 * multi-line cells (the "MOPS KIS 17%" over "GUP 4%" row) folded back into the row above.
 */
export interface AnnexGrid {
  cells: string[][];
  bold: boolean[];
}

const BOLD = /^<b>([\s\S]*)<\/b>$/;

export function parseAnnexTsv(text: string): AnnexGrid {
  const cells: string[][] = [];
  const bold: boolean[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const raw = line.split("\t");
    let isBold = false;
    const row = raw.map((c) => {
      const m = BOLD.exec(c.trim());
      if (m) isBold = true;
      return m ? m[1]! : c;
    });
    const prev = cells[cells.length - 1];
    if (prev && isContinuation(row, prev)) {
      row.forEach((c, i) => {
        if (c!.trim() !== "") prev[i] = `${prev[i]}\n${c}`;
      });
      continue;
    }
    cells.push(row);
    bold.push(isBold);
  }
  while (cells.length > 0 && cells[cells.length - 1]!.every((c) => c.trim() === "")) {
    cells.pop();
    bold.pop();
  }
  return { cells, bold };
}

/** No number, no name, no baseline, and every value it has sits under a value of the row above. */
function isContinuation(row: string[], prev: string[]): boolean {
  const filled = row.map((c, i) => (c.trim() !== "" ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0 || filled[0]! < 4) return false;
  return filled.every((i) => (prev[i] ?? "").trim() !== "");
}
