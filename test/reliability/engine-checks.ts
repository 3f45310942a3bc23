/**
 * What must hold of the engine on any workbook whatsoever, shared by the CI property tests and the nightly run:
 * nothing throws, every refusal or limit is said in both languages, nothing is written that the backup does not
 * keep, no user sheet is overwritten or deleted, and nothing written is a number Excel cannot hold.
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { parseJournal, serialiseJournal } from "../../src/core/journal";
import type { Analysis } from "../../src/core/model";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import { buildReport } from "../../src/core/report";
import type { WorkbookSnapshot } from "../../src/core/snapshot";

const NOW = "2026-11-23T18:00:00Z";
/** Excel's limit for one cell's text. */
export const CELL_LIMIT = 32_767;

/** Words that show a value leaked into a message unformatted. */
const LEAKS = ["undefined", "NaN", "[object Object]", "null"];

/** A message that is there, in both languages, and shows no leaked JavaScript value the sheet did not contain. */
export function checkMessage(m: { pl: string; en: string }, wb: WorkbookSnapshot, where: string): void {
  for (const lang of ["pl", "en"] as const) {
    if (typeof m[lang] !== "string" || m[lang].trim() === "") throw new Error(`${where}: empty ${lang} message`);
    for (const leak of LEAKS) {
      if (m[lang].includes(leak) && !sheetTextIncludes(wb, leak))
        throw new Error(`${where}: "${leak}" in the ${lang} message: ${m[lang]}`);
    }
  }
}

function sheetTextIncludes(wb: WorkbookSnapshot, word: string): boolean {
  const inCell = (s: WorkbookSnapshot["sheets"][number], r: number, c: number) =>
    [s.values[r]![c], s.text[r]![c], s.formulas[r]![c]].some((x) => x !== null && String(x).includes(word));
  return (
    wb.sheetNames.some((n) => n.includes(word)) ||
    wb.sheets.some((s) => s.values.some((row, r) => row.some((_, c) => inCell(s, r, c))))
  );
}

/** The invariants of one plan against the workbook it was made for. */
export function checkPlan(plan: EditPlan, wb: WorkbookSnapshot, action: EditPlan["action"]): void {
  const where = `${action} plan`;
  if (plan.action !== action) throw new Error(`${where}: action is ${plan.action}`);
  plan.notes.forEach((n) => checkMessage(n, wb, `${where} note`));

  const chunks = serialiseJournal(plan.journal);
  for (const chunk of chunks)
    if (chunk.length > CELL_LIMIT) throw new Error(`${where}: a journal chunk of ${chunk.length} characters`);
  const before = wb.journal;
  const after = parseJournal(chunks);
  if (after.problem && !before.problem)
    throw new Error(`${where}: wrote a journal that does not read back: ${after.problem.en}`);

  const protectedSheets = new Set(wb.sheets.filter((s) => s.protected).map((s) => s.name));
  // Nothing lost: every cell the plan writes has a backup in the journal it stores (restore writes none: it empties it).
  const backedUp = new Set(plan.journal.entries.flatMap((e) => e.cells.map((c) => `${c.sheet}!${c.address}`)));
  for (const edit of plan.edits) {
    // Restore is whole or nothing: on a protected sheet the adapter refuses it and the journal stays (test/reliability/bad-input).
    if (
      action !== "restore" &&
      protectedSheets.has(edit.sheet) &&
      (edit.cells.length > 0 || edit.fills.some((f) => f.addresses.length > 0))
    ) {
      throw new Error(`${where}: writes to the protected sheet ${edit.sheet}`);
    }
    const addresses = [...edit.cells.map((c) => c.address), ...edit.fills.flatMap((f) => f.addresses)];
    for (const address of addresses) {
      if (action !== "restore" && !backedUp.has(`${edit.sheet}!${address}`))
        throw new Error(`${where}: ${edit.sheet}!${address} is written without a backup`);
    }
    for (const c of edit.cells) checkWrittenValue(c.value, `${where}: ${edit.sheet}!${c.address}`);
  }
  for (const s of plan.addSheets)
    for (const c of s.cells) checkWrittenValue(c.value, `${where}: new sheet ${s.name}!${c.address}`);

  // The user's sheets are never deleted or overwritten: only sheets the journal lists as the add-in's own.
  const ours = new Set(wb.journal.entries.flatMap((e) => e.addedSheets.map((n) => n.toLowerCase())));
  for (const name of plan.deleteSheets)
    if (!ours.has(name.toLowerCase())) throw new Error(`${where}: deletes the user's sheet ${name}`);
  const remaining = new Set(wb.sheetNames.map((n) => n.toLowerCase()));
  plan.deleteSheets.forEach((n) => remaining.delete(n.toLowerCase()));
  for (const s of plan.addSheets) {
    if (remaining.has(s.name.toLowerCase())) throw new Error(`${where}: adds ${s.name}, which exists`);
    if (s.name.length === 0 || s.name.length > 31 || /[[\]:*?/\\]/.test(s.name))
      throw new Error(`${where}: invalid sheet name ${s.name}`);
  }
}

function checkWrittenValue(value: unknown, where: string): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${where}: writes ${value}`);
  if (typeof value === "string" && value.length > CELL_LIMIT)
    throw new Error(`${where}: writes ${value.length} characters`);
}

function nonFinite(x: unknown, path: string): string | null {
  if (typeof x === "number") return Number.isFinite(x) ? null : `${path} = ${x}`;
  if (typeof x !== "object" || x === null) return null;
  for (const [k, v] of Object.entries(x)) {
    const found = nonFinite(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

/** Analyze, report and plan every action on a workbook; throws with the reason when an invariant breaks. */
export function checkEngine(wb: WorkbookSnapshot): Analysis {
  const analysis = analyzeWorkbook(wb);
  for (const s of analysis.sheets) {
    if (s.tables.length === 0 && !s.message) throw new Error(`sheet ${s.sheet}: no table and no message saying why`);
    if (s.message) checkMessage(s.message, wb, `sheet ${s.sheet} message`);
    for (const t of s.tables)
      if (t.indicators.length === 0) throw new Error(`sheet ${s.sheet}: a table without indicators`);
  }
  analysis.findings.forEach((f) => checkMessage(f.message, wb, `finding ${f.code} at ${f.sheet}!${f.address}`));
  Object.values(analysis.ratioNotes).forEach((n) => checkMessage(n, wb, "ratio note"));
  // The report is plain JSON: a NaN or an infinity would silently become null in the file.
  const bad = nonFinite(buildReport("random.xlsx", analysis), "report");
  if (bad) throw new Error(`${bad} is not a finite number`);

  for (const mode of ["formulas", "values"] as const)
    checkPlan(planRecalculate(wb, analysis, { mode, now: NOW }), wb, "recalculate");
  checkPlan(planColor(wb, analysis, { now: NOW }), wb, "color");
  for (const sheet of [...wb.sheets.map((s) => s.name), "Arkusz, którego nie ma"])
    checkPlan(planSummary(wb, analysis, { sheet, now: NOW }), wb, "summary");
  checkPlan(planRestore(wb), wb, "restore");
  return analysis;
}
