/**
 * Fault injection on the recording fake: Office.js has no transactions, so any request may fail after part of a
 * batch took effect (a dropped connection, cell-edit mode, a name collision). For every step k of every action
 * (each call and each sync), fail at k; afterwards the workbook is either unchanged, or the add-in's own restore
 * gives back the original exactly.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { expectEqual } from "../helpers/equal";
import { contents } from "../reliability/harness";
import { SEEDS } from "../xlsx/helpers";
import { FakeExcel, sheetFromSnapshot } from "./fakeExcel";

jest.setTimeout(300_000);

const NOW = "2026-11-23T18:30:00Z";
type Planner = (wb: WorkbookSnapshot) => EditPlan;
const PLANS: Record<string, Planner> = {
  recalculate: (wb) => planRecalculate(wb, analyzeWorkbook(wb), { mode: "formulas", now: NOW }),
  color: (wb) => planColor(wb, analyzeWorkbook(wb), { now: NOW }),
  summary: (wb) => planSummary(wb, analyzeWorkbook(wb), { sheet: wb.sheets[0]!.name, now: NOW }),
};

let seed: WorkbookSnapshot;
/** Rows of the seed annex kept: its header and first indicators, enough for every action (every k is run). */
const ROWS = 40;
beforeAll(async () => {
  const full = snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx"))));
  const s = full.sheets[0]!;
  const cut = <T>(grid: T[][]): T[][] => grid.slice(0, ROWS - s.top);
  const sheet = {
    ...s,
    values: cut(s.values),
    text: cut(s.text),
    numberFormat: cut(s.numberFormat),
    formulas: cut(s.formulas),
    bold: cut(s.bold),
    fill: cut(s.fill),
  };
  seed = {
    ...full,
    sheets: [{ ...sheet, merges: s.merges.filter((m) => Number(/\d+$/.exec(m)?.[0]) <= ROWS) }],
  };
});

/** The seed annex in the fake, with the given actions applied without faults. */
async function workbookAfter(actions: string[]): Promise<FakeExcel> {
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!)]);
  const host = new ExcelHost(excel.run);
  for (const action of actions) await host.apply(PLANS[action]!(await host.readActiveSheet()));
  return excel;
}

/** A fresh fake holding a copy of another's workbook. */
function copyOf(excel: FakeExcel): FakeExcel {
  const sheets = excel.sheets.map((s) => ({
    ...structuredClone({ ...s, cells: undefined }),
    cells: new Map([...s.cells].map(([a, c]) => [a, { ...c }])),
  }));
  return new FakeExcel(sheets as typeof excel.sheets, excel.active);
}

/** Every sheet's cells (a formula's value is Excel's to compute, so only its formula counts) and visibility. */
function state(excel: FakeExcel) {
  return excel.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    cells: [...s.cells]
      .filter(
        ([, c]) => c.value !== "" || c.formula !== null || c.fill !== null || c.numberFormat !== "General" || c.bold,
      )
      // by address (each is there once): the order the tuples' text would give, without making that text
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([a, c]) => [a, c.formula ?? c.value, c.numberFormat, c.fill, c.bold]),
  }));
}

/** The user's view: what the active sheet holds and the sheet list, without the backup sheet's own cells. */
const userView = async (excel: FakeExcel) => {
  const snap = await new ExcelHost(excel.run).readActiveSheet();
  return contents({
    ...snap,
    sheets: snap.sheets.map((s) => ({
      ...s,
      values: s.values.map((row, r) => row.map((v, c) => (s.formulas[r]![c] ? null : v))),
    })),
  });
};

/** The pane's restore: read, plan, apply. */
async function restore(excel: FakeExcel): Promise<void> {
  const host = new ExcelHost(excel.run);
  await host.apply(planRestore(await host.readActiveSheet()));
}

describe.each([
  ["recalculate", [], "recalculate"],
  ["color", ["recalculate"], "color"],
  ["summary", ["recalculate", "color"], "summary"],
  ["restore", ["recalculate", "color", "summary"], "restore"],
])("a failure at any step of %s", (_name, before, action) => {
  test("leaves the workbook unchanged, or restorable to the original exactly", async () => {
    const original = await userView(await workbookAfter([]));
    const base = await workbookAfter(before);
    const snapshot = await new ExcelHost(base.run).readActiveSheet();
    // The plan is pure: made once, applied to a fresh copy of the same workbook at every k.
    const p = action === "restore" ? planRestore(snapshot) : PLANS[action]!(snapshot);
    const probe = copyOf(base);
    await new ExcelHost(probe.run).apply(p);
    const steps = probe.steps;
    expect(steps).toBeGreaterThan(3);

    let unchanged = 0;
    let restored = 0;
    for (let k = 1; k <= steps; k++) {
      const excel = copyOf(base);
      const host = new ExcelHost(excel.run);
      const untouched = state(excel);
      excel.failAt = k;
      await expect(host.apply(p)).rejects.toThrow(/injected failure/);
      excel.failAt = null;
      if (JSON.stringify(state(excel)) === JSON.stringify(untouched)) {
        unchanged++;
        continue;
      }
      // A failed restore is resumed by the next one.
      await restore(excel);
      if (excel.sheet("MOPS_kopia_zapasowa")) await restore(excel);
      expectEqual({ k, view: await userView(excel) }, { k, view: original });
      restored++;
    }
    expect(unchanged + restored).toBe(steps);
    // Both outcomes occur: early failures change nothing, later ones leave work for restore.
    expect(unchanged).toBeGreaterThan(0);
    expect(restored).toBeGreaterThan(0);
  });
});
