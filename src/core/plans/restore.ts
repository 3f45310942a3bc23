/**
 * "Przywróć": put back what the add-in changed, from the backup journal, by compare-and-swap.
 *
 * Each recorded cell is found again (its sheet by id, its row by its label) and undone newest record first: a
 * record is undone only while the cell still holds what the add-in wrote there. A cell the user has changed since
 * is theirs: it is listed and left alone (unless forced), and its record stays in the journal. A sheet the add-in
 * added is deleted only while it is still the add-in's (found by id, its mark in A1 intact). Records leave the
 * journal only with their cells back, so restoring twice finds nothing to do, and a partial restore can be resumed.
 */
import { parseA1 } from "../address";
import { findSheet, locateCell } from "../backup";
import { formatValue } from "../format";
import { backupProblem, emptyJournalSheet } from "../journal";
import {
  JOURNAL_SHEET,
  type CellBackup,
  type CellEdit,
  type CellImage,
  type Change,
  type EditPlan,
  type Expectation,
  type FillEdit,
  type JournalEntry,
  type SheetEdit,
  type SheetIdentity,
} from "../plan";
import { readCell, type RawValue, type SheetSnapshot, type SnapshotCell, type WorkbookSnapshot } from "../snapshot";
import { reviewSheetsToKeep } from "../review/keep";
import { verbatim, type Message } from "../message";

export interface RestoreOptions {
  /** Restore cells the user changed since, and cells an old backup cannot check (the CLI's --force). */
  force?: boolean;
}

/** The line the preview shows for a cell the user changed since the add-in wrote it. */
export const USER_CHANGED: Message = {
  pl: "zmienione przez użytkownika: bez zmian",
  en: "changed by the user: left as is",
};
/** A cell whose backup predates the record of what the add-in wrote (version 1): it cannot be checked, so it stays. */
const UNVERIFIABLE: Message = { pl: "nie do sprawdzenia: bez zmian", en: "cannot be checked: left as is" };
const ADDED_SHEET: Message = { pl: "arkusz dodany przez dodatek", en: "a sheet the add-in added" };

export function planRestore(wb: WorkbookSnapshot, opts: RestoreOptions = {}): EditPlan {
  const plan: EditPlan = {
    action: "restore",
    edits: [],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: wb.journal,
    notes: [],
    expect: [],
  };
  const problem = backupProblem(wb);
  if (problem) return { ...plan, notes: [problem], refusal: problem };
  const { entries, generation } = wb.journal;
  const [first] = entries;
  if (!first) return nothingToRestore(wb, plan);

  const notes = new Notes();
  const sheets = sheetsToDelete(wb, entries, notes);
  const visible = wb.sheetNames.filter((n) => n !== JOURNAL_SHEET);
  if (sheets.doomed.size > 0 && visible.every((n) => sheets.doomed.has(n))) {
    const refusal = {
      pl: "Przywracanie usunęłoby wszystkie arkusze skoroszytu: kopia zapasowa nie zgadza się ze skoroszytem. Nic nie zostało zmienione.",
      en: "Restoring would delete every sheet of the workbook: the backup does not match the workbook. Nothing was changed.",
    };
    return { ...plan, expect: [], notes: [refusal], refusal };
  }
  plan.deleteSheets = [...sheets.doomed];
  plan.expect!.push(...sheets.expect);

  // Every sheet read, by name (the first of a name, as a search of the list would find).
  const read = new Map<string, SheetSnapshot>();
  for (const s of [...wb.sheets, ...(wb.backupSheets ?? [])]) if (!read.has(s.name)) read.set(s.name, s);
  const located = locateRecords(wb, read, entries, sheets.doomed, notes);
  const undone = undoCells(located.groups, opts.force ?? false);
  plan.changes.push(...undone.changes);
  plan.expect!.push(...undone.expect);
  plan.edits.push(...undone.edits);
  const unreadRules = removeOwnRules(wb, read, entries, plan, sheets.doomed);
  for (const sheet of plan.deleteSheets) {
    plan.changes.push({ sheet, address: "", before: ADDED_SHEET, after: { pl: "usunięty", en: "deleted" } });
  }
  addConflictNotes(notes, undone.userChanged, undone.unverifiable);

  const keep = new Set([...located.unplaced, ...undone.kept]);
  const remaining = remainingEntries(entries, keep, unreadRules);
  plan.journal = { entries: remaining, generation: generation + 1 };
  plan.notes.push(...notes.list, restoreSummary(first.at, remaining));
  return plan;
}

/** The plan when the journal holds no record: only an empty backup sheet to remove, if any. */
function nothingToRestore(wb: WorkbookSnapshot, plan: EditPlan): EditPlan {
  // An empty backup sheet (a first write interrupted before its first chunk) goes too.
  if (emptyJournalSheet(wb))
    plan.changes.push({
      sheet: JOURNAL_SHEET,
      address: "",
      before: { pl: "pusta kopia zapasowa", en: "an empty backup" },
      after: { pl: "usunięta", en: "deleted" },
    });
  plan.notes.push({
    pl: "Nie ma nic do przywrócenia: dodatek nie zmienił tego skoroszytu (albo już go przywrócono).",
    en: "Nothing to restore: the add-in has not changed this workbook (or it was already restored).",
  });
  return plan;
}

/**
 * Sheets the add-in added: deleted only while still its own (a findings sheet the reviewer wrote in stays); cells
 * on them go with them. Where the snapshot does not know a sheet's A1, the adapter is told to expect the mark there.
 */
function sheetsToDelete(
  wb: WorkbookSnapshot,
  entries: JournalEntry[],
  notes: Notes,
): { doomed: Set<string>; expect: Expectation[] } {
  const kept = new Set(
    reviewSheetsToKeep(entries, wb.sheetNames, [...wb.sheets, ...(wb.reviews ?? [])]).map((n) => n.toLowerCase()),
  );
  const doomed = new Set<string>();
  const expect: Expectation[] = [];
  for (const entry of entries) {
    for (const name of entry.addedSheets) {
      const id = identityIn(entry, name);
      const current = addedSheetNow(wb, id);
      if (current === null) continue; // already gone
      if (kept.has(current.toLowerCase())) {
        notes.add(`kept:${current}`, {
          pl: `Arkusz uwag „${current}” zostaje: są w nim decyzje lub komentarze recenzenta.`,
          en: `The findings sheet "${current}" stays: it holds the reviewer's decisions or comments.`,
        });
        continue;
      }
      const mark = wb.firstCells?.[current];
      if (id.mark === undefined || (mark !== undefined && mark !== id.mark)) {
        notes.add(`not-ours:${current}`, {
          pl: `Arkusz „${current}” nie wygląda już na arkusz dodany przez dodatek (zmieniono jego komórkę A1), więc nie zostanie usunięty.`,
          en: `Sheet "${current}" no longer looks like the sheet the add-in added (its cell A1 changed), so it is not deleted.`,
        });
        continue;
      }
      if (mark === undefined) expect.push({ sheet: current, address: "A1", formula: id.mark });
      doomed.add(current);
    }
  }
  return { doomed, expect };
}

/** The records of one cell at its current place, oldest first, each mapped back to the record as the journal holds it. */
interface CellGroup {
  sheet: SheetSnapshot;
  address: string;
  records: CellBackup[];
  originals: Map<CellBackup, CellBackup>;
}

/**
 * Each record at its current place, grouped per cell, oldest first; records whose sheet or row cannot be found (or
 * whose sheet was not read) are returned as unplaced, for the journal to keep.
 */
function locateRecords(
  wb: WorkbookSnapshot,
  read: Map<string, SheetSnapshot>,
  entries: JournalEntry[],
  doomed: Set<string>,
  notes: Notes,
): { groups: CellGroup[]; unplaced: CellBackup[] } {
  const perCell = new Map<string, CellGroup>();
  const unplaced: CellBackup[] = [];
  for (const entry of entries) {
    for (const b of entry.cells) {
      const name = findSheet(wb, identityIn(entry, b.sheet));
      if (name !== null && doomed.has(name)) continue;
      const sheet = name === null ? undefined : read.get(name);
      if (!sheet) {
        unplaced.push(b);
        if (name === null)
          notes.add(`missing:${b.sheet}`, {
            pl: `Arkusza „${b.sheet}” nie ma już w skoroszycie: jego komórek nie można przywrócić (kopia zostaje).`,
            en: `Sheet "${b.sheet}" is no longer in the workbook: its cells cannot be restored (the backup keeps them).`,
          });
        else
          notes.add(`unread:${name}`, {
            pl: `Arkusz „${name}” nie został odczytany: jego komórki przywróci dopiero polecenie wydane na tym arkuszu.`,
            en: `Sheet "${name}" was not read: its cells are restored only by the command run on that sheet.`,
          });
        continue;
      }
      const address = locateCell(sheet, b);
      if (address === null) {
        unplaced.push(b);
        notes.add(`moved:${sheet.name}`, {
          pl: `Niektórych wierszy arkusza „${sheet.name}” nie da się odnaleźć (wstawiono, usunięto lub zmieniono wiersze): ich komórki zostają bez zmian, a kopia je zachowuje. Np. wiersz „${b.row?.text ?? ""}”.`,
          en: `Some rows of sheet "${sheet.name}" cannot be found again (rows inserted, deleted or relabelled): their cells are left as they are and the backup keeps them. E.g. row "${b.row?.text ?? ""}".`,
        });
        continue;
      }
      const key = `${sheet.name}\u0000${address}`;
      const group = perCell.get(key) ?? { sheet, address, records: [], originals: new Map<CellBackup, CellBackup>() };
      const moved = movedRecord(b, address);
      group.records.push(moved);
      group.originals.set(moved, b);
      perCell.set(key, group);
    }
  }
  return { groups: [...perCell.values()], unplaced };
}

/**
 * The cell's state once its records are undone newest first, or the conflict that stops it: a record whose cell the
 * user changed since ("user"), or an old record that does not say what the add-in wrote ("old"); force undoes both.
 */
function undoneState(current: SnapshotCell, records: CellBackup[], force: boolean): CellImage | "user" | "old" {
  const state: CellImage = {
    value: current.value,
    formula: current.formula,
    numberFormat: current.numberFormat,
    fill: current.fill,
  };
  for (const r of [...records].reverse()) {
    const verdict = Object.keys(r.after).length === 0 ? "old" : ours(state, r) ? "ours" : "user";
    if (verdict !== "ours" && !force) return verdict;
    Object.assign(state, r.before);
  }
  return state;
}

/** What undoing the located cells writes, shows and expects, and which records stay in the journal (conflicts). */
interface CellUndo {
  edits: SheetEdit[];
  changes: Change[];
  expect: Expectation[];
  kept: CellBackup[];
  userChanged: number;
  unverifiable: number;
}

/** Cells to put back, row by row: a cell in conflict keeps all its records and is listed as left alone. */
function undoCells(groups: CellGroup[], force: boolean): CellUndo {
  const out: CellUndo = { edits: [], changes: [], expect: [], kept: [], userChanged: 0, unverifiable: 0 };
  const edits = new Map<string, CellEdit[]>();
  const fills = new Map<string, Map<string | null, string[]>>();
  for (const { sheet, address, records, originals } of sortByPosition(groups)) {
    const { row, col } = parseA1(address);
    const current = readCell(sheet, row, col);
    const state = undoneState(current, records, force);
    if (state === "user" || state === "old") {
      out.kept.push(...records.map((r) => originals.get(r) ?? r));
      if (state === "user") out.userChanged++;
      else out.unverifiable++;
      out.changes.push({
        sheet: sheet.name,
        address,
        before: verbatim(shown(current)),
        after: state === "user" ? USER_CHANGED : UNVERIFIABLE,
      });
      continue;
    }
    const edit = editOf(address, current, state);
    if (edit) {
      edits.set(sheet.name, [...(edits.get(sheet.name) ?? []), edit]);
      out.expect.push(expectation(sheet.name, address, current));
    }
    const fillChanged = !sameFill(state.fill ?? null, current.fill);
    if (fillChanged) {
      const bySheet = fills.get(sheet.name) ?? new Map<string | null, string[]>();
      bySheet.set(state.fill ?? null, [...(bySheet.get(state.fill ?? null) ?? []), address]);
      fills.set(sheet.name, bySheet);
    }
    if (edit || fillChanged) {
      out.changes.push({
        sheet: sheet.name,
        address,
        before: verbatim(shown(current)),
        after: verbatim(shownImage(state)),
      });
    }
  }
  for (const name of new Set([...edits.keys(), ...fills.keys()])) {
    const sheetFills: FillEdit[] = [...(fills.get(name) ?? new Map<string | null, string[]>())].map(
      ([color, addresses]) => ({ color, addresses }),
    );
    out.edits.push({ sheet: name, cells: edits.get(name) ?? [], fills: sheetFills });
  }
  return out;
}

/** Notes counting the cells left alone: changed by the user since, or not checkable in an old backup. */
function addConflictNotes(notes: Notes, userChanged: number, unverifiable: number): void {
  if (userChanged > 0) {
    notes.add("user", {
      pl: `Komórki zmienione przez użytkownika po zmianie dodatku zostają bez zmian (${userChanged}); kopia zapasowa je zachowuje. Zob. „${USER_CHANGED.pl}” na liście.`,
      en: `Cells the user changed after the add-in's change are left as they are (${userChanged}); the backup keeps them. See "${USER_CHANGED.en}" in the list.`,
    });
  }
  if (unverifiable > 0) {
    notes.add("old", {
      pl: `Kopia zapasowa ze starszej wersji dodatku nie mówi, co dodatek wpisał, więc nie da się sprawdzić, czy komórki zmienił później użytkownik: zostają bez zmian (${unverifiable}). Wiersz poleceń przywraca je z opcją --force.`,
      en: `A backup from an older version of the add-in does not say what the add-in wrote, so whether the user changed the cells since cannot be checked: they are left as they are (${unverifiable}). The command line restores them with --force.`,
    });
  }
}

/** The journal after restore: only the records not put back, and the rules of sheets not read; empty entries go. */
function remainingEntries(entries: JournalEntry[], keep: Set<CellBackup>, unreadRules: Set<string>): JournalEntry[] {
  return entries
    .map((e) =>
      withRules(
        { ...e, cells: e.cells.filter((c) => keep.has(c)), addedSheets: [] },
        (e.rules ?? []).filter((name) => unreadRules.has(`${e.at}\u0000${name}`)),
      ),
    )
    .filter((e) => e.cells.length > 0 || (e.rules ?? []).length > 0);
}

/** Shown before Apply: what restore will do, with the first change's time as the user's clock reads it. */
function restoreSummary(firstAt: string, remaining: JournalEntry[]): Message {
  return remaining.length === 0
    ? {
        pl: `Przywraca stan sprzed pierwszej zmiany dodatku (${shownTime(firstAt, "pl-PL")}) i usuwa kopię zapasową.`,
        en: `Puts back the state before the add-in's first change (${shownTime(firstAt, "en-GB")}) and removes the backup.`,
      }
    : {
        pl: "Przywraca to, co można przywrócić; reszta zostaje w kopii zapasowej.",
        en: "Puts back what can be put back; the backup keeps the rest.",
      };
}

/**
 * The sheets, by their current names, whose cells or rules the backup holds and that the snapshot did not read: an adapter
 * that reads the active sheet only reads these too, so that restore covers every sheet. [] when the backup is
 * unreadable (restore then refuses anyway).
 */
export function sheetsTheBackupCovers(wb: WorkbookSnapshot): string[] {
  const read = new Set(wb.sheets.map((s) => s.name));
  const names = new Set<string>();
  for (const entry of wb.journal.entries)
    for (const name of new Set([...entry.cells.map((c) => c.sheet), ...(entry.rules ?? [])])) {
      const now = findSheet(wb, identityIn(entry, name));
      if (now !== null && !read.has(now) && now !== JOURNAL_SHEET) names.add(now);
    }
  return [...names];
}

/**
 * The add-in's conditional-format rules go from every sheet a colouring put them on: they are the add-in's by their
 * marker (rules.ts), so the user's own rules, and rules the user rewrote, stay. A sheet that was not read keeps its
 * record (restore run on that sheet removes them); the keys of those records ("at\0sheet") are returned.
 */
function removeOwnRules(
  wb: WorkbookSnapshot,
  read: Map<string, SheetSnapshot>,
  entries: JournalEntry[],
  plan: EditPlan,
  doomed: Set<string>,
): Set<string> {
  const unread = new Set<string>();
  const done = new Set<string>();
  for (const entry of entries) {
    for (const name of entry.rules ?? []) {
      const current = findSheet(wb, identityIn(entry, name));
      if (current === null || doomed.has(current) || done.has(current)) continue;
      const sheet = read.get(current);
      if (!sheet) {
        unread.add(`${entry.at}\u0000${name}`);
        continue;
      }
      done.add(current);
      const count = sheet.ownRules?.length ?? 0;
      if (count === 0) continue;
      const edit = plan.edits.find((e) => e.sheet === current);
      if (edit) edit.rules = [];
      else plan.edits.push({ sheet: current, cells: [], fills: [], rules: [] });
      plan.changes.push({
        sheet: current,
        address: "",
        before: {
          pl: `kolory na żywo: reguły formatowania warunkowego dodatku (${count})`,
          en: `live colours: the add-in's conditional-format rules (${count})`,
        },
        after: { pl: "usunięte", en: "deleted" },
      });
    }
  }
  return unread;
}

/** An entry with its list of sheets with rules (left out when empty). */
function withRules(entry: JournalEntry, rules: string[]): JournalEntry {
  const { rules: _old, ...rest } = entry;
  return rules.length > 0 ? { ...rest, rules } : rest;
}

/**
 * Where a sheet the add-in added is now: by its id or name while its mark (A1) still reads as written, else the one
 * sheet whose A1 carries the mark (renamed); where marks are not known, by id or name (the adapter checks the mark).
 */
function addedSheetNow(wb: WorkbookSnapshot, id: SheetIdentity): string | null {
  const byId = findSheet(wb, id);
  const marks = wb.firstCells;
  if (!marks || id.mark === undefined || (byId !== null && marks[byId] === id.mark)) return byId;
  const marked = wb.sheetNames.filter((n) => marks[n] === id.mark);
  const [only, ...others] = marked;
  return only !== undefined && others.length === 0 ? only : byId;
}

/**
 * A record moved with its row to `address`: Excel moved the references of a formula in that row by as many rows
 * (the add-in's formulas refer to rows of the same table, which move together).
 */
function movedRecord(b: CellBackup, address: string): CellBackup {
  const shift = parseA1(address).row - parseA1(b.address).row;
  if (shift === 0) return b;
  const move = (image: CellImage): CellImage =>
    typeof image.formula === "string"
      ? {
          ...image,
          formula: image.formula.replace(
            /(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(])/g,
            (_m, col: string, row: string) => `${col}${Number(row) + shift}`,
          ),
        }
      : image;
  return { ...b, address, before: move(b.before), after: move(b.after) };
}

/** The identity a journal entry recorded for one of its sheet names (a bare name for an old entry). */
function identityIn(entry: JournalEntry, name: string): SheetIdentity {
  return entry.sheets.find((s) => s.name === name) ?? { name };
}

class Notes {
  private readonly seen = new Set<string>();
  readonly list: Message[] = [];
  add(key: string, note: Message): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(note);
  }
}

/**
 * Is every part the record changed still the add-in's: what it wrote, or what was there before (a write that was
 * interrupted between the parts of one cell, or never happened)? A formula's cached value is not compared (it
 * recalculates). Any part holding something else was changed by the user.
 */
function ours(state: CellImage, r: CellBackup): boolean {
  return (Object.keys(r.after) as (keyof CellImage)[]).every((part) => {
    if (part === "value" && typeof state.formula === "string") return true;
    return [r.after, r.before].some((image) => part in image && samePart(part, state, image));
  });
}

function samePart(part: keyof CellImage, state: CellImage, image: CellImage): boolean {
  if (part === "fill") return sameFill(state.fill ?? null, image.fill ?? null);
  if (part === "formula") return sameFormula(state.formula ?? null, image.formula ?? null);
  if (part === "value") return sameValue(state.value ?? null, image.value ?? null);
  return state[part] === image[part];
}

function sameFill(a: string | null, b: string | null): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

/** Excel may hand a formula back with "$" or other spacing; both are the same computation. */
function sameFormula(a: string | null, b: string | null): boolean {
  const norm = (f: string | null): string | null => (f === null ? null : f.replace(/[\s$]/g, "").toUpperCase());
  return norm(a) === norm(b);
}

function sameValue(a: RawValue, b: RawValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Object.is(a, b) || a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  if ((a === null || a === "") && (b === null || b === "")) return true;
  return a === b;
}

/** The cell write that turns the current cell into the state (value parts only; fills go as fill edits), or null. */
function editOf(address: string, current: SnapshotCell, state: CellImage): CellEdit | null {
  const formulaChanged = !sameFormula(current.formula, state.formula ?? null);
  // A formula's cached value too: a file written without calculation shows it until Excel recalculates.
  const valueChanged = "value" in state && !Object.is(current.value ?? null, state.value ?? null);
  const formatChanged = current.numberFormat !== state.numberFormat;
  if (!formulaChanged && !valueChanged && !formatChanged) return null;
  const edit: CellEdit = { address };
  if (formatChanged || formulaChanged || valueChanged) edit.numberFormat = state.numberFormat;
  if (typeof state.formula === "string") {
    edit.formula = state.formula;
    // the backed-up value is the formula's last result: the xlsx adapter keeps it as the cached value
    edit.value = state.value ?? null;
  } else if (formulaChanged || valueChanged) {
    edit.value = state.value ?? null;
  }
  return edit;
}

/** What Range.formulas reads for the cell now: the formula, else the value ("" for an empty cell). */
function expectation(sheet: string, address: string, current: SnapshotCell): Expectation {
  return { sheet, address, formula: current.formula ?? current.value ?? "" };
}

function shown(cell: SnapshotCell): string {
  return cell.formula ?? cell.text;
}

function shownImage(image: CellImage): string {
  if (typeof image.formula === "string") return image.formula;
  const text = formatValue(image.value ?? null, image.numberFormat ?? "General");
  return image.fill === undefined ? text : `${text}${image.fill ? ` (${image.fill})` : ""}`;
}

/** Row by row, left to right; each address parsed once, not at every comparison. */
function sortByPosition<T extends { address: string }>(cells: T[]): T[] {
  const pos = new Map(cells.map((c) => [c, parseA1(c.address)]));
  return cells.sort((a, b) => {
    const [p, q] = [pos.get(a)!, pos.get(b)!];
    return p.row - q.row || p.col - q.col;
  });
}

/** A backup's ISO time in the local time zone, "23.11.2026, 19:30"; the ISO text itself if it does not parse. */
function shownTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
}
