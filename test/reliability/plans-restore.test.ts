/**
 * Nothing lost, with the engine's own plans: damaged real sheets (merges, Excel errors, formulas, odd text, far from
 * A1) are recalculated, coloured and summarised through the xlsx adapter, each plan made on the workbook as the
 * previous one left it, and restore then gives back every cell, merge and sheet; the same through the Excel adapter
 * on its fake. (test/xlsx/restore-property.test.ts
 * does the same with synthetic plans on synthetic cells.)
 */
import fc from "fast-check";
import { Workbook } from "exceljs";
import { parseRange, toA1 } from "../../src/core/address";
import type { CellEdit } from "../../src/core/plan";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { openSeed } from "../xlsx/helpers";
import { annex2023Typed } from "../helpers/typed-sheet";
import { damagedSheet } from "./arbitraries";
import { ExcelHost } from "../../src/excel/excelHost";
import { FakeExcel, sheetFromSnapshot } from "../excel/fakeExcel";
import { PLANNERS, contents, fakeContents } from "./harness";
import { RUNS, SCALE } from "./runs";
import { noJournal } from "../../src/core/journal";
import { expectEqual } from "../helpers/equal";

jest.setTimeout(120_000 * SCALE);

/** A workbook holding the snapshot's cells, written by the adapter itself, then its merges. */
function build(sheet: SheetSnapshot): Workbook {
  const wb = new Workbook();
  wb.addWorksheet(sheet.name);
  const cells: CellEdit[] = [];
  const fills: { color: string | null; addresses: string[] }[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const address = toA1(sheet.top + r, sheet.left + c);
      const formula = sheet.formulas[r]![c];
      if (value === null && formula === null && sheet.fill[r]![c] === null) return;
      cells.push({
        address,
        ...(formula === null ? {} : { formula }),
        value,
        numberFormat: sheet.numberFormat[r]![c],
        bold: sheet.bold[r]![c],
      });
      if (sheet.fill[r]![c] !== null) fills.push({ color: sheet.fill[r]![c]!, addresses: [address] });
    }),
  );
  applyPlan(wb, {
    action: "recalculate",
    edits: [{ sheet: sheet.name, cells, fills }],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: noJournal(),
    notes: [],
  });
  const ws = wb.getWorksheet(sheet.name);
  for (const m of sheet.merges) {
    try {
      ws?.mergeCells(m);
    } catch {
      // an area overlapping an earlier one: no real workbook holds it
    }
  }
  return wb;
}

test("recalculate, colour and summarise damaged real sheets through the xlsx adapter, then restore: every cell comes back", async () => {
  const seeds = [annex2023Typed(), snapshotFromWorkbook(await openSeed("annex-2023-numbers.xlsx")).sheets[0]];
  let changed = 0;
  await fc.assert(
    fc.asyncProperty(
      fc
        .constantFrom(...seeds)
        .chain((s) => damagedSheet(s!))
        .map((s) => ({ ...s, protected: false })),
      fc.subarray(["recalculate", "color", "summary"], { minLength: 1 }),
      async (sheet, actions) => {
        const wb = build(sheet);
        const original = contents(snapshotFromWorkbook(wb));
        for (const action of actions) applyPlan(wb, PLANNERS[action]!(snapshotFromWorkbook(wb)));
        if (JSON.stringify(contents(snapshotFromWorkbook(wb))) !== JSON.stringify(original)) changed++;
        applyPlan(wb, PLANNERS.restore!(snapshotFromWorkbook(wb)));
        expectEqual(contents(snapshotFromWorkbook(wb)), original);
      },
    ),
    { numRuns: RUNS.adapterRestores },
  );
  // most cases must have changed something, or restore had nothing to prove
  expect(changed).toBeGreaterThan(RUNS.adapterRestores / 2);
});

/**
 * The merges that lie within the cells holding something. The fake's used range leaves out merged areas that reach
 * past them (Excel's includes them: a merge is formatting), and the adapter finds merges through the used range.
 */
function mergesInsideContent(sheet: SheetSnapshot): string[] {
  const filled = sheet.values.flatMap((row, r) =>
    row.flatMap((v, c) =>
      v !== null || sheet.formulas[r]![c] !== null || sheet.fill[r]![c] !== null || sheet.bold[r]![c] ? [{ r, c }] : [],
    ),
  );
  const [top, bottom] = [Math.min(...filled.map((p) => p.r)), Math.max(...filled.map((p) => p.r))].map(
    (r) => r + sheet.top,
  );
  const [left, right] = [Math.min(...filled.map((p) => p.c)), Math.max(...filled.map((p) => p.c))].map(
    (c) => c + sheet.left,
  );
  return sheet.merges.filter((m) => {
    const { start, end } = parseRange(m);
    return start.row >= top! && end.row <= bottom! && start.col >= left! && end.col <= right!;
  });
}

test("the same through the Excel adapter (on its fake): every cell comes back", async () => {
  const seeds = [annex2023Typed(), snapshotFromWorkbook(await openSeed("annex-2023-numbers.xlsx")).sheets[0]];
  await fc.assert(
    fc.asyncProperty(
      // the sheet as the ExcelJS adapter reads it back, so that merges and hidden cells are as a real workbook has them
      fc
        .constantFrom(...seeds)
        .chain((s) => damagedSheet(s!))
        .map((s) => snapshotFromWorkbook(build({ ...s, protected: false, merges: mergesInsideContent(s) })).sheets[0]),
      fc.subarray(["recalculate", "color", "summary"], { minLength: 1 }),
      async (sheet, actions) => {
        const excel = new FakeExcel([sheetFromSnapshot(sheet!)]);
        const host = new ExcelHost(excel.run);
        const original = await fakeContents(excel);
        for (const action of actions) await host.apply(PLANNERS[action]!(await host.readActiveSheet()));
        excel.active = sheet!.name;
        await host.apply(PLANNERS.restore!(await host.readActiveSheet()));
        expectEqual(await fakeContents(excel), original);
        expect(excel.sheets.map((s) => s.name)).toEqual([sheet!.name]);
      },
    ),
    { numRuns: RUNS.adapterRestores },
  );
});
