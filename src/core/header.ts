/**
 * Header rows: where a table's column roles are named. An annex repeats its header for every domain, each time with
 * its own set of years and sometimes in other columns, so every header row starts a block with roles of its own.
 */
import type { Grid } from "./grid";
import { DOMAIN_TITLE, HEADER } from "./vocabulary";

export interface YearColumn {
  year: number;
  col: number;
}

export interface HeaderBlock {
  /** The first header row. */
  firstRow: number;
  /** The last header row (the second of a two-row header); data starts below it. */
  row: number;
  /** First column of the table (where "Lp." or the domain title sits). */
  left: number;
  /** Last column of the table: a table beside it starts after this. */
  right: number;
  baseline: number;
  target: number | null;
  trend: number | null;
  years: YearColumn[];
  /** Declaration layout: the "Tak, aby:" sentence column, which carries the name and the trend. */
  sentence: number | null;
  /** Declaration layout: the "Wskaźnik" column, which holds the code. */
  code: number | null;
  layout: "annex" | "declaration";
  /** The domain named on the header row itself ("Dziedzina - ..." or a bare title in its first cell). */
  domain: string | null;
}

/**
 * Header blocks named on a row: a header names the baseline and at least one more role (a trend, a target or a
 * year). Two tables side by side put two headers on one row: each gets the columns up to where the next one starts.
 */
export function readHeaders(grid: Grid, row: number): HeaderBlock[] {
  if (!namesBaseline(grid, row)) return [];
  const blocks: HeaderBlock[] = [];
  for (const span of headerSpans(grid, row)) {
    const block = readHeader(grid, row, span);
    if (block) blocks.push(block);
  }
  return blocks;
}

function readHeader(grid: Grid, row: number, span: Span): HeaderBlock | null {
  const roles = rolesOf(grid, row, span);
  if (roles.baseline === null || (roles.trend === null && roles.target === null && roles.years.length === 0))
    return null;
  const below = row + 1 <= grid.lastRow ? rolesOf(grid, row + 1, span) : null;
  // a two-row header: years or captions in the row below (under merged cells), no data
  const twoRow = below !== null && below.captions + below.years.length > 0 && below.other === 0;
  const years = mergeYears(roles.years, twoRow && below ? below.years : []);
  const filled = columnsIn(grid, row, span);
  const [firstCol] = filled;
  const left = Math.min(firstCol ?? roles.baseline, roles.number ?? Infinity);
  const first = firstCol !== undefined ? grid.text(row, firstCol).trim() : "";
  const firstIsTitle =
    firstCol !== undefined && firstCol < roles.baseline && roles.number !== firstCol && roles.sentence !== firstCol;
  return {
    firstRow: row,
    row: twoRow ? row + 1 : row,
    left,
    right: span.to,
    baseline: roles.baseline,
    target: roles.target,
    trend: roles.trend,
    years,
    sentence: roles.sentence,
    code: roles.sentence !== null ? roles.name : null,
    layout: roles.sentence !== null || (roles.trend === null && roles.number !== null) ? "declaration" : "annex",
    domain: firstIsTitle ? domainName(first) : null,
  };
}

/** Inclusive column range. */
export interface Span {
  from: number;
  to: number;
}

/** Columns of the row that hold anything, within the span. */
export function columnsIn(grid: Grid, row: number, span: Span): number[] {
  return grid.filledColumns(row).filter((c) => c >= span.from && c <= span.to);
}

/**
 * One span per "wartość bazowa" on the row. After a baseline, the words of its own header (target, trend, years,
 * captions) belong to it; the first other cell (a title, "Lp.") or the next baseline starts the next table.
 */
function headerSpans(grid: Grid, row: number): Span[] {
  const filled = grid.filledColumns(row);
  const baselines = filled.filter((c) => HEADER.baseline.test(grid.label(row, c)));
  if (baselines.length <= 1) return [{ from: grid.firstCol, to: Number.MAX_SAFE_INTEGER }];
  const spans: Span[] = [];
  let from = grid.firstCol;
  baselines.forEach((baseline, i) => {
    const next = baselines[i + 1];
    if (next === undefined) {
      spans.push({ from, to: Number.MAX_SAFE_INTEGER });
      return;
    }
    const own = filled.filter((c) => c > baseline && c < next);
    const start = own.find((c) => !isOwnHeaderWord(grid.label(row, c))) ?? next;
    spans.push({ from, to: start - 1 });
    from = start;
  });
  return spans;
}

function isOwnHeaderWord(label: string): boolean {
  return [HEADER.target, HEADER.trend, HEADER.year, HEADER.valueCaption, HEADER.weight, HEADER.range].some((re) =>
    re.test(label),
  );
}

/**
 * Cheap pre-check: almost no row is a header, and this spares them the full reading. A header has a cell that is
 * the baseline's caption (no block is read without one); a trend "utrzymanie wartości bazowej" mentions it too, on
 * every such data row, so the mention alone lets most of those rows through.
 */
function namesBaseline(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return (
    filled.some((col) => /bazow/i.test(grid.text(row, col))) &&
    filled.some((col) => HEADER.baseline.test(grid.label(row, col)))
  );
}

interface Roles {
  baseline: number | null;
  target: number | null;
  trend: number | null;
  number: number | null;
  name: number | null;
  sentence: number | null;
  years: YearColumn[];
  captions: number;
  other: number;
}

function rolesOf(grid: Grid, row: number, span: Span): Roles {
  const r: Roles = {
    baseline: null,
    target: null,
    trend: null,
    number: null,
    name: null,
    sentence: null,
    years: [],
    captions: 0,
    other: 0,
  };
  for (const col of columnsIn(grid, row, span)) {
    const label = grid.label(row, col);
    const year = HEADER.year.exec(label);
    if (HEADER.baseline.test(label)) r.baseline ??= col;
    else if (HEADER.target.test(label)) r.target ??= col;
    else if (HEADER.trend.test(label)) r.trend ??= col;
    else if (HEADER.number.test(label)) r.number ??= col;
    else if (HEADER.name.test(label)) r.name ??= col;
    else if (HEADER.trendSentence.test(label)) r.sentence ??= col;
    else if (year) r.years.push({ year: Number(year[1]), col });
    else if (
      HEADER.valueCaption.test(label) ||
      HEADER.weight.test(label) ||
      HEADER.range.test(label) ||
      /^min\.? ?max\.?$/.test(label)
    )
      r.captions++;
    else r.other++;
  }
  return r;
}

function mergeYears(a: YearColumn[], b: YearColumn[]): YearColumn[] {
  const byCol = new Map<number, YearColumn>();
  for (const y of [...a, ...b]) if (!byCol.has(y.col)) byCol.set(y.col, y);
  return [...byCol.values()].sort((x, y) => x.col - y.col);
}

/** "Dziedzina - Aktywna polityka senioralna" -> "Aktywna polityka senioralna". */
export function domainName(title: string): string {
  const t = title
    .replace(/<\/?b>/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  return DOMAIN_TITLE.test(t.toLowerCase()) ? t.replace(/^dziedzina\s*[-–—:]?\s*/i, "") : t;
}
