/**
 * The recogniser: reads a sheet as a person reads an annex. Header rows give each block its column roles; every data
 * row then finds its own alignment (typed rows drift by a column here and there) from its trend word, or failing that
 * from where its values fall; numbered rows are indicators and the unnumbered rows under them their components or
 * sub-rows (districts, benefit types).
 */
import { rangeA1 } from "./address";
import { Grid, isValueLike } from "./grid";
import { columnsIn, domainName, readHeaders, type HeaderBlock, type YearColumn } from "./header";
import type {
  Component,
  Indicator,
  IndicatorTable,
  NonEmpty,
  SheetRecognition,
  SubRow,
  Trend,
  ValueCell,
} from "./model";
import type { SheetSnapshot } from "./snapshot";
import { DIRECTION_TITLE, DISTRICT, DOMAIN_TITLE, HEADER, readCode, readTrend, trendFromSentence } from "./vocabulary";
import type { Message } from "./message";

/** How far a row may drift from its header, in columns. */
const MAX_SHIFT = 2;
/** Longer than any trend word ("utrzymanie wartości bazowej" with stray spaces). */
const MAX_TREND_LENGTH = 40;
/** A new header this close below the previous block's last row continues the same table. */
const TABLE_GAP = 3;

interface RowLayout {
  row: number;
  shift: number;
  number: string | null;
  name: string;
  nameCol: number;
  trend: Trend | null;
  trendText: string;
}

interface Title {
  kind: "domain" | "direction";
  text: string;
}

interface Block {
  header: HeaderBlock;
  lastRow: number;
  rows: RowLayout[];
  /** Section titles met while reading, keyed by row. */
  titles: Map<number, Title>;
}

export function recognizeSheet(sheet: SheetSnapshot): SheetRecognition {
  const grid = new Grid(sheet);
  const headers: HeaderBlock[] = [];
  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    const found = readHeaders(grid, row);
    headers.push(...found);
    if (found.length > 0) row = Math.max(...found.map((h) => h.row));
  }
  if (headers.length === 0) return { sheet: sheet.name, tables: [], message: noTableMessage(grid) };
  const blocks = headers.map((h) => readBlock(grid, h, blockEnd(grid, h, headers)));
  const tables = groupTables(blocks).map((group) => buildTable(grid, group));
  const found = tables.filter((t) => t.indicators.length > 0);
  return found.length > 0
    ? { sheet: sheet.name, tables: found }
    : {
        sheet: sheet.name,
        tables: [],
        message: {
          pl: "Nagłówek tabeli wskaźników jest, ale pod nim nie ma ani jednego wiersza wskaźnika (numer, nazwa, wartości).",
          en: "An indicator table header is there, but no indicator row (number, name, values) follows it.",
        },
      };
}

// ---------------------------------------------------------------- rows

/** A block ends where the next header over the same columns begins. */
function blockEnd(grid: Grid, h: HeaderBlock, headers: HeaderBlock[]): number {
  const next = headers.find((o) => o.firstRow > h.row && o.left <= h.right && o.right >= h.left);
  return next ? next.firstRow - 1 : grid.lastRow;
}

function readBlock(grid: Grid, header: HeaderBlock, end: number): Block {
  const block: Block = { header, lastRow: header.row, rows: [], titles: new Map() };
  let previousShift = 0;
  for (let row = header.row + 1; row <= end; row++) {
    const filled = columnsIn(grid, row, { from: header.left, to: header.right });
    if (filled.length === 0) continue;
    const title = readTitle(grid, row, filled, header);
    if (title) {
      block.titles.set(row, title);
      block.lastRow = row;
      continue;
    }
    const layout = readRow(grid, row, filled, header, previousShift);
    if (!layout) continue;
    block.rows.push(layout);
    block.lastRow = row;
    previousShift = layout.shift;
  }
  return block;
}

/** A section title: a domain or direction caption, or a lone bold text, with nothing but captions beside it. */
function readTitle(grid: Grid, row: number, filled: number[], header: HeaderBlock): Title | null {
  const [col, ...rest] = filled;
  if (col === undefined) return null;
  const first = grid.label(row, col);
  // asked last: most rows are no title, and their value cells need not be read as captions
  const alone = () => rest.every((c) => HEADER.valueCaption.test(grid.label(row, c)));
  if (DOMAIN_TITLE.test(first) && alone()) return { kind: "domain", text: domainName(grid.text(row, col)) };
  if (DIRECTION_TITLE.test(first) && alone())
    return {
      kind: "direction",
      text: grid
        .text(row, col)
        .replace(/<\/?b>/gi, "")
        .replace(/\s+/g, " ")
        .trim(),
    };
  if (col < header.baseline - 1 && grid.bold(row, col) && !/^\d/.test(first) && !DISTRICT.test(first) && alone()) {
    return { kind: "direction", text: grid.text(row, col).replace(/\s+/g, " ").trim() };
  }
  return null;
}

function readRow(
  grid: Grid,
  row: number,
  filled: number[],
  header: HeaderBlock,
  previousShift: number,
): RowLayout | null {
  const anchored = trendAnchor(grid, row, filled, header);
  const shift = anchored ?? bestShift(grid, row, filled, header, previousShift);
  const baselineCol = header.baseline + shift;
  let number: string | null = null;
  let name = "";
  let nameCol = -1;
  for (const col of filled) {
    if (col >= baselineCol) break;
    const text = grid.text(row, col).trim();
    if (number === null && name === "" && /^\d{1,3}\.?$/.test(text)) number = text;
    else if (name === "" && grid.value(row, col).kind === "text") {
      name = text;
      nameCol = col;
    }
  }
  if (name === "") return null;
  const trendCol = header.trend === null ? null : header.trend + shift;
  const trendText =
    header.sentence !== null
      ? grid.text(row, header.sentence + shift)
      : trendCol === null
        ? ""
        : grid.text(row, trendCol);
  const trend = header.sentence !== null ? trendFromSentence(trendText) : readTrend(trendText);
  const hasValues = roleColumns(header, shift).some((c) => isValueLike(grid.value(row, c)));
  if (number === null && !hasValues && trend === null) return null;
  return { row, shift, number, name, nameCol, trend, trendText: trendText.trim() };
}

/** The trend word is the surest landmark of a typed row: where it sits tells how far the row drifted. */
function trendAnchor(grid: Grid, row: number, filled: number[], header: HeaderBlock): number | null {
  if (header.trend === null) return null;
  for (const col of filled) {
    const shift = col - header.trend;
    // trend words are short; skipping long names spares most of the normalising
    if (
      Math.abs(shift) <= MAX_SHIFT &&
      grid.text(row, col).length <= MAX_TREND_LENGTH &&
      readTrend(grid.text(row, col)) !== null
    )
      return shift;
  }
  return null;
}

/** Without a trend word, the alignment that puts the most values under value headers and none elsewhere. */
function bestShift(grid: Grid, row: number, filled: number[], header: HeaderBlock, previousShift: number): number {
  const candidates = [previousShift, 0, 1, -1, 2, -2].filter(
    (s, i, all) => all.indexOf(s) === i && Math.abs(s) <= MAX_SHIFT,
  );
  let best = previousShift;
  let bestScore = -Infinity;
  for (const shift of candidates) {
    const roles = new Set(roleColumns(header, shift));
    const beyond = new Set(extraYearColumns(header, shift));
    let score = 0;
    for (const col of filled) {
      const v = grid.value(row, col);
      if (roles.has(col)) score += isValueLike(v) ? 1 : v.kind === "text" ? -1 : 0;
      else if (beyond.has(col)) score += isValueLike(v) ? 0.5 : 0;
      else if (col > header.baseline + shift && isValueLike(v)) score -= 1;
    }
    if (filled[0] !== undefined && filled[0] >= header.baseline + shift) score -= 2;
    if (score > bestScore) {
      best = shift;
      bestScore = score;
    }
  }
  return best;
}

/** Columns just after the last named year, where a header that forgot a year still has its values. */
function extraYearColumns(header: HeaderBlock, shift: number): number[] {
  const last = header.years[header.years.length - 1];
  return last ? [last.col + 1 + shift, last.col + 2 + shift] : [];
}

function roleColumns(header: HeaderBlock, shift: number): number[] {
  const cols = [header.baseline, ...(header.target === null ? [] : [header.target]), ...header.years.map((y) => y.col)];
  return cols.map((c) => c + shift);
}

// ---------------------------------------------------------------- tables

/** Blocks over the same columns, each starting just below the previous one's last row, make one table. */
function groupTables(blocks: Block[]): NonEmpty<Block>[] {
  const groups: NonEmpty<Block>[] = [];
  for (const block of blocks) {
    const group = groups.find((g) => {
      const last = g[g.length - 1];
      return (
        last !== undefined &&
        block.header.firstRow - last.lastRow <= TABLE_GAP + 2 &&
        Math.abs(block.header.left - last.header.left) <= MAX_SHIFT &&
        block.header.firstRow > last.lastRow
      );
    });
    if (group) group.push(block);
    else groups.push([block]);
  }
  return groups;
}

/** Header years, continued where the data clearly has one more year column than the header names. */
function blockYears(grid: Grid, block: Block): YearColumn[] {
  const years = [...block.header.years];
  const numbered = block.rows.filter((r) => r.number !== null);
  for (let extra = 0; extra < 2 && years.length > 0; extra++) {
    const last = years[years.length - 1];
    if (!last) break;
    const previous = years[years.length - 2];
    const step = previous ? last.col - previous.col : 1;
    const col = last.col + step;
    const filled = numbered.filter((r) => isValueLike(grid.value(r.row, col + r.shift))).length;
    if (numbered.length === 0 || filled * 2 < numbered.length) break;
    years.push({ year: last.year + 1, col });
  }
  return years;
}

/** Where a table's reading stands: the domain and direction titles met so far. */
interface Section {
  domain: string | null;
  direction: string | null;
}

/** A block's rows and titles in sheet order. */
type BlockEvent = { row: number; layout: RowLayout } | { row: number; title: Title };

/** One indicator's rows: its head row, the unnumbered rows under it, and the section it sits in. */
interface RowGroup {
  head: RowLayout;
  children: RowLayout[];
  section: Section;
}

/** What the cell readers of one block need: the grid, the block's header and its years. */
interface BlockContext {
  grid: Grid;
  header: HeaderBlock;
  years: YearColumn[];
}

/** Columns in a sheet (A..XFD). */
const SHEET_COLUMNS = 16_384;

function buildTable(grid: Grid, blocks: NonEmpty<Block>): IndicatorTable {
  const indicators: Indicator[] = [];
  const allYears = new Set<number>();
  let section: Section = { domain: null, direction: null };
  let maxCol = 0;
  for (const block of blocks) {
    const ctx: BlockContext = { grid, header: block.header, years: blockYears(grid, block) };
    ctx.years.forEach((y) => allYears.add(y.year));
    const grouped = groupRows(block, section);
    section = grouped.section;
    for (const group of grouped.groups) {
      const read = readIndicator(ctx, group);
      indicators.push(read.indicator);
      maxCol = Math.max(maxCol, read.right);
    }
  }
  const first = blocks[0].header;
  const lastRow = Math.max(...blocks.map((b) => b.lastRow));
  return {
    sheet: grid.sheet.name,
    range: rangeA1({ row: first.firstRow, col: first.left }, { row: lastRow, col: maxCol }),
    years: [...allYears].sort((a, b) => a - b),
    indicators,
    layout: first.layout,
  };
}

/** Sorts a block's rows under their indicators (a title ends the indicator above it); returns the section after it. */
function groupRows(block: Block, entry: Section): { groups: RowGroup[]; section: Section } {
  let section: Section = block.header.domain ? { domain: block.header.domain, direction: null } : entry;
  const events: BlockEvent[] = [
    ...block.rows.map((r) => ({ row: r.row, layout: r })),
    ...[...block.titles].map(([row, t]) => ({ row, title: t })),
  ].sort((a, b) => a.row - b.row);
  const groups: RowGroup[] = [];
  let current: RowGroup | null = null;
  for (const e of events) {
    if ("title" in e) {
      section =
        e.title.kind === "domain" ? { domain: e.title.text, direction: null } : { ...section, direction: e.title.text };
      current = null;
    } else if (e.layout.number !== null || current === null) {
      current = { head: e.layout, children: [], section };
      groups.push(current);
    } else current.children.push(e.layout);
  }
  return { groups, section };
}

/** A row drifted left of column A (or right of XFD) has no cell there: nothing to read, no address to name. */
function shiftedColumn(col: number | null, shift: number): number | null {
  return col === null || col + shift < 0 || col + shift >= SHEET_COLUMNS ? null : col + shift;
}

/** The cell under a header column for a row that drifted by `shift`. */
function cellAt(ctx: BlockContext, row: number, col: number | null, shift: number): ValueCell | null {
  const at = shiftedColumn(col, shift);
  return at === null ? null : ctx.grid.cell(row, at);
}

function valuesOf(ctx: BlockContext, r: RowLayout): Record<number, ValueCell | null> {
  return Object.fromEntries(ctx.years.map((y) => [y.year, cellAt(ctx, r.row, y.col, r.shift)]));
}

/** The rightmost column a row is read from (its name and its value cells), for the table's range. */
function rowRight(ctx: BlockContext, r: RowLayout, withTarget: boolean): number {
  const cols = [ctx.header.baseline, ...(withTarget ? [ctx.header.target] : []), ...ctx.years.map((y) => y.col)];
  const inside = cols.map((c) => shiftedColumn(c, r.shift)).filter((c): c is number => c !== null);
  return Math.max(r.nameCol, ...inside);
}

/** An indicator with its components and sub-rows, and the rightmost column its rows were read from. */
function readIndicator(ctx: BlockContext, group: RowGroup): { indicator: Indicator; right: number } {
  const { grid, header } = ctx;
  const { head: r, section } = group;
  const sheet = grid.sheet.name;
  const codeText = header.code === null ? "" : grid.text(r.row, header.code + r.shift);
  const trendColumn = header.sentence ?? header.trend;
  const parent: Indicator = {
    id: `${sheet}!${r.row + 1}`,
    sheet,
    row: r.row,
    number: r.number,
    name: r.name,
    nameAddress: grid.cell(r.row, r.nameCol).address,
    code: readCode(codeText) ?? readCode(r.name),
    domain: section.domain,
    direction: section.direction,
    trend: r.trend ?? "unknown",
    trendText: r.trendText,
    ...(trendColumn === null || trendColumn + r.shift < 0
      ? {}
      : { trendAddress: grid.cell(r.row, trendColumn + r.shift).address }),
    baseline: cellAt(ctx, r.row, header.baseline, r.shift),
    target: cellAt(ctx, r.row, header.target, r.shift),
    values: valuesOf(ctx, r),
    components: [],
    subRows: [],
  };
  const subs = new Set(group.children.filter((c) => isSubRow(parent, c)));
  const indicator: Indicator = {
    ...parent,
    components: group.children.filter((c) => !subs.has(c)).map((c) => readComponent(ctx, c)),
    subRows: group.children.filter((c) => subs.has(c)).map((c) => readSubRow(ctx, c, parent)),
  };
  const right = Math.max(rowRight(ctx, r, true), ...group.children.map((c) => rowRight(ctx, c, subs.has(c))));
  return { indicator, right };
}

function readComponent(ctx: BlockContext, r: RowLayout): Component {
  return {
    row: r.row,
    name: r.name,
    nameAddress: ctx.grid.cell(r.row, r.nameCol).address,
    baseline: cellAt(ctx, r.row, ctx.header.baseline, r.shift),
    values: valuesOf(ctx, r),
  };
}

/** A sub-row is a small indicator: without a trend word of its own it follows its parent's. */
function readSubRow(ctx: BlockContext, r: RowLayout, parent: Indicator): SubRow {
  return {
    ...readComponent(ctx, r),
    trend: r.trend ?? parent.trend,
    trendText: r.trend ? r.trendText : parent.trendText,
    target: cellAt(ctx, r.row, ctx.header.target, r.shift),
  };
}

/**
 * A child row breaks its indicator down (rather than feeding a ratio) when it has a trend of its own, is a district,
 * or when the indicator itself carries no values ("x" or empty in every year).
 */
function isSubRow(parent: Indicator, child: RowLayout): boolean {
  if (child.trend !== null || DISTRICT.test(child.name.toLowerCase())) return true;
  const own = Object.values(parent.values).filter(
    (c) => c && (c.parsed.kind === "number" || c.parsed.kind === "percent" || c.parsed.kind === "multiple"),
  );
  return own.length === 0;
}

function noTableMessage(grid: Grid): Message {
  for (let row = grid.firstRow; row <= Math.min(grid.lastRow, grid.firstRow + 200); row++) {
    for (const col of grid.filledColumns(row)) {
      const label = grid.label(row, col);
      if (/^wska[źz]niki?$|^stan wska[źz]nika|^trend$|stan realizacji/.test(label)) {
        return {
          pl: `To nie jest tabela wskaźników w układzie załącznika: jest nagłówek „${grid.text(row, col).trim()}”, ale brak kolumny „wartość bazowa” i kolumn lat.`,
          en: `This is not an indicator table in the annex layout: there is a "${grid.text(row, col).trim()}" header but no "wartość bazowa" (baseline) column and no year columns.`,
        };
      }
    }
  }
  return {
    pl: "Nie znaleziono tabeli wskaźników: żaden wiersz nie ma nagłówka „wartość bazowa” obok trendu, wartości docelowej lub roku.",
    en: 'No indicator table found: no row has a "wartość bazowa" (baseline) header beside a trend, target or year.',
  };
}
