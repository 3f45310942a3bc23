/**
 * The whole loop through the Excel adapter on the seed workbooks: recalculate, colour, then
 * "Cofnij zmiany dodatku" puts back exactly what was there, and doing it again changes nothing.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import { HostError } from "../../src/core/host";
import { JOURNAL_SHEET } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot } from "./fakeExcel";
import { expectEqual } from "../helpers/equal";

const NOW = "2026-11-23T18:00:00.000Z";

/** What a write can change and a restore must put back (the displayed text is Excel's to compute). */
function contents(s: SheetSnapshot) {
  return {
    top: s.top,
    left: s.left,
    values: s.values,
    formulas: s.formulas,
    numberFormat: s.numberFormat,
    fill: s.fill,
    bold: s.bold,
  };
}

test.each(["annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"])(
  "%s: recalculate + colour, then restore, gives the original back",
  async (file) => {
    const workbook = await loadWorkbook(readFileSync(join(SEEDS, file)));
    const source = snapshotFromWorkbook(workbook).sheets[0];
    const excel = new FakeExcel([sheetFromSnapshot(source!)]);
    const host = new ExcelHost(excel.run);
    const original = await host.readActiveSheet();

    let wb = original;
    for (const plan of [
      (w: typeof wb) => planRecalculate(w, analyzeWorkbook(w), { mode: "formulas", now: NOW }),
      (w: typeof wb) => planColor(w, analyzeWorkbook(w), { now: NOW }),
    ]) {
      const syncs = excel.syncs;
      const edit = plan(wb);
      expect(edit.changes.length).toBeGreaterThan(0);
      await host.apply(edit);
      // pre-check, backup (write-ahead), changes
      expect(excel.syncs - syncs).toBeLessThanOrEqual(3);
      wb = await host.readActiveSheet();
    }
    expect(contents(wb.sheets[0]!)).not.toEqual(contents(original.sheets[0]!));
    expect(excel.sheet(JOURNAL_SHEET)?.visibility).toBe("VeryHidden");
    expect(wb.journal.entries.length).toBeGreaterThan(0);

    await host.apply(planRestore(wb));
    const restored = await host.readActiveSheet();
    expect(contents(restored.sheets[0]!)).toEqual(contents(original.sheets[0]!));
    expect(restored.journal.entries).toEqual([]);
    expect(excel.sheet(JOURNAL_SHEET)).toBeUndefined();

    const again = planRestore(restored);
    expect(again.changes).toEqual([]);
    await host.apply(again);
    expect(contents((await host.readActiveSheet()).sheets[0]!)).toEqual(contents(original.sheets[0]!));
  },
);

test("a plan made before the user changed one of its cells is refused, and nothing is written", async () => {
  const workbook = await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")));
  const excel = new FakeExcel([sheetFromSnapshot(snapshotFromWorkbook(workbook).sheets[0]!)]);
  const host = new ExcelHost(excel.run);
  const wb = await host.readActiveSheet();
  // Colouring writes live rules, which follow whatever the cells hold: a recalculation's figures are what is checked.
  const plan = planRecalculate(wb, analyzeWorkbook(wb), { mode: "formulas", now: NOW });
  // The user types a new value into a cell the plan is about to write, while the preview is open.
  const target = plan.edits[0]!.cells[0]!.address;
  excel.sheet(wb.sheets[0]!.name)!.cells.get(target)!.value = "123";
  const before = await host.readActiveSheet();
  const error = await host.apply(plan).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).pl).toContain(
    `Komórka ${target} w arkuszu „${wb.sheets[0]!.name}” zmieniła się od przygotowania podglądu`,
  );
  expect(excel.calls.filter((c) => c.startsWith("set") || c === "worksheets.add")).toEqual([]);
  expectEqual(await host.readActiveSheet(), before);
});
