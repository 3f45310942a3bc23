/**
 * "Przelicz wskaźniki": write each ratio indicator's recalculated value into its baseline and year cells, as a live
 * formula over the component cells (the default) or as a value. The formula computes the exact ratio; the number
 * format shows the decimals the sheet showed, so the cell reads as before wherever the typed value was right.
 *
 * For live formulas the component counts must be true numbers: counts typed as text ("5 120") become numbers with a
 * format that displays them as before ("#,##0"). Cells holding "x", "b.d.", text or two values are left alone, and
 * so is a cell whose components lack a count. A cell that already holds the same formula (or value) and format is
 * not rewritten, so applying twice changes nothing the second time.
 */
import { parseA1 } from "../address";
import { formatValue } from "../format";
import { backupOf, identitiesOf } from "../backup";
import { appendJournal, backupProblem } from "../journal";
import type { Analysis, Component, Indicator, RatioResult, ValueCell } from "../model";
import type { CellBackup, CellEdit, Change, EditPlan, Expectation, SheetEdit } from "../plan";
import { cellAt } from "../ratio";
import { formulaById, type RatioUnit } from "../ratio/formulas";
import { inPercentagePoints } from "../ratio/precision";
import { readCell, type RawValue, type SheetSnapshot, type SnapshotCell, type WorkbookSnapshot } from "../snapshot";

export interface RecalculateOptions {
  /** "formulas": live formulas over the component cells; "values": the recalculated numbers only. */
  mode: "formulas" | "values";
  /** ISO timestamp for the journal entry (core has no clock). */
  now: string;
}

type Message = { pl: string; en: string };

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

  constructor(private readonly sheet: SheetSnapshot) {}

  /** `label` is the address of the row's name cell, the row's identity in the backup. */
  add(edit: CellEdit, after: string, label: string): void {
    if (this.cells.has(edit.address)) return;
    const { value, text, formula } = snapshotCell(this.sheet, edit.address);
    this.cells.set(edit.address, edit);
    const written = edit.formula === undefined ? { value: edit.value ?? null, formula: null } : { value: edit.value ?? null, formula: edit.formula };
    this.backups.push(backupOf(this.sheet, edit.address, { ...written, numberFormat: edit.numberFormat ?? "General" }, label));
    this.changes.push({ sheet: this.sheet.name, address: edit.address, before: text, after });
    this.expect.push({ sheet: this.sheet.name, address: edit.address, formula: formula ?? value ?? "" });
  }
}

export function planRecalculate(wb: WorkbookSnapshot, analysis: Analysis, opts: RecalculateOptions): EditPlan {
  const notes: Message[] = [];
  const problem = backupProblem(wb);
  if (problem) return { action: "recalculate", edits: [], addSheets: [], deleteSheets: [], changes: [], journal: wb.journal, notes: [problem], refusal: problem };
  const writes: SheetWrites[] = [];
  let leftAlone = 0;
  let ratioIndicators = 0;

  for (const recognition of analysis.sheets) {
    const sheet = wb.sheets.find((s) => s.name === recognition.sheet);
    const indicators = recognition.tables.flatMap((t) => t.indicators).filter((i) => analysis.ratios[i.id]);
    if (!sheet || indicators.length === 0) continue;
    ratioIndicators += indicators.length;
    if (sheet.protected) {
      notes.push({
        pl: `Arkusz „${sheet.name}” jest chroniony: nie przeliczono w nim wskaźników.`,
        en: `Sheet "${sheet.name}" is protected: its indicators were not recalculated.`,
      });
      continue;
    }
    const sheetWrites = new SheetWrites(sheet);
    for (const ind of indicators) {
      leftAlone += planIndicator(sheet, ind, analysis.ratios[ind.id] as RatioResult, opts.mode, sheetWrites);
    }
    if (sheetWrites.cells.size > 0) writes.push(sheetWrites);
  }

  if (leftAlone > 0) {
    notes.push({
      pl: `Pominięto komórki wskaźników bez liczby do zastąpienia („x”, „b.d.”, tekst, dwie wartości) lub bez kompletu składowych: ${leftAlone}.`,
      en: `Indicator cells left alone because they hold no number to replace ("x", "b.d.", text, two values) or lack a component count: ${leftAlone}.`,
    });
  }
  const backups = writes.flatMap((w) => w.backups);
  if (ratioIndicators === 0) {
    notes.push({ pl: "Nie znaleziono wskaźników z wierszami składowymi do przeliczenia.", en: "No indicators with component rows to recalculate were found." });
  } else if (backups.length === 0) {
    notes.push({ pl: "Wskaźniki są już przeliczone: nic do zmiany.", en: "The indicators are already recalculated: nothing to change." });
  }
  const edits: SheetEdit[] = writes.map((w) => ({ sheet: w.backups[0].sheet, cells: [...w.cells.values()], fills: [] }));
  return {
    action: "recalculate",
    edits,
    addSheets: [],
    deleteSheets: [],
    changes: writes.flatMap((w) => w.changes),
    journal:
      backups.length === 0
        ? wb.journal
        : appendJournal(wb.journal, { action: "recalculate", at: opts.now, cells: backups, addedSheets: [], sheets: identitiesOf(wb, backups) }),
    notes,
    expect: writes.flatMap((w) => w.expect),
  };
}

/** Plans one indicator's cells; returns how many of its recalculated values it had to leave alone. */
function planIndicator(
  sheet: SheetSnapshot,
  ind: Indicator,
  ratio: RatioResult,
  mode: RecalculateOptions["mode"],
  writes: SheetWrites,
): number {
  const formula = formulaById(ratio.formula);
  const [numerator, denominator] = ratio.componentRows.map((row) => ind.components.find((c) => c.row === row));
  if (!numerator || !denominator) return 0;
  let leftAlone = 0;
  // Object keys put the years before "baseline"; the preview reads better in sheet order.
  const keys = Object.keys(ratio.recalculated).sort((x, y) => (x === "baseline" ? -1 : y === "baseline" ? 1 : Number(x) - Number(y)));
  for (const key of keys) {
    const value = ratio.recalculated[key];
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
    if (mode === "values") {
      if (current.formula === null && sameNumber(current.value, value) && current.numberFormat === numberFormat) continue;
      writes.add({ address: target.address, value, numberFormat }, formatValue(value, numberFormat), ind.nameAddress);
      continue;
    }
    for (const [count, row] of [[a, numerator], [b, denominator]] as const) if (count.parsed.typedAsText && count.formula === null) convertCount(count, row, writes);
    const text = `=${formula.expression(a.address, b.address)}`;
    if (sameFormula(current.formula, text) && current.numberFormat === numberFormat) continue;
    // The value goes along as the formula's cached result, for readers of the file before Excel recalculates it.
    writes.add({ address: target.address, formula: text, value, numberFormat }, `${formatValue(value, numberFormat)} (${text})`, ind.nameAddress);
  }
  return leftAlone;
}

/** A count typed as text becomes a true number, displayed as before: "5 120" under "#,##0", "1030" under "0". */
function convertCount(cell: ValueCell, row: Component, writes: SheetWrites): void {
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

function decimalsSuffix(decimals: number): string {
  return decimals > 0 ? `.${"0".repeat(decimals)}` : "";
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
