/**
 * Two rows typed in one: indicator 1 of direction 2 of the 2023 annex reports "MOPS KIS 17%" over "GUP 4%" in its
 * 2021 cell, then "19%" over "11%" and "19%" over "19%": a row for MOPS KIS and a row for GUP sharing the
 * indicator's cells. Read as such, each line becomes a labelled row with its own values, so that neither is lost
 * from the report. Only when every such cell of the row holds the same number of lines.
 */
import type { Indicator, SubRow, ValueCell } from "./model";

export function labelledRows(ind: Indicator): SubRow[] {
  const cells = Object.entries(ind.values).filter((e): e is [string, ValueCell] => e[1]?.parsed.kind === "multiple");
  const [firstCell] = cells;
  if (!firstCell) return [];
  const count = firstCell[1].parsed.parts?.length ?? 0;
  if (count < 2 || cells.some(([, c]) => c.parsed.parts?.length !== count)) return [];
  return Array.from({ length: count }, (_, i) => {
    const label = cells.map(([, c]) => c.parsed.parts?.[i]?.label ?? "").find((l) => l !== "") ?? `${i + 1}`;
    const values: Record<number, ValueCell | null> = {};
    for (const [year, c] of cells) {
      const part = c.parsed.parts?.[i];
      if (part) values[Number(year)] = { ...c, parsed: part.value };
    }
    return {
      row: ind.row,
      name: label,
      nameAddress: ind.nameAddress,
      // The indicator's one baseline and target cannot be told apart between the lines.
      baseline: null,
      target: null,
      values,
      trend: ind.trend,
      trendText: ind.trendText,
    };
  });
}
