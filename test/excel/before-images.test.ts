/**
 * Issue #16, point 2, on the recording fake of Office.js: colouring writes rules and leaves a pattern, gradient or
 * tinted theme fill as it is, and a cell with a hyperlink is not recalculated (listed with its reason, left exactly
 * as it was); restore gives back the whole sheet.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import { guardPlan } from "../../src/core/guard";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../xlsx/helpers";
import { FakeExcel, fakeSheet, sheetFromSnapshot, type FakeCell } from "./fakeExcel";
import { expectEqual } from "../helpers/equal";

jest.setTimeout(60_000);

const NOW = "2026-11-23T18:30:00Z";
const SHEET = "Załącznik 5";
const colour = (wb: WorkbookSnapshot) => guardPlan(wb, planColor(wb, analyzeWorkbook(wb), { now: NOW }));
const recalculate = (wb: WorkbookSnapshot) =>
  guardPlan(wb, planRecalculate(wb, analyzeWorkbook(wb), { mode: "values", now: NOW, includeChanged: true }));

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx"))), [SHEET]);
});

/** The sheet's cells that hold anything (a fill cleared on an empty cell leaves an empty entry in the fake). */
function cellsOf(excel: FakeExcel): [string, FakeCell][] {
  const blank = (c: FakeCell) =>
    c.value === "" && c.formula === null && c.numberFormat === "General" && c.fill === null && !c.bold;
  return [...excel.sheet(SHEET)!.cells]
    .filter(([, c]) => !blank(c) || Object.keys(c).length > 6)
    .map(([a, c]): [string, FakeCell] => [a, { ...c }])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The addresses an unguarded plan would write, in its order. */
function written(plan: EditPlan): string[] {
  return plan.edits.flatMap((e) => [...e.cells.map((c) => c.address), ...e.fills.flatMap((f) => f.addresses)]);
}

async function roundTrip(
  plan: (wb: WorkbookSnapshot) => EditPlan,
  mark: (excel: FakeExcel, targets: string[]) => Record<string, RegExp>,
) {
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!)]);
  const host = new ExcelHost(excel.run);
  const targets = written(plan(await host.readActiveSheet()));
  expect(targets.length).toBeGreaterThan(5);
  const expected = mark(excel, targets);
  const original = cellsOf(excel);
  const guarded = plan(await host.readActiveSheet());
  for (const [address, reason] of Object.entries(expected)) {
    expect(written(guarded)).not.toContain(address);
    expect(guarded.changes.find((c) => c.address === address)?.after.en).toMatch(reason);
  }
  expect(guarded.notes.map((n) => n.pl).join("\n")).toMatch(/zostają bez zmian/);
  await host.apply(guarded);
  const after = new Map(cellsOf(excel));
  for (const address of Object.keys(expected)) expect(after.get(address)).toEqual(new Map(original).get(address));
  // The rest was written, and restore gives back the whole sheet exactly.
  expect(cellsOf(excel)).not.toEqual(original);
  await host.apply(planRestore(await host.readActiveSheet()));
  expectEqual(cellsOf(excel), original);
  expect(excel.sheet("MOPS_kopia_zapasowa")).toBeUndefined();
}

test("colour writes rules, not fills: pattern, gradient and tinted theme fills stay as they are, and restore gives back the sheet", async () => {
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!)]);
  const host = new ExcelHost(excel.run);
  // Yearly values the rules cover: the ratio cells recalculation would write.
  const [a, b, c] = written(recalculate(await host.readActiveSheet()));
  const cells = excel.sheet(SHEET)!.cells;
  Object.assign(cells.get(a!)!, { fill: "#FF0000", pattern: "Gray25" });
  Object.assign(cells.get(b!)!, { fill: "#4472C4", pattern: "LinearGradient" });
  Object.assign(cells.get(c!)!, { fill: "#B4C6E7", tintAndShade: 0.6 });
  const original = cellsOf(excel);
  await host.apply(colour(await host.readActiveSheet()));
  expectEqual(cellsOf(excel), original);
  expect(excel.sheet(SHEET)!.conditionalFormats.length).toBeGreaterThan(0);
  await host.apply(planRestore(await host.readActiveSheet()));
  expectEqual(cellsOf(excel), original);
  expect(excel.sheet(SHEET)!.conditionalFormats).toEqual([]);
  expect(excel.sheet("MOPS_kopia_zapasowa")).toBeUndefined();
});

test("recalculation leaves a hyperlinked cell alone, says why, and restore gives back the sheet", async () => {
  await roundTrip(recalculate, (excel, [a]) => {
    excel.sheet(SHEET)!.cells.get(a!)!.hyperlink = { address: "https://mops.krakow.pl/" };
    return { [a!]: /hyperlink/ };
  });
});

test("a text that is text only by its quote prefix comes back as text, not as a number", async () => {
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!)]);
  const host = new ExcelHost(excel.run);
  const [a] = written(recalculate(await host.readActiveSheet()));
  Object.assign(excel.sheet(SHEET)!.cells.get(a!)!, {
    value: "0,75",
    text: "0,75",
    formula: null,
    numberFormat: "General",
  });
  const original = cellsOf(excel);
  await host.apply(recalculate(await host.readActiveSheet()));
  expect(excel.sheet(SHEET)!.cells.get(a!)!.value).not.toBe("0,75");
  await host.apply(planRestore(await host.readActiveSheet()));
  expectEqual(cellsOf(excel), original);
  // Written as "'0,75": Excel keeps it as text (the fake refuses a numeric-looking text without the apostrophe).
  expect(excel.calls).toContain("set formulas");
});

test("restore run from another sheet checks and puts back every sheet the backup covers, not the active one only", async () => {
  const other = fakeSheet("Notatki");
  other.cells.set("A1", {
    value: "notatka",
    text: "notatka",
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
  });
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!), other]);
  const host = new ExcelHost(excel.run);
  const original = cellsOf(excel);
  await host.apply(colour(await host.readActiveSheet()));
  await host.apply(recalculate(await host.readActiveSheet()));
  expect(cellsOf(excel)).not.toEqual(original);
  excel.active = "Notatki";
  const plan = planRestore(await host.readActiveSheet());
  expect(plan.notes.map((n) => n.en).join("\n")).not.toMatch(/was not read/);
  await host.apply(plan);
  expectEqual(cellsOf(excel), original);
  expect(excel.sheet("MOPS_kopia_zapasowa")).toBeUndefined();
});
