/**
 * Checks made before anything is written, so that a plan is applied whole or not at all:
 * Office.js has no transaction, and a write that fails halfway leaves half a plan in the workbook.
 */
import { HostError } from "../core/host";
import { JOURNAL_SHEET, type EditPlan, type Expectation } from "../core/plan";
import { mergedTails } from "./blocks";

export interface SheetState {
  protected: boolean;
  /** Merged areas of the used range, A1 without sheet names. */
  merges: string[];
}

/** What the pre-check read found in the workbook; a sheet that does not exist is absent from `sheets`. */
export interface WorkbookState {
  structureProtected: boolean;
  sheets: Record<string, SheetState>;
}

/** Does the plan add, delete or (through the journal) create or remove a sheet? */
function changesStructure(plan: EditPlan, state: WorkbookState): boolean {
  const journalExists = JOURNAL_SHEET in state.sheets;
  return (
    plan.addSheets.length > 0 ||
    plan.deleteSheets.some((s) => s in state.sheets) ||
    (plan.journal.length > 0) !== journalExists
  );
}

/** The reason to refuse the plan, or null when it can be written. */
export function preflight(plan: EditPlan, state: WorkbookState): HostError | null {
  for (const edit of plan.edits) {
    if (edit.cells.length === 0 && edit.fills.length === 0 && edit.rules === undefined) continue;
    const sheet = state.sheets[edit.sheet];
    if (!sheet)
      return new HostError(
        `Nie znaleziono arkusza „${edit.sheet}”. Nic nie zostało zmienione.`,
        `Sheet "${edit.sheet}" was not found. Nothing was changed.`,
      );
    if (sheet.protected)
      return new HostError(
        `Arkusz „${edit.sheet}” jest chroniony. Usuń ochronę arkusza (Recenzja > Nie chroń arkusza) i spróbuj ponownie. Nic nie zostało zmienione.`,
        `Sheet "${edit.sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
      );
    const tails = mergedTails(sheet.merges);
    const blocked = edit.cells.find((c) => tails.has(c.address));
    if (blocked)
      return new HostError(
        `Komórka ${blocked.address} w arkuszu „${edit.sheet}” leży wewnątrz scalonego obszaru. Rozdziel te komórki i spróbuj ponownie. Nic nie zostało zmienione.`,
        `Cell ${blocked.address} of sheet "${edit.sheet}" lies inside a merged area. Unmerge those cells and try again. Nothing was changed.`,
      );
  }
  if (state.structureProtected && changesStructure(plan, state))
    return new HostError(
      "Struktura skoroszytu jest chroniona, więc dodatek nie może dodać ani usunąć arkusza. Usuń ochronę skoroszytu i spróbuj ponownie. Nic nie zostało zmienione.",
      "The workbook structure is protected, so the add-in cannot add or delete a sheet. Unprotect the workbook and try again. Nothing was changed.",
    );
  const taken = plan.addSheets.find((s) => s.name in state.sheets && !plan.deleteSheets.includes(s.name));
  if (taken)
    return new HostError(
      `Arkusz „${taken.name}” już istnieje i nie został utworzony przez dodatek. Zmień jego nazwę i spróbuj ponownie. Nic nie zostało zmienione.`,
      `A sheet named "${taken.name}" already exists and was not made by the add-in. Rename it and try again. Nothing was changed.`,
    );
  return null;
}

/**
 * Refuse a plan made from a workbook that has changed since (the user typed while the preview was open): writing
 * it would overwrite the new input and keep a wrong backup. `current` holds Range.formulas of the plan's expected
 * cells as they are now, by sheet and address; a missing sheet is preflight's business. A sheet the plan deletes
 * passes its mark check also when it is empty (the add-in created it and failed before writing anything).
 */
export function staleRefusal(expect: Expectation[], current: Record<string, Record<string, unknown>>, emptySheets: Set<string>): HostError | null {
  const changed = expect.find((e) => current[e.sheet] && !emptySheets.has(e.sheet) && current[e.sheet][e.address] !== (e.formula ?? ""));
  if (!changed) return null;
  return new HostError(
    `Komórka ${changed.address} w arkuszu „${changed.sheet}” zmieniła się od przygotowania podglądu. Kliknij przycisk polecenia ponownie, aby przygotować zmiany od nowa. Nic nie zostało zmienione.`,
    `Cell ${changed.address} of sheet "${changed.sheet}" changed after the preview was made. Click the command again to prepare the changes afresh. Nothing was changed.`,
  )
}
