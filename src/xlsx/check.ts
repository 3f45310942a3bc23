/** Everything that would make a plan fail half-way, checked before the first write. */
import type { Workbook, Worksheet } from "exceljs";
import { parseA1, parseRange, type RangePos } from "../core/address";
import { BackupRefusal, HostError } from "../core/host";
import { JOURNAL_SHEET, type EditPlan } from "../core/plan";
import { rawValue } from "./read";

/** Excel's rules for a sheet name. */
const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Throw a HostError (Polish and English) when the plan cannot be applied as a whole. */
export function checkPlan(wb: Workbook, plan: EditPlan): void {
  if (plan.refusal) throw new BackupRefusal(plan.refusal.pl, plan.refusal.en);
  for (const name of plan.deleteSheets) {
    if (name.toLowerCase() === JOURNAL_SHEET.toLowerCase()) throw new BackupRefusal(`Nie można usunąć arkusza „${name}”.`, `Sheet "${name}" cannot be deleted.`);
  }
  const left = wb.worksheets.filter((ws) => ws.name !== JOURNAL_SHEET && !plan.deleteSheets.includes(ws.name));
  if (left.length + plan.addSheets.length === 0) {
    throw new BackupRefusal("Plan usunąłby wszystkie arkusze skoroszytu. Nic nie zostało zmienione.", "The plan would delete every sheet of the workbook. Nothing was changed.");
  }
  for (const edit of plan.edits) {
    const ws = wb.getWorksheet(edit.sheet);
    if (!ws || edit.sheet === JOURNAL_SHEET) {
      throw new HostError(`Nie ma arkusza „${edit.sheet}”.`, `There is no sheet named "${edit.sheet}".`);
    }
    if (isProtected(ws) && (edit.cells.length > 0 || edit.fills.some((f) => f.addresses.length > 0) || edit.rules !== undefined)) {
      throw new HostError(
        `Arkusz „${edit.sheet}” jest chroniony. Wyłącz ochronę arkusza (Recenzja > Nie chroń arkusza) i spróbuj ponownie.`,
        `Sheet "${edit.sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
      );
    }
    const merges = ws.model.merges.map((m) => ({ text: m, pos: parseRange(m) }));
    for (const cell of edit.cells) {
      const { row, col } = parseA1(cell.address);
      const hit = merges.find((m) => inside(m.pos, row, col) && (m.pos.start.row !== row || m.pos.start.col !== col));
      if (hit) {
        throw new HostError(
          `Komórka ${edit.sheet}!${cell.address} leży wewnątrz scalonego obszaru ${hit.text}; rozdziel go, aby dodatek mógł w niej zapisać.`,
          `Cell ${edit.sheet}!${cell.address} lies inside the merged area ${hit.text}; unmerge it so the add-in can write there.`,
        );
      }
    }
  }
  const remaining = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (const name of plan.deleteSheets) remaining.delete(name.toLowerCase());
  for (const sheet of plan.addSheets) {
    if (sheet.name.length === 0 || sheet.name.length > MAX_SHEET_NAME || BAD_SHEET_CHARS.test(sheet.name)) {
      throw new HostError(
        `Nazwa arkusza „${sheet.name}” jest niedozwolona w Excelu (do 31 znaków, bez [ ] : * ? / \\).`,
        `"${sheet.name}" is not a valid Excel sheet name (up to 31 characters, none of [ ] : * ? / \\).`,
      );
    }
    if (remaining.has(sheet.name.toLowerCase())) {
      throw new HostError(
        `Arkusz „${sheet.name}” już istnieje; dodatek nie nadpisuje arkuszy użytkownika.`,
        `A sheet named "${sheet.name}" already exists; the add-in does not overwrite the user's sheets.`,
      );
    }
    remaining.add(sheet.name.toLowerCase());
  }
  // Last: a cell changed since the preview is worth a fresh preview only once nothing else stands in the way.
  for (const e of plan.expect ?? []) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const { value, formula } = rawValue(ws.getCell(e.address));
    const now = formula ?? value ?? "";
    if (now !== e.formula) {
      throw new HostError(
        `Komórka ${e.address} w arkuszu „${e.sheet}” zmieniła się od przygotowania podglądu. Przygotuj zmiany od nowa. Nic nie zostało zmienione.`,
        `Cell ${e.address} of sheet "${e.sheet}" changed after the preview was made. Prepare the changes afresh. Nothing was changed.`,
      );
    }
  }
}

export function isProtected(ws: Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(protection && protection.sheet !== false);
}

function inside(r: RangePos, row: number, col: number): boolean {
  return row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col;
}
