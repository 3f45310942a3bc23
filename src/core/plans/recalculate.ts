/**
 * "Przelicz wskaźniki": write each ratio indicator's recalculated value into its baseline and year cells, as a live
 * formula over the component cells (the default) or as a value. The formula computes the exact ratio; the number
 * format shows the decimals the sheet showed, so the cell reads as before wherever the typed value was right.
 *
 * For live formulas the component counts must be true numbers: counts typed as text ("5 120") become numbers with a
 * format that displays them as before ("#,##0"). Cells holding "x", "b.d.", text or two values are left alone, and
 * so is a cell whose components lack a count. A cell that already holds the same formula (or value) and format is
 * not rewritten, so applying twice changes nothing the second time.
 *
 * A published figure is never changed without the reviewer's say: every recalculated cell is sorted into a group
 * (RecalcGroup) and only the figures that read as before are written by default. Those that would read differently
 * (largest first, each with its reason) and those held back as suspect are written only when chosen.
 */
import { parseA1 } from "../address";
import { formatValue } from "../format";
import { backupOf, identitiesOf } from "../backup";
import { appendJournal, backupProblem } from "../journal";
import { relativeGap } from "../findings/rows";
import type { Analysis, Component, Finding, Indicator, RatioResult, ValueCell } from "../model";
import {
  refusedPlan,
  type CellBackup,
  type CellEdit,
  type Change,
  type EditPlan,
  type Expectation,
  type SheetEdit,
} from "../plan";
import { cellAt } from "../ratio";
import { formulaById, type RatioUnit } from "../ratio/formulas";
import { inPercentagePoints, unitsOff } from "../ratio/precision";
import { readCell, type RawValue, type SheetSnapshot, type SnapshotCell, type WorkbookSnapshot } from "../snapshot";
import { verbatim, type Message } from "../message";

export interface RecalculateOptions {
  /** "formulas": live formulas over the component cells; "values": the recalculated numbers only. */
  mode: "formulas" | "values";
  /** ISO timestamp for the journal entry (core has no clock). */
  now: string;
  /** Also write the figures that would read differently (group "changed"); off by default. */
  includeChanged?: boolean;
  /** Also write the figures held back as suspect; off by default. */
  includeSuspect?: boolean;
  /** The user's choice per cell ("Sheet!A1"): true writes it, false leaves it, over its group's default. */
  choices?: Readonly<Record<string, boolean>>;
}

/**
 * How one recalculated figure compares with the published one:
 * - changed: it would read differently at the precision shown (70 % becomes 71 %);
 * - same: it reads the same and only becomes a live formula (or a value at full precision);
 * - suspect: held back whatever it reads, because it cannot be (a share over 100 %) or a component it is computed
 *   from carries a finding (W39_W 2021 over "6" among 585, 642, 650).
 */
export type RecalcGroup = "changed" | "same" | "suspect";

export interface RecalcItem {
  sheet: string;
  address: string;
  indicatorId: string;
  /** "baseline" or the year. */
  column: string;
  group: RecalcGroup;
  before: string;
  after: string;
  /** Why it changes or is held back; null for "same". */
  reason: Message | null;
  /** How far apart the published and the recalculated figure are, 0 to 1 (changed are listed largest first). */
  size: number;
  /** Written by this plan. */
  included: boolean;
}

/** What "Przelicz wskaźniki" proposes, for the reviewer to choose from; the plan writes the included items. */
export interface RecalcReview {
  /** changed (largest first), then same, then suspect, each in sheet order. */
  items: RecalcItem[];
  /** Component counts typed as text that the included formulas need as true numbers. */
  conversions: number;
}

export const cellKey = (sheet: string, address: string): string => `${sheet}!${address}`;

function snapshotCell(sheet: SheetSnapshot, address: string): SnapshotCell {
  const { row, col } = parseA1(address);
  return readCell(sheet, row, col);
}

/** The writes of one sheet, each cell at most once, with its backup and its line in the preview. */
class SheetWrites {
  readonly cells = new Map<string, CellEdit>();
  readonly backups: CellBackup[] = [];
  readonly changes: Change[] = [];
  readonly expect: Expectation[] = [];
  conversions = 0;

  constructor(readonly sheet: SheetSnapshot) {}

  /** `label` is the address of the row's name cell, the row's identity in the backup. */
  add(edit: CellEdit, after: string, label: string): void {
    if (this.cells.has(edit.address)) return;
    const { value, text, formula } = snapshotCell(this.sheet, edit.address);
    this.cells.set(edit.address, edit);
    const written =
      edit.formula === undefined
        ? { value: edit.value ?? null, formula: null }
        : { value: edit.value ?? null, formula: edit.formula };
    this.backups.push(
      backupOf(this.sheet, edit.address, { ...written, numberFormat: edit.numberFormat ?? "General" }, label),
    );
    this.changes.push({
      sheet: this.sheet.name,
      address: edit.address,
      before: verbatim(text),
      after: verbatim(after),
    });
    this.expect.push({ sheet: this.sheet.name, address: edit.address, formula: formula ?? value ?? "" });
  }
}

export function planRecalculate(wb: WorkbookSnapshot, analysis: Analysis, opts: RecalculateOptions): EditPlan {
  const notes: Message[] = [];
  const problem = backupProblem(wb);
  if (problem) return refusedPlan("recalculate", wb.journal, problem);
  const writes: SheetWrites[] = [];
  const items: RecalcItem[] = [];
  let leftAlone = 0;
  let ratioIndicators = 0;
  let protectedSheets = 0;
  const findingsAt = findingsByCell(analysis.findings);

  for (const recognition of analysis.sheets) {
    const sheet = wb.sheets.find((s) => s.name === recognition.sheet);
    const indicators = recognition.tables.flatMap((t) => t.indicators).filter((i) => analysis.ratios[i.id]);
    if (!sheet || indicators.length === 0) continue;
    ratioIndicators += indicators.length;
    if (sheet.protected) {
      protectedSheets++;
      notes.push({
        pl: `Arkusz „${sheet.name}” jest chroniony: wskaźniki w nim nie zostaną przeliczone.`,
        en: `Sheet "${sheet.name}" is protected: its indicators will not be recalculated.`,
      });
      continue;
    }
    const sheetWrites = new SheetWrites(sheet);
    const context: IndicatorContext = { sheet, mode: opts.mode, writes: sheetWrites, findingsAt, opts, items };
    for (const ind of indicators) leftAlone += planIndicator(context, ind, analysis.ratios[ind.id] as RatioResult);
    if (sheetWrites.cells.size > 0) writes.push(sheetWrites);
  }

  const backups = writes.flatMap((w) => w.backups);
  const nothingToChange = backups.length === 0 && items.length === 0 && protectedSheets === 0;
  notes.push(...outcomeNotes(leftAlone, items, ratioIndicators, nothingToChange));
  const edits: SheetEdit[] = writes.map((w) => ({
    sheet: w.sheet.name,
    cells: [...w.cells.values()],
    fills: [],
  }));
  return {
    action: "recalculate",
    edits,
    addSheets: [],
    deleteSheets: [],
    changes: writes.flatMap((w) => w.changes),
    journal:
      backups.length === 0
        ? wb.journal
        : appendJournal(wb.journal, {
            action: "recalculate",
            at: opts.now,
            cells: backups,
            addedSheets: [],
            sheets: identitiesOf(wb, backups),
          }),
    notes,
    review: { items: reviewOrder(items), conversions: writes.reduce((n, w) => n + w.conversions, 0) },
    expect: writes.flatMap((w) => w.expect),
  };
}

/** The findings (warnings and errors) on each cell, by cellKey: a component with one makes its ratio suspect. */
function findingsByCell(findings: Finding[]): Map<string, Finding[]> {
  const findingsAt = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const key = cellKey(f.sheet, f.address);
    findingsAt.set(key, [...(findingsAt.get(key) ?? []), f]);
  }
  return findingsAt;
}

/** The notes on what recalculation leaves alone, holds back, or finds nothing to do for. */
function outcomeNotes(
  leftAlone: number,
  items: RecalcItem[],
  ratioIndicators: number,
  nothingToChange: boolean,
): Message[] {
  const notes: Message[] = [];
  if (leftAlone > 0) {
    notes.push({
      pl: `Komórki wskaźników bez liczby do zastąpienia („x”, „b.d.”, tekst, dwie wartości) lub bez kompletu składowych zostaną bez zmian: ${leftAlone}.`,
      en: `Indicator cells that hold no number to replace ("x", "b.d.", text, two values) or lack a component count stay as they are: ${leftAlone}.`,
    });
  }
  const heldBack = items.filter((i) => !i.included && i.group !== "same");
  if (heldBack.length > 0) {
    notes.push({
      pl: `Zostają bez zmian, dopóki ich nie zaznaczysz: opublikowane wartości, które by się zmieniły, i wartości wątpliwe (${heldBack.length}).`,
      en: `Left as they are unless you tick them: published figures that would change, and doubtful ones (${heldBack.length}).`,
    });
  }
  if (ratioIndicators === 0) {
    notes.push({
      pl: "Nie znaleziono wskaźników z wierszami składowymi do przeliczenia.",
      en: "No indicators with component rows to recalculate were found.",
    });
  } else if (nothingToChange) {
    notes.push({
      pl: "Wskaźniki są już przeliczone: nic do zmiany.",
      en: "The indicators are already recalculated: nothing to change.",
    });
  }
  return notes;
}

/** The review's order (RecalcReview.items): changed largest first, then same, then suspect, each in sheet order. */
function reviewOrder(items: RecalcItem[]): RecalcItem[] {
  const order: Record<RecalcGroup, number> = { changed: 0, same: 1, suspect: 2 };
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (x, y) =>
        order[x.item.group] - order[y.item.group] ||
        (x.item.group === "changed" ? y.item.size - x.item.size : 0) ||
        x.i - y.i,
    )
    .map((x) => x.item);
}

interface IndicatorContext {
  sheet: SheetSnapshot;
  mode: RecalculateOptions["mode"];
  writes: SheetWrites;
  findingsAt: Map<string, Finding[]>;
  opts: RecalculateOptions;
  items: RecalcItem[];
}

/** Plans one indicator's cells; returns how many of its recalculated values it had to leave alone. */
function planIndicator(ctx: IndicatorContext, ind: Indicator, ratio: RatioResult): number {
  const { sheet, mode, writes } = ctx;
  const formula = formulaById(ratio.formula);
  const [numerator, denominator] = ratio.componentRows.map((row) => ind.components.find((c) => c.row === row));
  if (!numerator || !denominator) return 0;
  let leftAlone = 0;
  // Object keys put the years before "baseline"; the preview reads better in sheet order.
  const entries = Object.entries(ratio.recalculated).sort(([x], [y]) =>
    x === "baseline" ? -1 : y === "baseline" ? 1 : Number(x) - Number(y),
  );
  for (const [key, value] of entries) {
    const target = cellAt(ind, key);
    if (!target || target.parsed.text.trim() === "") continue;
    const writable = target.parsed.kind === "number" || target.parsed.kind === "percent";
    const a = cellAt(numerator, key);
    const b = cellAt(denominator, key);
    if (value === null || !writable || !a || !b) {
      leftAlone++;
      continue;
    }
    const numberFormat = ratioFormat(target, ratio.unit);
    const current = snapshotCell(sheet, target.address);
    const text = `=${formula.expression(a.address, b.address)}`;
    const unchanged =
      mode === "values"
        ? current.formula === null && sameNumber(current.value, value) && current.numberFormat === numberFormat
        : sameFormula(current.formula, text) && current.numberFormat === numberFormat;
    if (unchanged) continue;
    const after = formatValue(value, numberFormat);
    const item = classify(ctx, ind, ratio, key, target, [a, b], value, numberFormat);
    const choice = ctx.opts.choices?.[cellKey(sheet.name, target.address)];
    const byGroup =
      item.group === "same" || (item.group === "changed" ? ctx.opts.includeChanged : ctx.opts.includeSuspect) === true;
    item.included = choice ?? byGroup;
    ctx.items.push(item);
    if (!item.included) continue;
    if (mode === "values") {
      writes.add({ address: target.address, value, numberFormat }, after, ind.nameAddress);
      continue;
    }
    for (const [count, row] of [
      [a, numerator],
      [b, denominator],
    ] as const)
      if (count.parsed.typedAsText && count.formula === null) convertCount(count, row, writes);
    // The value goes along as the formula's cached result, for readers of the file before Excel recalculates it.
    writes.add({ address: target.address, formula: text, value, numberFormat }, `${after} (${text})`, ind.nameAddress);
  }
  return leftAlone;
}

/** Sorts one recalculated figure into its group, with the reason a reviewer needs to decide. */
function classify(
  ctx: IndicatorContext,
  ind: Indicator,
  ratio: RatioResult,
  key: string,
  target: ValueCell,
  components: [numerator: ValueCell, denominator: ValueCell],
  value: number,
  numberFormat: string,
): RecalcItem {
  const published = publishedNumber(target, ratio.unit);
  const after = formatValue(value, numberFormat);
  const item: RecalcItem = {
    sheet: ctx.sheet.name,
    address: target.address,
    indicatorId: ind.id,
    column: key,
    group: "same",
    before: target.parsed.text,
    after,
    reason: null,
    size: relativeGap(published, value),
    included: false,
  };
  const exact = formatValue(value, widerFormat(numberFormat));
  const suspects = components.flatMap((c) =>
    (ctx.findingsAt.get(cellKey(ctx.sheet.name, c.address)) ?? []).map((f) => ({ c, f })),
  );
  const share =
    ratio.unit === "percent" &&
    (ratio.formula === "share" || ratio.formula === "share_reversed" || ratio.formula === "coverage");
  if (share && value > 1 + 1e-12) {
    const [a, b] = components;
    return {
      ...item,
      group: "suspect",
      reason: {
        pl: `udział ${after} jest niemożliwy (ponad 100%): sprawdź składowe ${a.address} (${a.parsed.text}) i ${b.address} (${b.parsed.text})${suspects.length ? `; ${suspectText(suspects, "pl")}` : ""}.`,
        en: `a share of ${after} cannot be (over 100%): check the components ${a.address} (${a.parsed.text}) and ${b.address} (${b.parsed.text})${suspects.length ? `; ${suspectText(suspects, "en")}` : ""}.`,
      },
    };
  }
  if (suspects.length > 0) {
    return {
      ...item,
      group: "suspect",
      reason: { pl: `${suspectText(suspects, "pl")}.`, en: `${suspectText(suspects, "en")}.` },
    };
  }
  if (formatValue(published, numberFormat) === after) return item;
  const off = unitsOff(value, target.parsed, ratio.unit);
  let reason: Message;
  if (off === 0 && truncatesTo(value, published, numberFormat)) {
    reason = {
      pl: `wpisano wartość obciętą (dokładnie ${exact}); formuła zaokrągla do ${after}.`,
      en: `the typed value is truncated (exactly ${exact}); the formula rounds to ${after}.`,
    };
  } else if (off === 0) {
    reason = {
      pl: `wpisana wartość ma dopisane zero na końcu (dokładnie ${exact}); z tą liczbą miejsc po przecinku wychodzi ${after}.`,
      en: `the typed value ends in a padding zero (exactly ${exact}); at these decimals it reads ${after}.`,
    };
  } else if (off === 1) {
    reason = {
      pl: `różnica jednej jednostki na ostatniej cyfrze (dokładnie ${exact}).`,
      en: `one unit off in the last digit (exactly ${exact}).`,
    };
  } else {
    reason = {
      pl: `wpisana wartość nie zgadza się ze składowymi (dokładnie ${exact}).`,
      en: `the typed value disagrees with its components (exactly ${exact}).`,
    };
  }
  return { ...item, group: "changed", reason };
}

function suspectText(suspects: { c: ValueCell; f: Finding }[], lang: "pl" | "en"): string {
  const parts = suspects.map(({ c, f }) => {
    const why =
      f.code === "implausible_jump"
        ? { pl: "odstaje od reszty swojego wiersza", en: "is out of line with the rest of its row" }
        : { pl: "ma uwagę w „Sprawdź arkusz”", en: 'has a finding in "Validate sheet"' };
    return lang === "pl"
      ? `składowa ${c.address} (${c.parsed.text}) ${why.pl}`
      : `the component ${c.address} (${c.parsed.text}) ${why.en}`;
  });
  return parts.join(lang === "pl" ? "; " : "; ");
}

/** The published figure in Excel's units: "4,5" typed without its % sign in a percent row is 4,5 %. */
function publishedNumber(target: ValueCell, unit: RatioUnit): number {
  const v = target.parsed.value as number;
  return target.parsed.kind === "number" && inPercentagePoints(target.parsed, unit) ? v / 100 : v;
}

/** Does cutting the exact value at the format's decimals give the published figure (70,51 % typed as 70 %)? */
function truncatesTo(value: number, published: number, numberFormat: string): boolean {
  const decimals = (/\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0) + (numberFormat.endsWith("%") ? 2 : 0);
  const scale = 10 ** decimals;
  return Math.trunc(value * scale * (1 + 1e-12)) === Math.round(published * scale);
}

/** The same format with two more decimals, to show the exact value behind a rounded one. */
function widerFormat(numberFormat: string): string {
  const percent = numberFormat.endsWith("%");
  const body = percent ? numberFormat.slice(0, -1) : numberFormat;
  const wider = body.includes(".") ? `${body}00` : `${body}.00`;
  return percent ? `${wider}%` : wider;
}

/** A count typed as text becomes a true number, displayed as before: "5 120" under "#,##0", "1030" under "0". */
function convertCount(cell: ValueCell, row: Component, writes: SheetWrites): void {
  if (writes.cells.has(cell.address)) return;
  writes.conversions++;
  const value = cell.parsed.value as number;
  const grouped = /\d[\s\u00a0\u2007\u202f]\d{3}/.test(cell.parsed.text);
  const numberFormat = `${grouped ? "#,##0" : "0"}${decimalsSuffix(cell.parsed.decimals ?? 0)}`;
  writes.add({ address: cell.address, value, numberFormat }, formatValue(value, numberFormat), row.nameAddress);
}

/**
 * The format that shows the decimals the sheet showed: "0.00%" for "9,54%", "0.0" for a rate "2,5". A bare number in
 * a percent row typed as percentage points ("4,5") gets a percent format with its decimals, which restores the "%".
 */
export function ratioFormat(target: ValueCell, unit: RatioUnit): string {
  const decimals = target.parsed.decimals ?? 0;
  if (unit !== "percent") return `0${decimalsSuffix(decimals)}`;
  const points = inPercentagePoints(target.parsed, unit);
  return `0${decimalsSuffix(points ? decimals : Math.max(0, decimals - 2))}%`;
}

/** Excel offers at most 30 decimal places (Format Cells), and a number format holds at most 255 characters. */
const MAX_FORMAT_DECIMALS = 30;

function decimalsSuffix(decimals: number): string {
  return decimals > 0 ? `.${"0".repeat(Math.min(decimals, MAX_FORMAT_DECIMALS))}` : "";
}

/** The number read back from a workbook may differ in the last bits from the one computed. */
function sameNumber(current: RawValue, value: number): boolean {
  return typeof current === "number" && Math.abs(current - value) <= 1e-12 * Math.max(1, Math.abs(value));
}

/** Excel may hand a formula back with "$" or other spacing; both write the same computation. */
function sameFormula(a: string | null, b: string): boolean {
  const norm = (f: string): string => f.replace(/[\s$]/g, "").toUpperCase();
  return a !== null && norm(a) === norm(b);
}
