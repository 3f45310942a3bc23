import type { Workbook } from "exceljs";
import { analyzeWorkbook } from "../../src/core/analyze";
import { HostError } from "../../src/core/host";
import { appendJournal, noJournal } from "../../src/core/journal";
import { JOURNAL_SHEET, type EditPlan, type NewSheet } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { openSeed, reopen } from "./helpers";
import { expectEqual } from "../helpers/equal";
import { protectSheet } from "../helpers/protect";
import { sheetFields } from "../helpers/sheet-fields";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(60_000);

const NOW = "2026-11-23T18:00:00Z";
const SHEET = "Załącznik 5";

/** Everything restore promises to bring back, per sheet, plus the sheet list. */
function state(snap: WorkbookSnapshot) {
  return sheetFields(snap, ["name", "top", "left", "values", "formulas", "numberFormat", "fill", "text"]);
}

const snap = (wb: Workbook) => snapshotFromWorkbook(wb, [SHEET]);

/** A summary-like sheet: cells, a link back, an Excel table, a chart drawn as data bars. */
function summaryPlan(wb: WorkbookSnapshot): EditPlan {
  const sheet: NewSheet = {
    name: "Podsumowanie",
    after: SHEET,
    cells: [
      { address: "A1", value: "Dziedzina", bold: true },
      { address: "B1", value: "poprawa" },
      { address: "C1", value: "pogorszenie" },
      { address: "A2", value: "Rodzina" },
      { address: "B2", value: 7 },
      { address: "C2", value: 2 },
      { address: "A3", value: "Seniorzy" },
      { address: "B3", value: 4 },
      { address: "C3", value: 5 },
      { address: "D2", formula: "=B2/(B2+C2)", value: 7 / 9, numberFormat: "0%" },
    ],
    fills: [{ color: "#1A9850", addresses: ["B1"] }],
    links: [{ address: "E2", target: `'${SHEET}'!B5`, text: "wskaźnik 1" }],
    columnWidths: [20, 10, 10, 10, 14],
    freezeRows: 1,
    table: { name: "Podsumowanie_tab", range: "A1:C3", style: "TableStyleMedium2" },
    chart: { kind: "stacked_bar", title: "Statusy", dataRange: "A1:C3", anchor: "G1", dataBarRange: "B2:C3" },
    print: { landscape: true, fitToWidth: true },
  };
  return {
    action: "summary",
    edits: [],
    addSheets: [sheet],
    deleteSheets: [],
    changes: [],
    journal: appendJournal(wb.journal, {
      action: "summary",
      at: NOW,
      cells: [],
      addedSheets: [sheet.name],
      sheets: [{ name: sheet.name, mark: "Dziedzina" }],
    }),
    notes: [],
  };
}

type Planner = (wb: WorkbookSnapshot) => EditPlan;

/** Every action the add-in has, planned by the engine on a snapshot. */
const ACTIONS: [string, Planner][] = [
  ["recalculate (formulas)", (s) => planRecalculate(s, analyzeWorkbook(s), { mode: "formulas", now: NOW })],
  ["recalculate (values)", (s) => planRecalculate(s, analyzeWorkbook(s), { mode: "values", now: NOW })],
  ["color", (s) => planColor(s, analyzeWorkbook(s), { now: NOW })],
  ["summary", (s) => planSummary(s, analyzeWorkbook(s), { sheet: SHEET, now: NOW })],
];

describe.each(["annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"])(
  "each action alone, saved, reopened, restored: %s",
  (file) => {
    test.each(ACTIONS)("%s", async (_name, plan) => {
      const wb = await openSeed(file);
      const original = state(snap(await reopen(wb)));
      applyPlan(wb, plan(snap(wb)));
      const saved = await reopen(wb);
      expect(state(snap(saved))).not.toEqual(original);
      applyPlan(saved, planRestore(snap(saved)));
      expectEqual(state(snap(await reopen(saved))), original);
    });
  },
);

/** Recalculate (formulas), colour, then add a summary: every kind of write the add-in makes. */
async function applyAll(wb: Workbook): Promise<void> {
  const s1 = snap(wb);
  const recalc = planRecalculate(s1, analyzeWorkbook(s1), { mode: "formulas", now: NOW });
  expect(recalc.edits.flatMap((e) => e.cells).length).toBeGreaterThan(10);
  applyPlan(wb, recalc);
  const s2 = snap(wb);
  const color = planColor(s2, analyzeWorkbook(s2), { now: NOW });
  expect(color.edits.flatMap((e) => e.rules ?? []).length).toBeGreaterThan(0);
  applyPlan(wb, color);
  const s3 = snap(wb);
  applyPlan(wb, planSummary(s3, analyzeWorkbook(s3), { sheet: SHEET, now: NOW }));
}

describe.each(["annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"])("apply, then restore, on %s", (file) => {
  test("in memory: restore gives back the original values, formulas, formats, fills and sheet list", async () => {
    const wb = await openSeed(file);
    const original = state(snap(wb));
    await applyAll(wb);
    const changed = snap(wb);
    expect(state(changed)).not.toEqual(original);
    expect(changed.sheetNames).toEqual([SHEET, "Podsumowanie", JOURNAL_SHEET]);
    expect(wb.getWorksheet(JOURNAL_SHEET)?.state).toBe("veryHidden");

    applyPlan(wb, planRestore(changed));
    expectEqual(state(snap(wb)), original);
    expect(snap(wb).journal.entries).toEqual([]);
  });

  test("through a saved file: the journal survives the file and restore works after reopening", async () => {
    const wb = await openSeed(file);
    const original = state(snap(await reopen(wb)));
    await applyAll(wb);
    const saved = await reopen(wb);
    const restorePlan = planRestore(snap(saved));
    expect(restorePlan.deleteSheets).toEqual(["Podsumowanie"]);
    applyPlan(saved, restorePlan);
    const restored = await reopen(saved);
    expectEqual(state(snap(restored)), original);

    // restoring twice is harmless: nothing to do, and a note says so
    const again = planRestore(snap(restored));
    expect(again.edits).toEqual([]);
    expect(again.deleteSheets).toEqual([]);
    expect(again.notes[0]!.en).toMatch(/Nothing to restore/);
    applyPlan(restored, again);
    expectEqual(state(snap(restored)), original);
  });
});

test("a formula that a values-only recalculation replaced comes back with its cached result", async () => {
  const wb = await openSeed("annex-2023-numbers.xlsx");
  // indicator 1 (W19_W), 2021: a hand-made formula whose cached result is the typed 89 %
  const cell = wb.getWorksheet(SHEET)?.getCell("F5");
  if (!cell) throw new Error("no F5");
  cell.value = { formula: "ROUND(F6/F7,2)", result: 0.89 };
  const original = state(snap(await reopen(wb)));
  const s1 = snap(wb);
  const recalc = planRecalculate(s1, analyzeWorkbook(s1), { mode: "values", now: NOW });
  expect(recalc.edits.flatMap((e) => e.cells).map((c) => c.address)).toContain("F5");
  applyPlan(wb, recalc);
  expect(snap(wb).sheets[0]!.formulas[5 - 1 - snap(wb).sheets[0]!.top]![5]).toBeNull();
  const saved = await reopen(wb);
  applyPlan(saved, planRestore(snap(saved)));
  expectEqual(state(snap(await reopen(saved))), original);
});

describe("the summary sheet as written to a file", () => {
  test("sits after its source, with table, link formula, frozen header, data bars and print setup", async () => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    applyPlan(wb, summaryPlan(snap(wb)));
    const saved = await reopen(wb);
    const ws = saved.getWorksheet("Podsumowanie");
    if (!ws) throw new Error("no summary sheet");
    expect(saved.worksheets.map((s) => s.name)).toEqual([SHEET, "Podsumowanie", JOURNAL_SHEET]);
    expect(ws.getCell("E2").formula).toBe(`HYPERLINK("#'${SHEET}'!B5","wskaźnik 1")`);
    expect(ws.getCell("D2").result).toBeCloseTo(7 / 9);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1 });
    expect(ws.getColumn(1).width).toBe(20);
    const model = ws.model as unknown as {
      tables: { name: string; tableRef: string }[];
      conditionalFormattings: {
        ref: string;
        rules: { type: string; color: { argb: string }; cfvo: { type: string; value?: number }[] }[];
      }[];
    };
    expect(model.tables.map((t) => [t.name, t.tableRef])).toEqual([["Podsumowanie_tab", "A1:C3"]]);
    expect(model.conditionalFormattings.map((cf) => [cf.ref, cf.rules[0]!.type, cf.rules[0]!.color.argb])).toEqual([
      ["B2:B3", "dataBar", "FF1A9850"],
      ["C2:C3", "dataBar", "FF5B9BD5"],
    ]);
    // one scale for all series: 0 to the largest count in the block (7)
    expect(model.conditionalFormattings.map((cf) => cf.rules[0]!.cfvo)).toEqual([
      [
        { type: "num", value: 0 },
        { type: "num", value: 7 },
      ],
      [
        { type: "num", value: 0 },
        { type: "num", value: 7 },
      ],
    ]);
    expect(String(ws.getCell("G1").value)).toMatch(/paski danych/);
  });
});

describe("refusals: nothing is written", () => {
  const cellPlan = (address: string): EditPlan => ({
    action: "recalculate",
    edits: [
      {
        sheet: SHEET,
        cells: [
          { address: "F5", value: 0.5 },
          { address, value: 1 },
        ],
        fills: [],
      },
    ],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: appendJournal(noJournal(), { action: "recalculate", at: NOW, cells: [], addedSheets: [], sheets: [] }),
    notes: [],
  });

  async function expectRefused(wb: Workbook, plan: EditPlan, pattern: RegExp) {
    const before = await reopen(wb);
    let error: unknown;
    try {
      applyPlan(wb, plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).pl).toMatch(pattern);
    expectEqual(snapshotFromWorkbook(wb), snapshotFromWorkbook(before));
  }

  test("a protected sheet", async () => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    await protectSheet(wb.getWorksheet(SHEET), "hasło");
    await expectRefused(wb, cellPlan("G5"), /chroniony/);
  });

  test("a write inside a merged area it does not start", async () => {
    const wb = await openSeed("annex-2023-numbers.xlsx");
    expect(wb.getWorksheet(SHEET)?.model.merges).toContain("C3:C4");
    await expectRefused(wb, cellPlan("C4"), /scalonego obszaru C3:C4/);
  });

  test("a new sheet whose name a user's sheet already has", async () => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    wb.addWorksheet("Podsumowanie").getCell("A1").value = "moje notatki";
    await expectRefused(wb, summaryPlan(snap(wb)), /już istnieje/);
  });
});
