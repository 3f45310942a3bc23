import type { AnnexGrid } from "./annex-tsv";

/**
 * The 2023 annex read as a guide to its structure: domains, directions and rows, with each row's cells put back in
 * their columns (the seed shifts whole blocks one column right; the trend's column, or the name's, tells by how much).
 */
export const TREND_WORDS = ["wzrost", "spadek", "utrzymanie wartości bazowej"];

export interface RowValues {
  base: string;
  target: string;
  trend: string;
  years: Record<number, string>;
}

export interface GuideRow extends RowValues {
  /** 1-based row of the 2023 sheet. */
  row: number;
  lp: string;
  name: string;
}

export interface GuideDirection {
  title: string;
  rows: GuideRow[];
}

export interface GuideDomain {
  title: string;
  directions: GuideDirection[];
}

const GUIDE_YEARS = [2021, 2022, 2023];

export function readGuide(grid: AnnexGrid): GuideDomain[] {
  const domains: GuideDomain[] = [];
  grid.cells.forEach((raw, r) => {
    const cells = Array.from({ length: Math.max(raw.length, 9) }, (_, c) => (raw[c] ?? "").trim());
    if (cells.includes("wartość bazowa")) {
      domains.push({ title: cells[0]!, directions: [] });
      return;
    }
    const domain = domains[domains.length - 1];
    if (cells[0]!.startsWith("Kierunek działań")) {
      domain!.directions.push({ title: cells[0]!, rows: [] });
      return;
    }
    const nameColumn = cells[1] !== "" ? 1 : cells[2] !== "" && /\p{L}{3}/u.test(cells[2]!) ? 2 : -1;
    if (nameColumn < 0) return;
    const shift = columnShift(cells, nameColumn);
    const at = (c: number): string => cells[c + shift]!;
    domain!.directions[domain!.directions.length - 1]!.rows.push({
      row: r + 1,
      lp: cells[0]!,
      name: cells[nameColumn]!,
      base: at(2),
      target: at(3),
      trend: at(4),
      years: Object.fromEntries(GUIDE_YEARS.map((year, i) => [year, at(5 + i)])),
    });
  });
  return domains;
}

/** 0 where base, target and trend sit in columns C, D, E; 1 where the row is shifted one column right. */
function columnShift(cells: string[], nameColumn: number): number {
  const trendColumn = cells.findIndex((c) => TREND_WORDS.includes(c));
  if (trendColumn >= 0) return trendColumn - 4;
  if (nameColumn === 2) return 1;
  // A row with neither trend nor baseline ("Średni czas oczekiwania …": x, x, x) shows its shift by its last year.
  return cells[8] !== "" ? 1 : 0;
}
