/**
 * "Koloruj wg trendu": give each indicator's yearly value cells (and each sub-row's) live colours, as conditional-format
 * rules that Excel and LibreOffice evaluate themselves (rules.ts), so a figure typed later is recoloured without the
 * add-in.
 *
 * Only the sheet's own rules of the add-in are replaced; the user's rules and every cell's contents stay. Colouring
 * again replaces the add-in's rules; rules that are already the wanted ones are not written, so colouring twice
 * changes nothing the second time. A cell an older version of the add-in filled with a palette colour gets back the
 * fill it had before (from the journal), unless the user has since given it a fill outside the palette, which is
 * theirs and stays. "x" (not applicable) cells get no rule: nothing is expected there, so there is no status to show.
 */
import { mergeHiding, parseA1 } from "../address";
import { subRowId } from "../analyze";
import { backupOf, findSheet, locateCell, sheetIdentity } from "../backup";
import { appendJournal, backupProblem } from "../journal";
import type { Analysis, IndicatorTable, Status } from "../model";
import { statusOfFill, statusText } from "../palette";
import {
  refusedPlan,
  type CellBackup,
  type Change,
  type EditPlan,
  type Expectation,
  type FillEdit,
  type Journal,
  type SheetEdit,
} from "../plan";
import { rowRuns, sharedRules, type RuleRun, type StatusRule } from "../rules";
import { readCell, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { indicatorStatuses, rowStatuses, type ValueRow } from "../status";
import type { Message } from "../message";

/** The status of each yearly value cell of a table, by address, with the address of its row's name (its identity). */
export function tableStatuses(
  table: IndicatorTable,
  statusesById: Analysis["statuses"],
  tolerance: number,
): Map<string, { status: Status; label: string }> {
  const out = new Map<string, { status: Status; label: string }>();
  const add = (row: ValueRow & { nameAddress: string }, statuses: Record<string, Status>): void => {
    for (const year of table.years) {
      const cell = row.values[year];
      if (!cell || cell.parsed.kind === "not_applicable") continue;
      out.set(cell.address, { status: statuses[String(year)] ?? "no_data", label: row.nameAddress });
    }
  };
  for (const ind of table.indicators) {
    add(ind, statusesById[ind.id] ?? indicatorStatuses(ind, table.years, tolerance));
    for (const sub of ind.subRows)
      add(sub, statusesById[subRowId(ind, sub.row)] ?? rowStatuses(sub, sub.trend, table.years, tolerance));
  }
  return out;
}

function fillAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return readCell(sheet, row, col).fill;
}

/** The fill each cell had before the add-in first coloured it, by its address now, for one sheet. */
function originalFills(wb: WorkbookSnapshot, sheet: SheetSnapshot): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const entry of wb.journal.entries) {
    if (entry.action !== "color") continue;
    for (const b of entry.cells) {
      if (
        b.before.fill === undefined ||
        findSheet(wb, entry.sheets.find((s) => s.name === b.sheet) ?? { name: b.sheet }) !== sheet.name
      )
        continue;
      const address = locateCell(sheet, b);
      if (address !== null && !out.has(address)) out.set(address, b.before.fill);
    }
  }
  return out;
}

/** A fill as the user knows it: a status of the legend, no fill, or their own colour (no colour codes). */
function describeFill(fill: string | null): Message {
  if (fill === null) return { pl: "bez wypełnienia", en: "no fill" };
  const status = statusOfFill(fill);
  if (status === null) return { pl: "własny kolor wypełnienia", en: "own fill colour" };
  return { pl: statusText(status, "pl"), en: statusText(status, "en") };
}

const sameFill = (a: string | null, b: string | null): boolean => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

function byPosition(a: string, b: string): number {
  const [p, q] = [parseA1(a), parseA1(b)];
  return p.row - q.row || p.col - q.col;
}

/** The runs of value cells of every indicator and sub-row of a table, with their rules' conditions. */
function tableRuns(table: IndicatorTable, tolerance: number, hidden: (row: number, col: number) => unknown): RuleRun[] {
  const out: RuleRun[] = [];
  for (const ind of table.indicators) {
    for (const row of [ind, ...ind.subRows]) {
      const cells = table.years
        .map((year) => row.values[year])
        .filter((c): c is NonNullable<typeof c> => !!c && c.parsed.kind !== "not_applicable" && !hidden(c.row, c.col));
      out.push(...rowRuns(row, cells, tolerance));
    }
  }
  return out;
}

const normalFormula = (f: string): string => f.replace(/\s/g, "");

/** Do the add-in's rules on the sheet already say exactly this? */
function sameRules(have: string[] | undefined, want: StatusRule[]): boolean {
  const a = (have ?? []).map(normalFormula).sort();
  const b = want.map((r) => normalFormula(r.formula)).sort();
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/** "✔ cel osiągnięty (reguła)": what a cell under a rule shows now. */
function describeRule(status: Status): Message {
  return { pl: `${statusText(status, "pl")} (kolor na żywo)`, en: `${statusText(status, "en")} (live colour)` };
}

export function planColor(wb: WorkbookSnapshot, analysis: Analysis, opts: { now: string }): EditPlan {
  const edits: SheetEdit[] = [];
  const changes: Change[] = [];
  const backups: CellBackup[] = [];
  const expect: Expectation[] = [];
  const ruleSheets: string[] = [];
  const notes: EditPlan["notes"] = [];
  const problem = backupProblem(wb);
  if (problem) return refusedPlan("color", wb.journal, problem);

  for (const recognition of analysis.sheets) {
    const sheet = wb.sheets.find((s) => s.name === recognition.sheet);
    if (!sheet || recognition.tables.length === 0) continue;
    if (sheet.protected) {
      notes.push({
        pl: `Arkusz „${sheet.name}” jest chroniony: nie został pokolorowany.`,
        en: `Sheet "${sheet.name}" is protected: it was not coloured.`,
      });
      continue;
    }
    const colouring = colorSheet(wb, sheet, recognition.tables, analysis);
    // One by one: a 100 000-row sheet has more changes than push(...) takes arguments.
    for (const b of colouring.backups) backups.push(b);
    for (const e of colouring.expect) expect.push(e);
    for (const c of colouring.changes) changes.push(c);
    if (colouring.edit) edits.push(colouring.edit);
    if (colouring.edit?.rules !== undefined) ruleSheets.push(sheet.name);
  }

  changes.sort((a, b) => a.sheet.localeCompare(b.sheet) || byPosition(a.address, b.address));
  if (!analysis.sheets.some((s) => s.tables.length > 0)) {
    notes.push({
      pl: "Nie rozpoznano tu tabeli wskaźników, więc nie ma czego kolorować.",
      en: "No indicator table was recognised here, so there is nothing to colour.",
    });
    return { action: "color", edits, addSheets: [], deleteSheets: [], changes, journal: wb.journal, notes };
  }
  const pct = String(Math.round(analysis.tolerance * 10000) / 100);
  notes.push({
    pl: `Tolerancja dla trendu „utrzymanie wartości bazowej”: ${pct.replace(".", ",")} % wartości bazowej.`,
    en: `Tolerance for "maintain the baseline": ${pct} % of the baseline.`,
  });
  if (changes.length === 0) {
    notes.push({ pl: "Kolory są już aktualne: nic do zmiany.", en: "The colours are up to date: nothing to change." });
  }
  const journal = colorJournal(wb, backups, ruleSheets, opts.now);
  return { action: "color", edits, addSheets: [], deleteSheets: [], changes, journal, notes, expect };
}

/** What colouring one sheet writes (null: nothing), shows, backs up and expects to find before writing. */
interface SheetColouring {
  edit: SheetEdit | null;
  changes: Change[];
  backups: CellBackup[];
  expect: Expectation[];
}

/** One unprotected sheet's colouring: its new rules (unless already there) and the palette fills that go back. */
function colorSheet(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  tables: IndicatorTable[],
  analysis: Analysis,
): SheetColouring {
  const hidden = mergeHiding(sheet.merges);
  const rules = sharedRules(tables.flatMap((table) => tableRuns(table, analysis.tolerance, hidden)));
  const { statuses, labels } = sheetStatuses(tables, analysis, hidden);
  const rulesChange = !sameRules(sheet.ownRules, rules);
  const hadRules = (sheet.ownRules ?? []).length > 0;
  const fillBack = fillsToPutBack(wb, sheet, hidden);
  const backups: CellBackup[] = [];
  const expect: Expectation[] = [];
  for (const [address, fill] of fillBack) {
    const { row, col } = parseA1(address);
    backups.push(backupOf(sheet, address, { fill }, labels.get(address)));
    const now = readCell(sheet, row, col);
    expect.push({ sheet: sheet.name, address, formula: now.formula ?? now.value ?? "" });
  }

  const changes: Change[] = [];
  for (const address of new Set([...fillBack.keys(), ...(rulesChange ? statuses.keys() : [])])) {
    const { row, col } = parseA1(address);
    const status = statuses.get(address);
    const was =
      hadRules && status
        ? { pl: "kolor na żywo (poprzednia reguła)", en: "live colour (previous rule)" }
        : describeFill(fillAt(sheet, row, col));
    const will = status ? describeRule(status) : describeFill(fillBack.get(address) ?? null);
    changes.push({ sheet: sheet.name, address, before: was, after: will });
  }
  if (!rulesChange && fillBack.size === 0) return { edit: null, changes, backups, expect };
  const groups = new Map<string | null, string[]>();
  for (const [address, fill] of fillBack) {
    const group = groups.get(fill);
    if (group) group.push(address);
    else groups.set(fill, [address]);
  }
  const fills: FillEdit[] = [...groups].map(([color, list]) => ({ color, addresses: list.sort(byPosition) }));
  const edit: SheetEdit = { sheet: sheet.name, cells: [], fills, ...(rulesChange ? { rules } : {}) };
  return { edit, changes, backups, expect };
}

/** The engine's status of each visible value cell of the sheet's tables, and every value cell's row label. */
function sheetStatuses(
  tables: IndicatorTable[],
  analysis: Analysis,
  hidden: (row: number, col: number) => unknown,
): { statuses: Map<string, Status>; labels: Map<string, string> } {
  const statuses = new Map<string, Status>();
  const labels = new Map<string, string>();
  for (const table of tables) {
    for (const [address, { status, label }] of tableStatuses(table, analysis.statuses, analysis.tolerance)) {
      const { row, col } = parseA1(address);
      labels.set(address, label);
      if (!hidden(row, col)) statuses.set(address, status);
    }
  }
  return { statuses, labels };
}

/** Palette fills an earlier, static colouring left: the rules show the status now, so the fill goes back. */
function fillsToPutBack(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  hidden: (row: number, col: number) => unknown,
): Map<string, string | null> {
  const fillBack = new Map<string, string | null>();
  for (const [address, original] of originalFills(wb, sheet)) {
    const { row, col } = parseA1(address);
    const current = fillAt(sheet, row, col);
    if (statusOfFill(current) !== null && !sameFill(current, original) && !hidden(row, col))
      fillBack.set(address, original);
  }
  return fillBack;
}

/** The journal with this colouring's entry (fills put back, sheets given rules), or unchanged when it changes nothing. */
function colorJournal(wb: WorkbookSnapshot, backups: CellBackup[], ruleSheets: string[], now: string): Journal {
  if (backups.length === 0 && ruleSheets.length === 0) return wb.journal;
  const identities = [...new Set([...backups.map((b) => b.sheet), ...ruleSheets])].map((name) =>
    sheetIdentity(wb, name),
  );
  return appendJournal(wb.journal, {
    action: "color",
    at: now,
    cells: backups,
    addedSheets: [],
    sheets: identities,
    ...(ruleSheets.length > 0 ? { rules: ruleSheets } : {}),
  });
}
