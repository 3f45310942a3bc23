/**
 * The backup is text only in the workbook: the adapter parses it once into the snapshot, a plan carries the journal it
 * leaves as data, and only the adapter serialises it. On the 2023 annex seed, through a saved file.
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { BackupRefusal } from "../../src/core/host";
import { parseJournal } from "../../src/core/journal";
import { JOURNAL_SHEET, type EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import { planFindings } from "../../src/core/review/sheet";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readJournalSheet } from "../../src/xlsx/journal-sheet";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { openSeed, reopen } from "./helpers";

jest.setTimeout(120_000);

const SHEET = "Załącznik 5";
const NOW = "2026-11-30T07:00:00Z";

test("the snapshot carries the journal its backup sheet's text parses to, as the plan left it, generation by generation", async () => {
  let wb = await openSeed("annex-2023-typed.xlsx");
  const first = snapshotFromWorkbook(wb);
  expect(first.journal).toEqual({ entries: [], generation: 0 });
  const recalc = planRecalculate(first, analyzeWorkbook(first), { mode: "formulas", now: NOW });
  expect(recalc.journal.generation).toBe(1);
  applyPlan(wb, recalc);
  wb = await reopen(wb);
  const second = snapshotFromWorkbook(wb);
  expect(second.journal).toEqual(parseJournal(readJournalSheet(wb)));
  expect(second.journal).toEqual(recalc.journal);

  const color = planColor(second, analyzeWorkbook(second), { now: NOW });
  expect(color.journal.generation).toBe(2);
  // The new entry is appended to the entries the snapshot carried, which the plan does not change.
  expect(color.journal.entries.slice(0, -1)).toEqual(second.journal.entries);
  applyPlan(wb, color);
  wb = await reopen(wb);
  expect(snapshotFromWorkbook(wb).journal).toEqual(color.journal);
});

describe("a damaged backup on the seed: every plan refuses with its message and the backup stays as it was", () => {
  let chunks: string[];
  let snap: WorkbookSnapshot;
  let wb: Awaited<ReturnType<typeof openSeed>>;
  beforeAll(async () => {
    wb = await openSeed("annex-2023-typed.xlsx");
    const first = snapshotFromWorkbook(wb);
    applyPlan(wb, planRecalculate(first, analyzeWorkbook(first), { mode: "formulas", now: NOW }));
    const cell = wb.getWorksheet(JOURNAL_SHEET)!.getCell("A1");
    cell.value = String(cell.value).slice(0, -10);
    chunks = readJournalSheet(wb);
    snap = snapshotFromWorkbook(wb);
  });

  const planners: [string, (wb: WorkbookSnapshot) => EditPlan][] = [
    ["recalculate", (s) => planRecalculate(s, analyzeWorkbook(s), { mode: "formulas", now: NOW })],
    ["color", (s) => planColor(s, analyzeWorkbook(s), { now: NOW })],
    ["summary", (s) => planSummary(s, analyzeWorkbook(s), { sheet: SHEET, now: NOW })],
    ["findings", (s) => planFindings(s, analyzeWorkbook(s), { sheet: SHEET, now: NOW })],
    ["restore", (s) => planRestore(s)],
  ];
  test.each(planners)("%s", (_name, plan) => {
    expect(snap.journal.entries).toEqual([]);
    expect(snap.journal.problem?.en).toMatch(/damaged/);
    const p = plan(snap);
    expect(p.refusal).toEqual(snap.journal.problem);
    expect(p.journal).toBe(snap.journal);
    expect(() => applyPlan(wb, p)).toThrow(BackupRefusal);
    expect(readJournalSheet(wb)).toEqual(chunks);
  });
});
