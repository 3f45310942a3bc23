/**
 * "Przywróć": put the workbook back as it was before the add-in first touched it, from the backup journal.
 * Each cell gets its earliest backed-up state (the later backups only hold what an earlier plan wrote), every
 * sheet the add-in added is deleted, and the journal is emptied, so that restoring twice finds nothing to do.
 */
import { parseA1 } from "../address";
import { formatValue } from "../format";
import { readJournalChecked } from "../journal";
import type { CellBackup, CellEdit, Change, EditPlan, FillEdit, SheetEdit } from "../plan";
import { reviewSheetsToKeep } from "../review/keep";
import { readCell, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";

export function planRestore(wb: WorkbookSnapshot, now: string): EditPlan {
  const { entries, problem } = readJournalChecked(wb.journal);
  const plan: EditPlan = { action: "restore", edits: [], addSheets: [], deleteSheets: [], changes: [], journal: [], notes: [] };
  if (problem) {
    // Keep the damaged journal as it is: an emptied journal could never be repaired by hand.
    return { ...plan, journal: wb.journal, notes: [problem] };
  }
  if (entries.length === 0) {
    plan.notes.push({
      pl: "Nie ma nic do przywrócenia: dodatek nie zmienił tego skoroszytu (albo już go przywrócono).",
      en: "Nothing to restore: the add-in has not changed this workbook (or it was already restored).",
    });
    return plan;
  }

  const added = new Set(entries.flatMap((e) => e.addedSheets));
  const existing = new Set(wb.sheetNames);
  const kept = reviewSheetsToKeep(entries, wb.sheetNames, [...wb.sheets, ...(wb.reviews ?? [])]);
  const keep = new Set(kept.map((n) => n.toLowerCase()));
  plan.deleteSheets = [...added].filter((name) => existing.has(name) && !keep.has(name.toLowerCase()));
  for (const sheet of kept) {
    plan.notes.push({
      pl: `Arkusz uwag „${sheet}” zostaje: są w nim decyzje lub komentarze recenzenta.`,
      en: `The findings sheet "${sheet}" stays: it holds the reviewer's decisions or comments.`,
    });
  }

  const earliest = new Map<string, CellBackup>();
  for (const entry of entries) {
    for (const b of entry.cells) {
      const key = `${b.sheet}\u0000${b.address}`;
      if (!earliest.has(key)) earliest.set(key, b);
    }
  }
  const bySheet = new Map<string, CellBackup[]>();
  const missing = new Set<string>();
  for (const b of earliest.values()) {
    if (added.has(b.sheet)) continue; // goes with its sheet
    if (!existing.has(b.sheet)) {
      missing.add(b.sheet);
      continue;
    }
    const list = bySheet.get(b.sheet);
    if (list) list.push(b);
    else bySheet.set(b.sheet, [b]);
  }
  for (const [sheet, backups] of bySheet) {
    sortByPosition(backups);
    plan.edits.push(sheetEdit(sheet, backups));
    const snapshot = wb.sheets.find((s) => s.name === sheet);
    for (const b of backups) plan.changes.push(change(b, snapshot)); // not spread: thousands of cells overflow the call stack
  }
  for (const sheet of plan.deleteSheets) {
    plan.changes.push({ sheet, address: "", before: "arkusz dodany przez dodatek", after: "usunięty" });
  }
  for (const sheet of missing) {
    plan.notes.push({
      pl: `Arkusza „${sheet}” nie ma już w skoroszycie: jego komórek nie można przywrócić.`,
      en: `Sheet "${sheet}" is no longer in the workbook: its cells cannot be restored.`,
    });
  }
  const first = entries[0].at;
  plan.notes.push({
    pl: `Przywrócono stan sprzed pierwszej zmiany dodatku (${first}); kopia zapasowa zostanie usunięta (${now}).`,
    en: `Restored the state before the add-in's first change (${first}); the backup is removed (${now}).`,
  });
  return plan;
}

function sheetEdit(sheet: string, backups: CellBackup[]): SheetEdit {
  const cells: CellEdit[] = backups.map((b) =>
    b.formula === null
      ? { address: b.address, value: b.value, numberFormat: b.numberFormat }
      : // the backed-up value is the formula's last result: the adapter keeps it as the cached value
        { address: b.address, formula: b.formula, value: b.value, numberFormat: b.numberFormat },
  );
  const groups = new Map<string | null, string[]>();
  for (const b of backups) {
    const list = groups.get(b.fill);
    if (list) list.push(b.address);
    else groups.set(b.fill, [b.address]);
  }
  const fills: FillEdit[] = [...groups].map(([color, addresses]) => ({ color, addresses }));
  return { sheet, cells, fills };
}

function change(b: CellBackup, snapshot: SheetSnapshot | undefined): Change {
  const after = b.formula ?? formatValue(b.value, b.numberFormat);
  if (!snapshot) return { sheet: b.sheet, address: b.address, before: "", after };
  const { row, col } = parseA1(b.address);
  const current = readCell(snapshot, row, col);
  const before = current.formula ?? current.text;
  return { sheet: b.sheet, address: b.address, before, after };
}

/** Row by row, left to right; each address parsed once, not at every comparison. */
function sortByPosition(backups: CellBackup[]): void {
  const pos = new Map(backups.map((b) => [b, parseA1(b.address)]));
  backups.sort((a, b) => {
    const [p, q] = [pos.get(a)!, pos.get(b)!];
    return p.row - q.row || p.col - q.col;
  });
}
