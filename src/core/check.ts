/**
 * The one check made before a plan is written, so that it is applied whole or not at all: Office.js has no
 * transaction, and neither adapter should leave half a plan in a workbook. Each adapter reads the state (its own
 * way, in one read) and this decides, with the same rules and messages for the add-in and the CLI.
 */
import { parseA1, mergeHiding } from "./address";
import { BackupRefusal, HostError } from "./host";
import { JOURNAL_SHEET, editWrites, type EditPlan } from "./plan";
import { isExcelSheetName } from "./summary/sheet-name";

export interface SheetState {
  protected: boolean;
  /** Merged areas, A1 without sheet names: those of the sheets the plan writes to. */
  merges: string[];
  /** Holds no values (a sheet the add-in created but could not fill, which a plan may delete). */
  empty: boolean;
  /** The plan's expected cells as they are now, by address: the formula, else the value, as Range.formulas reads. */
  current: Record<string, unknown>;
}

/** What the adapter read: every sheet's name, and the state of the sheets the plan names. */
export interface WorkbookState {
  structureProtected: boolean;
  sheetNames: string[];
  /** A sheet that does not exist is absent. */
  sheets: Record<string, SheetState>;
}

const NOTHING = { pl: " Nic nie zostało zmienione.", en: " Nothing was changed." };

/** A refusal that says nothing was written. */
function refusal(pl: string, en: string, kind: typeof HostError = HostError): HostError {
  return new kind(pl + NOTHING.pl, en + NOTHING.en);
}

/** Excel's sheet protection refuses any write; the OOXML patcher refuses with the same words. */
export function sheetProtected(sheet: string): HostError {
  return refusal(
    `Arkusz „${sheet}” jest chroniony. Usuń ochronę arkusza (Recenzja > Nie chroń arkusza) i spróbuj ponownie.`,
    `Sheet "${sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
  );
}

/** The reason to refuse the plan (a BackupRefusal when the backup is at stake), or null when it can be written. */
export function checkPlan(plan: EditPlan, state: WorkbookState): HostError | null {
  return (
    backupRule(plan, state) ??
    editRule(plan, state) ??
    structureRule(plan, state) ??
    newSheetRule(plan, state) ??
    staleRule(plan, state)
  );
}

function backupRule(plan: EditPlan, state: WorkbookState): HostError | null {
  if (plan.refusal) return new BackupRefusal(plan.refusal.pl, plan.refusal.en);
  const journal = plan.deleteSheets.find((name) => name.toLowerCase() === JOURNAL_SHEET.toLowerCase());
  if (journal)
    return refusal(`Nie można usunąć arkusza „${journal}”.`, `Sheet "${journal}" cannot be deleted.`, BackupRefusal);
  const left = state.sheetNames.filter((name) => name !== JOURNAL_SHEET && !plan.deleteSheets.includes(name));
  if (left.length + plan.addSheets.length === 0) {
    return refusal(
      "Plan usunąłby wszystkie arkusze skoroszytu.",
      "The plan would delete every sheet of the workbook.",
      BackupRefusal,
    );
  }
  return null;
}

/** A sheet written to must exist (the backup sheet is not the plan's to edit), be unprotected, and not hide the cell. */
function editRule(plan: EditPlan, state: WorkbookState): HostError | null {
  for (const edit of plan.edits) {
    // Rules (live colours) are a write too: Excel refuses them on a protected sheet.
    if (!editWrites(edit)) continue;
    const sheet = edit.sheet === JOURNAL_SHEET ? undefined : state.sheets[edit.sheet];
    if (!sheet) return refusal(`Nie znaleziono arkusza „${edit.sheet}”.`, `Sheet "${edit.sheet}" was not found.`);
    if (sheet.protected) return sheetProtected(edit.sheet);
    const hidden = mergeHiding(sheet.merges);
    for (const cell of edit.cells) {
      const { row, col } = parseA1(cell.address);
      const area = hidden(row, col);
      if (area) {
        return refusal(
          `Komórka ${cell.address} w arkuszu „${edit.sheet}” leży wewnątrz scalonego obszaru ${area}. Rozdziel te komórki i spróbuj ponownie.`,
          `Cell ${cell.address} of sheet "${edit.sheet}" lies inside the merged area ${area}. Unmerge those cells and try again.`,
        );
      }
    }
  }
  return null;
}

/** Adding or deleting a sheet (the backup sheet included) needs an unprotected workbook structure. */
function structureRule(plan: EditPlan, state: WorkbookState): HostError | null {
  const journalExists = JOURNAL_SHEET in state.sheets;
  const changes =
    plan.addSheets.length > 0 ||
    plan.deleteSheets.some((s) => s in state.sheets) ||
    plan.journal.entries.length > 0 !== journalExists;
  return state.structureProtected && changes ? structureProtected() : null;
}

/** A protected workbook structure refuses adding or deleting a sheet; the OOXML patcher refuses with the same words. */
export function structureProtected(): HostError {
  return refusal(
    "Struktura skoroszytu jest chroniona, więc dodatek nie może dodać ani usunąć arkusza. Usuń ochronę skoroszytu (Recenzja > Chroń skoroszyt) i spróbuj ponownie.",
    "The workbook structure is protected, so the add-in cannot add or delete a sheet. Unprotect the workbook (Review > Protect Workbook) and try again.",
  );
}

/** A new sheet needs a name Excel allows that no sheet left has (Excel compares names ignoring case). */
function newSheetRule(plan: EditPlan, state: WorkbookState): HostError | null {
  const remaining = new Set(state.sheetNames.map((name) => name.toLowerCase()));
  for (const name of plan.deleteSheets) remaining.delete(name.toLowerCase());
  for (const { name } of plan.addSheets) {
    if (!isExcelSheetName(name)) {
      return refusal(
        `Nazwa arkusza „${name}” jest niedozwolona w Excelu (do 31 znaków, bez [ ] : * ? / \\).`,
        `"${name}" is not a valid Excel sheet name (up to 31 characters, none of [ ] : * ? / \\).`,
      );
    }
    if (remaining.has(name.toLowerCase())) {
      return refusal(
        `Arkusz „${name}” już istnieje i nie został utworzony przez dodatek. Zmień jego nazwę i spróbuj ponownie.`,
        `A sheet named "${name}" already exists and was not made by the add-in. Rename it and try again.`,
      );
    }
    remaining.add(name.toLowerCase());
  }
  return null;
}

/**
 * Last, since it is worth a fresh preview only once nothing else stands in the way: a plan made from cells that
 * have changed since (the user typed while the preview was open) would overwrite the new input and keep a wrong
 * backup. A missing sheet is the edit rule's business; an empty sheet the plan deletes passes (the add-in created
 * it and failed before writing anything).
 */
function staleRule(plan: EditPlan, state: WorkbookState): HostError | null {
  const changed = (plan.expect ?? []).find((e) => {
    const sheet = state.sheets[e.sheet];
    if (!sheet || (sheet.empty && plan.deleteSheets.includes(e.sheet))) return false;
    return sheet.current[e.address] !== (e.formula ?? "");
  });
  if (!changed) return null;
  return refusal(
    `Komórka ${changed.address} w arkuszu „${changed.sheet}” zmieniła się od przygotowania podglądu. Przygotuj zmiany od nowa.`,
    `Cell ${changed.address} of sheet "${changed.sheet}" changed after the preview was made. Prepare the changes afresh.`,
  );
}
