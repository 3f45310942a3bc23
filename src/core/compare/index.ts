/**
 * "Porównaj z poprzednią edycją": what this year's annex changed in the figures last year's annex published. Each
 * year's annex repeats the previous years, and their figures get revised; indicators are dropped, added, reworded
 * and renumbered. Every item points at its cell in the new sheet, so that a reviewer can go and look.
 */
import type { Message } from "../message";
import type { Analysis, Component, Indicator, ParsedValue, SheetRecognition, SubRow, ValueCell } from "../model";
import { columnLabel, indicatorLabel, shortName } from "../findings/rows";
import { compareFigures, sharedYears } from "./figures";
import { matchIndicators, matchRows } from "./match";
import { foldName, foldNumber } from "./names";

/** What a revision changed: a yearly value, the baseline, the target, the trend, or a figure of a row under it. */
export type RevisionField = "value" | "baseline" | "target" | "trend" | "component";

/** A cell of either edition: where it is in its own sheet and what it says. */
export type EditionCell = Pick<ValueCell, "address" | "parsed">;

/** Where an item is in the new sheet (0-based row). */
export interface Place {
  sheet: string;
  address: string;
  row: number;
}

export interface Revision extends Place {
  field: RevisionField;
  /** "baseline", "target", "trend" or the year, as findings name columns. */
  column: string;
  year: number | null;
  /** The indicator in the new edition. */
  indicator: Indicator;
  /** For field "component": the row under the indicator (a component, a district), in the new sheet. */
  component: { row: number; name: string } | null;
  old: EditionCell;
  new: EditionCell;
  message: Message;
}

export type ChangeKind = "added" | "removed" | "renamed" | "renumbered";

/** An indicator that came, went, or changed its name or number. */
export interface IndicatorChange extends Place {
  kind: ChangeKind;
  /** Absent for an added indicator. */
  old: Indicator | null;
  /** Absent for a removed one, which points at the indicator now in its place. */
  new: Indicator | null;
  message: Message;
}

export interface Comparison {
  oldSheet: string;
  newSheet: string;
  /** Indicators found in both editions. */
  matched: number;
  revisions: Revision[];
  added: IndicatorChange[];
  removed: IndicatorChange[];
  renamed: IndicatorChange[];
  renumbered: IndicatorChange[];
}

export function compareEditions(before: SheetRecognition, after: SheetRecognition): Comparison {
  const olds = before.tables.flatMap((t) => t.indicators);
  const news = after.tables.flatMap((t) => t.indicators);
  const { pairs, added, removed } = matchIndicators(olds, news);
  const partner = new Map(pairs);
  const revisions = pairs
    .flatMap(([a, b]) => indicatorRevisions(a, b))
    .sort((x, y) => x.row - y.row || columnRank(x.column) - columnRank(y.column));
  return {
    oldSheet: before.sheet,
    newSheet: after.sheet,
    matched: pairs.length,
    revisions,
    added: added.map((b) => ({ ...nameAt(b), kind: "added", old: null, new: b, message: addedMessage(b) })),
    removed: removed.map((a) => ({
      ...placeOfRemoved(a, olds, partner, news, after.sheet),
      kind: "removed",
      old: a,
      new: null,
      message: removedMessage(a, before.sheet),
    })),
    renamed: pairs
      .filter(([a, b]) => foldName(a.name) !== foldName(b.name))
      .map(([a, b]) => ({ ...nameAt(b), kind: "renamed", old: a, new: b, message: renamedMessage(a, b) })),
    renumbered: pairs
      .filter(([a, b]) => foldNumber(a.number) !== foldNumber(b.number))
      .map(([a, b]) => ({ ...nameAt(b), kind: "renumbered", old: a, new: b, message: renumberedMessage(a, b) })),
  };
}

/** The sheet to compare: the preferred one if it holds an indicator table, else the first that does. */
export function editionSheet(sheets: SheetRecognition[], preferred?: string): SheetRecognition | null {
  const withTable = sheets.filter((s) => s.tables.length > 0);
  return withTable.find((s) => s.sheet === preferred) ?? withTable[0] ?? null;
}

/**
 * The current sheet against the previous edition: the old workbook's sheet of the same name if it holds a table,
 * else its first that does; or which side has no indicator table.
 */
export function compareWithPrevious(
  current: Analysis,
  previous: Analysis,
): Comparison | "no_current_table" | "no_previous_table" {
  const after = editionSheet(current.sheets);
  if (!after) return "no_current_table";
  const before = editionSheet(previous.sheets, after.sheet);
  return before ? compareEditions(before, after) : "no_previous_table";
}

/** Nothing at all differs between the editions' shared figures, indicators, names and numbers. */
export function isUnchanged(c: Comparison): boolean {
  return c.revisions.length + c.added.length + c.removed.length + c.renamed.length + c.renumbered.length === 0;
}

// ---------------------------------------------------------------- revisions

function indicatorRevisions(a: Indicator, b: Indicator): Revision[] {
  const label = indicatorLabel(b);
  const base = { indicator: b, component: null };
  const out: Revision[] = [];
  const figure = (
    field: RevisionField,
    column: string,
    year: number | null,
    x: ValueCell | null,
    y: ValueCell | null,
  ) => {
    if (x && y && compareFigures(x.parsed, y.parsed) === "revised") {
      out.push({
        ...base,
        ...at(b.sheet, y),
        field,
        column,
        year,
        old: x,
        new: y,
        message: figureMessage(label, column, x, y),
      });
    }
  };
  figure("baseline", "baseline", null, a.baseline, b.baseline);
  figure("target", "target", null, a.target, b.target);
  for (const year of sharedYears(a.values, b.values))
    figure("value", String(year), year, a.values[year] ?? null, b.values[year] ?? null);
  if (a.trend !== "unknown" && b.trend !== "unknown" && a.trend !== b.trend && b.trendAddress) {
    const cell = (ind: Indicator): EditionCell => ({
      address: ind.trendAddress ?? "",
      parsed: textValue(ind.trendText),
    });
    out.push({
      ...base,
      sheet: b.sheet,
      address: b.trendAddress,
      row: b.row,
      field: "trend",
      column: "trend",
      year: null,
      old: cell(a),
      new: cell(b),
      message: {
        pl: `${label.pl}: trend był „${a.trendText}”, jest „${b.trendText}”.`,
        en: `${label.en}: the trend was "${a.trendText}", now "${b.trendText}".`,
      },
    });
  }
  const rows = [...matchRows<Component>(a.components, b.components), ...matchRows<SubRow>(a.subRows, b.subRows)];
  for (const [x, y] of rows) out.push(...rowRevisions(b, x, y));
  return out;
}

/** The figures of a component or sub-row under a matched indicator. */
function rowRevisions(ind: Indicator, a: Component | SubRow, b: Component | SubRow): Revision[] {
  const name = shortName(b.name);
  const owner = indicatorLabel(ind);
  const label = { pl: `składnik „${name}” (${owner.pl})`, en: `component "${name}" (${owner.en})` };
  const cells: [string, number | null, ValueCell | null, ValueCell | null][] = [
    ["baseline", null, a.baseline, b.baseline],
  ];
  if ("target" in a && "target" in b) cells.push(["target", null, a.target, b.target]);
  for (const year of sharedYears(a.values, b.values))
    cells.push([String(year), year, a.values[year] ?? null, b.values[year] ?? null]);
  return cells.flatMap(([column, year, x, y]) =>
    x && y && compareFigures(x.parsed, y.parsed) === "revised"
      ? [
          {
            ...at(ind.sheet, y),
            field: "component" as const,
            column,
            year,
            indicator: ind,
            component: { row: b.row, name: b.name },
            old: x,
            new: y,
            message: figureMessage(label, column, x, y),
          },
        ]
      : [],
  );
}

function figureMessage(label: Message, column: string, x: EditionCell, y: EditionCell): Message {
  const col = columnLabel(column);
  return {
    pl: `${label.pl}, ${col.pl}: było ${shown(x)}, jest ${shown(y)}.`,
    en: `${label.en}, ${col.en}: was ${shown(x)}, now ${shown(y)}.`,
  };
}

// ---------------------------------------------------------------- indicators that came, went or changed

function addedMessage(b: Indicator): Message {
  const label = indicatorLabel(b);
  return {
    pl: `Nowy ${label.pl}: nie ma go w poprzedniej edycji.`,
    en: `New ${label.en}: not in the previous edition.`,
  };
}

function removedMessage(a: Indicator, sheet: string): Message {
  const label = indicatorLabel(a);
  const row = a.row + 1;
  return {
    pl: `Usunięty ${label.pl}: był w poprzedniej edycji (arkusz „${sheet}”, wiersz ${row}), w tej go nie ma.`,
    en: `Removed ${label.en}: in the previous edition (sheet "${sheet}", row ${row}), not in this one.`,
  };
}

function renamedMessage(a: Indicator, b: Indicator): Message {
  const label = indicatorLabel(b);
  return {
    pl: `${label.pl}: zmieniona nazwa; było „${shortName(a.name, 120)}”.`,
    en: `${label.en}: renamed; it was "${shortName(a.name, 120)}".`,
  };
}

function renumberedMessage(a: Indicator, b: Indicator): Message {
  const label = indicatorLabel(b);
  const [x, y] = [foldNumber(a.number) ?? "—", foldNumber(b.number) ?? "—"];
  return { pl: `${label.pl}: zmieniony numer z ${x} na ${y}.`, en: `${label.en}: renumbered from ${x} to ${y}.` };
}

// ---------------------------------------------------------------- places

function at(sheet: string, cell: ValueCell): Place {
  return { sheet, address: cell.address, row: cell.row };
}

function nameAt(ind: Indicator): Place {
  return { sheet: ind.sheet, address: ind.nameAddress, row: ind.row };
}

/** A removed indicator points at what now stands in its place: the next indicator kept, else the previous one. */
function placeOfRemoved(
  a: Indicator,
  olds: Indicator[],
  partner: Map<Indicator, Indicator>,
  news: Indicator[],
  sheet: string,
): Place {
  const i = olds.indexOf(a);
  const next = olds.slice(i + 1).find((o) => partner.has(o));
  const previous = olds
    .slice(0, i)
    .reverse()
    .find((o) => partner.has(o));
  const there = (next && partner.get(next)) ?? (previous && partner.get(previous)) ?? news[0];
  return there ? nameAt(there) : { sheet, address: "A1", row: 0 };
}

function shown(cell: EditionCell): string {
  const text = cell.parsed.text.replace(/\s+/g, " ").trim();
  return text === "" ? "—" : text;
}

function textValue(text: string): ParsedValue {
  return { kind: "text", value: null, decimals: null, text, typedAsText: true };
}

function columnRank(column: string): number {
  return column === "trend" ? -3 : column === "baseline" ? -2 : column === "target" ? -1 : Number(column);
}

// ---------------------------------------------------------------- groups, as the pane and the CLI list them

export type ComparisonGroupId = "revised" | "reference" | "added" | "removed" | "renamed";

export interface ComparisonItem extends Place {
  /** Stable code, as findings have: "revised_value", "changed_target", "indicator_removed", ... */
  code: string;
  indicatorId: string | null;
  /** "baseline", "target", "trend", a year, or null. */
  column: string | null;
  message: Message;
}

export interface ComparisonGroup {
  id: ComparisonGroupId;
  items: ComparisonItem[];
}

const REVISION_CODE: Record<RevisionField, string> = {
  value: "revised_value",
  component: "revised_component",
  baseline: "changed_baseline",
  target: "changed_target",
  trend: "changed_trend",
};

/**
 * Revised figures (yearly values, components); changed baselines, targets and trends; indicators added; removed;
 * renamed or renumbered. Every group is there, empty or not, in this order; items in sheet order.
 */
export function comparisonGroups(c: Comparison): ComparisonGroup[] {
  const revision = (r: Revision): ComparisonItem => ({
    ...place(r),
    code: REVISION_CODE[r.field],
    indicatorId: r.indicator.id,
    column: r.column,
    message: r.message,
  });
  const change = (x: IndicatorChange): ComparisonItem => ({
    ...place(x),
    code: `indicator_${x.kind}`,
    indicatorId: x.new?.id ?? null,
    column: null,
    message: x.message,
  });
  const figures = (r: Revision) => r.field === "value" || r.field === "component";
  return [
    { id: "revised", items: c.revisions.filter(figures).map(revision) },
    { id: "reference", items: c.revisions.filter((r) => !figures(r)).map(revision) },
    { id: "added", items: c.added.map(change) },
    { id: "removed", items: c.removed.map(change) },
    { id: "renamed", items: [...c.renamed, ...c.renumbered].sort((x, y) => x.row - y.row).map(change) },
  ];
}

function place(p: Place): Place {
  return { sheet: p.sheet, address: p.address, row: p.row };
}
