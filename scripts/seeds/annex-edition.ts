import type { AnnexGrid } from "./annex-tsv";
import { GuideDomain, GuideRow } from "./annex-guide";
import { EditionNames } from "./edition-names";
import { EditionRow, readEditionRow } from "./edition-rows";
import { readEditionValues, ValueLine } from "./edition-values";

/**
 * An earlier annex edition (seeds 001, 002: text extracted from a PDF, values and names apart) rebuilt as a sheet
 * laid out like the 2023 annex, with its own year columns. Within each domain the edition's value lines are in
 * table order, so they are aligned in order with the 2023 annex's rows (a row may be missing on either side); a line
 * is placed on a row only where it reads as that row with confidence (see edition-rows.ts), and keeps its own values.
 * A 2023 row whose name the edition's text does not hold is not looked for. Names, directions and domain titles are
 * written in the edition's own spelling (see edition-names.ts).
 *
 * Left out (`npm run seeds` prints this list; seeds/README.md explains each line):
 *   2022 edition (001): line 236 "6 x"; 484 "17 24"; 486 "8 0"; 783 "4 21% 30% wzrost 21% 30%"; 799 "8 100% 100%";
 *     934 "MOPS KIS 17% 19%"; 936 "GUP 4% 11%"; 960 "1"; 964 "20%".
 *   2021 edition (002): line 191 "4 x"; 516 "3 8 878 wzrost 7 889"; 536 "4 21% 30% wzrost 21%"; 630 "MOPS KIS 17%";
 *     632 "GUP 4%"; 662 "1"; 666 "20%".
 */
/** A value line of the edition that no row holds. */
export interface LeftOut {
  line: number;
  text: string;
}

export interface Edition {
  grid: AnnexGrid;
  leftOut: LeftOut[];
  /** Domain and direction titles the edition's text does not hold: the 2023 wording was used. */
  titlesNotFound: string[];
}

/** Below this a reading agrees with its 2023 row on fewer than two values (or one value and the number). */
const CONFIDENT = 3;
const SKIPPED_LINE = -1;

interface Match {
  guide: GuideRow;
  lines: ValueLine[];
  row: EditionRow;
}

/** Order-keeping alignment of a domain's value lines with its 2023 rows, maximising agreement. */
function align(guide: GuideRow[], lines: ValueLine[], years: number[]): { matches: Match[]; unmatched: ValueLine[] } {
  const G = guide.length;
  const L = lines.length;
  const score: number[][] = Array.from({ length: G + 1 }, () => Array<number>(L + 1).fill(-Infinity));
  const step: { di: number; dj: number; row?: EditionRow }[][] = Array.from({ length: G + 1 }, () => Array(L + 1));
  score[0]![0] = 0;
  const offer = (i: number, j: number, di: number, dj: number, gain: number, row?: EditionRow): void => {
    if (score[i]![j]! + gain > score[i + di]![j + dj]!) {
      score[i + di]![j + dj] = score[i]![j]! + gain;
      step[i + di]![j + dj] = { di, dj, row };
    }
  };
  for (let i = 0; i <= G; i++) {
    for (let j = 0; j <= L; j++) {
      if (score[i]![j] === -Infinity) continue;
      if (i < G) offer(i, j, 1, 0, 0);
      if (j < L) offer(i, j, 0, 1, SKIPPED_LINE);
      if (i < G && j < L) {
        for (const take of lines[j]!.continues && j + 1 < L ? [1, 2] : [1]) {
          const row = readEditionRow(lines.slice(j, j + take), guide[i]!, years);
          if (row && row.score >= CONFIDENT) offer(i, j, 1, take, row.score, row);
        }
      }
    }
  }
  const matches: Match[] = [];
  const used = new Set<ValueLine>();
  for (let i = G, j = L; i > 0 || j > 0; ) {
    const { di, dj, row } = step[i]![j]!;
    if (row) {
      const taken = lines.slice(j - dj, j);
      taken.forEach((l) => used.add(l));
      matches.unshift({ guide: guide[i - di]!, lines: taken, row });
    }
    i -= di;
    j -= dj;
  }
  return { matches, unmatched: lines.filter((l) => !used.has(l)) };
}

export function rebuildEdition(guide: GuideDomain[], text: string, years: number[]): Edition {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const domains = readEditionValues(text);
  const valueLineNumbers = new Set(domains.flatMap((d) => d.values.map((v) => v.line)));
  const names = new EditionNames(lines.filter((_, i) => !valueLineNumbers.has(i + 1)));
  const titlesNotFound: string[] = [];
  const titled = (title: string): string => {
    const found = names.find(title);
    if (found === null) titlesNotFound.push(title);
    return found ?? title;
  };
  const rowNames = new Map<GuideRow, string>();
  for (const row of guide.flatMap((d) => d.directions.flatMap((dir) => dir.rows))) {
    const found = names.find(row.name);
    if (found !== null) rowNames.set(row, found);
  }

  const cells: string[][] = [[]];
  const bold: boolean[] = [false];
  const push = (row: string[], isBold = false): void => {
    cells.push(row);
    bold.push(isBold);
  };
  const yearHeaders = years.map((y) => `rok ${y}`);
  const leftOut: LeftOut[] = [];

  guide.forEach((domain, d) => {
    const values = domains[d]?.values ?? [];
    const { matches, unmatched } = align(
      domain.directions.flatMap((dir) => dir.rows).filter((row) => rowNames.has(row)),
      values,
      years,
    );
    for (const line of unmatched) {
      leftOut.push({ line: line.line, text: line.text });
    }
    if (matches.length === 0) return;
    push([titled(domain.title), "", "wartość bazowa", "zakładana wartość docelowa", "trend", ...yearHeaders]);
    let firstDirection = true;
    for (const direction of domain.directions) {
      const rows = matches.filter((m) => direction.rows.includes(m.guide));
      if (rows.length === 0) continue;
      // As in the 2023 annex, the first direction's row is the header's second row, with "wartość wskaźnika".
      push([titled(direction.title), "", "", "", "", ...(firstDirection ? years.map(() => "wartość wskaźnika") : [])], true);
      firstDirection = false;
      for (const { guide: g, row } of rows) {
        push([row.lp, rowNames.get(g)!, row.base, row.target, row.trend, ...years.map((y) => row.years[y]!)]);
      }
    }
    push([]);
  });
  return { grid: { cells, bold }, leftOut, titlesNotFound };
}
