/**
 * "Koloruj wg trendu": fill each indicator's yearly value cells (and each sub-row's) with its status colour.
 *
 * Only those cells are touched, and only their fill. Colouring again replaces the add-in's earlier colouring:
 * a cell it coloured before that now gets no colour returns to the fill it had before the first colouring (from
 * the journal), unless the user has since given it a fill outside the palette, which is theirs and stays.
 * A cell already showing the right colour is not written, so colouring twice changes nothing the second time.
 * "x" (not applicable) cells stay as they are: nothing is expected there, so there is no status to show.
 */
import { mergeHiding, parseA1 } from "../address";
import { subRowId } from "../analyze";
import { backupOf, findSheet, identitiesOf, locateCell } from "../backup";
import { appendJournal, backupProblem, readJournal } from "../journal";
import type { Analysis, IndicatorTable, Status } from "../model";
import { STATUS_ORDER, STATUS_STYLES, statusOfFill } from "../palette";
import type { CellBackup, Change, EditPlan, Expectation, FillEdit, SheetEdit } from "../plan";
import { readCell, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { indicatorStatuses, rowStatuses, type ValueRow } from "../status";
import type { Message } from "../message";

/** The status of each yearly value cell of a table, by address, with the address of its row's name (its identity). */
function tableStatuses(table: IndicatorTable, statusesById: Analysis["statuses"], tolerance: number): Map<string, { status: Status; label: string }> {
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
    for (const sub of ind.subRows) add(sub, statusesById[subRowId(ind, sub.row)] ?? rowStatuses(sub, sub.trend, table.years, tolerance));
  }
  return out;
}

function fillAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return readCell(sheet, row, col).fill;
}

/** The fill each cell had before the add-in first coloured it, by its address now, for one sheet. */
function originalFills(wb: WorkbookSnapshot, sheet: SheetSnapshot): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const entry of readJournal(wb.journal)) {
    if (entry.action !== "color") continue;
    for (const b of entry.cells) {
      if (b.before.fill === undefined || findSheet(wb, entry.sheets.find((s) => s.name === b.sheet) ?? { name: b.sheet }) !== sheet.name) continue;
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
  const { symbol, label } = STATUS_STYLES[status];
  return { pl: `${symbol} ${label.pl}`, en: `${symbol} ${label.en}` };
}

const sameFill = (a: string | null, b: string | null): boolean => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

function byPosition(a: string, b: string): number {
  const [p, q] = [parseA1(a), parseA1(b)];
  return p.row - q.row || p.col - q.col;
}

export function planColor(wb: WorkbookSnapshot, analysis: Analysis, opts: { now: string }): EditPlan {
  const edits: SheetEdit[] = [];
  const changes: Change[] = [];
  const backups: CellBackup[] = [];
  const expect: Expectation[] = [];
  const notes: EditPlan["notes"] = [];
  const problem = backupProblem(wb);
  if (problem) return { action: "color", edits, addSheets: [], deleteSheets: [], changes, journal: wb.journal, notes: [problem], refusal: problem };

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
    const wanted = new Map<string, string | null>();
    const labels = new Map<string, string>();
    for (const table of recognition.tables) {
      for (const [address, { status, label }] of tableStatuses(table, analysis.statuses, analysis.tolerance)) {
        wanted.set(address, STATUS_STYLES[status].fill);
        labels.set(address, label);
      }
    }
    for (const [address, original] of originalFills(wb, sheet)) {
      if (wanted.has(address)) continue;
      const { row, col } = parseA1(address);
      if (statusOfFill(fillAt(sheet, row, col)) !== null) wanted.set(address, original);
    }

    const groups = new Map<string | null, string[]>();
    const hidden = mergeHiding(sheet.merges);
    for (const [address, fill] of wanted) {
      const { row, col } = parseA1(address);
      if (hidden(row, col)) continue;
      const current = fillAt(sheet, row, col);
      if (sameFill(current, fill)) continue;
      const group = groups.get(fill);
      if (group) group.push(address);
      else groups.set(fill, [address]);
      backups.push(backupOf(sheet, address, { fill }, labels.get(address)));
      // The status comes from the value read: a plan made before the user changed it is refused at apply.
      const now = readCell(sheet, row, col);
      expect.push({ sheet: sheet.name, address, formula: now.formula ?? now.value ?? "" });
      const [was, will] = [describeFill(current), describeFill(fill)];
      changes.push({ sheet: sheet.name, address, before: was.pl, after: will.pl, en: { before: was.en, after: will.en } });
    }
    if (groups.size === 0) continue;
    // Palette colours first, in legend order, then the restored original fills.
    const rank = (fill: string | null): number => {
      const s = statusOfFill(fill);
      return s === null ? STATUS_ORDER.length : STATUS_ORDER.indexOf(s);
    };
    const fills: FillEdit[] = [...groups]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([color, addresses]) => ({ color, addresses: addresses.sort(byPosition) }));
    edits.push({ sheet: sheet.name, cells: [], fills });
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
  return {
    action: "color",
    edits,
    addSheets: [],
    deleteSheets: [],
    changes,
    journal: backups.length === 0 ? wb.journal : appendJournal(wb.journal, { action: "color", at: opts.now, cells: backups, addedSheets: [], sheets: identitiesOf(wb, backups) }),
    notes,
    expect,
  };
}
