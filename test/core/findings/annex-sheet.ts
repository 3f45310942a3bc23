/** The 2023 annex (typed) as a workbook, a way to change its cells, and its findings. */
import { parseA1 } from "../../../src/core/address";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { Finding } from "../../../src/core/model";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { annex2023Typed } from "../../helpers/typed-sheet";
import { noJournal } from "../../../src/core/journal";

export function workbookOf(sheet: SheetSnapshot): WorkbookSnapshot {
  return { sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() };
}

export function findingsOf(wb: WorkbookSnapshot): Finding[] {
  return analyzeWorkbook(wb).findings;
}

/** The typed annex with some cells retyped (text as a person types it; a formula keeps the text as its result). */
export function annexWith(edits: Record<string, string | { text: string; formula: string }> = {}): SheetSnapshot {
  const sheet = annex2023Typed();
  for (const [address, edit] of Object.entries(edits)) {
    const { row, col } = parseA1(address);
    const text = typeof edit === "string" ? edit : edit.text;
    sheet.values[row]![col] = text === "" ? null : text;
    sheet.text[row]![col] = text;
    if (typeof edit !== "string") sheet.formulas[row]![col] = edit.formula;
  }
  return sheet;
}

/** "error ratio_mismatch C5": what a finding is and where, for comparing lists. */
export const brief = (f: Finding): string => `${f.severity} ${f.code} ${f.address}`;
