/**
 * Nothing lost, with the engine's own plans: damaged real sheets (merges, Excel errors, formulas, odd text, far from
 * A1) are recalculated, coloured and summarised through the xlsx adapter, each plan made on the workbook as the
 * previous one left it, and restore then gives back every cell, merge and sheet. (test/xlsx/restore-property.test.ts
 * does the same with synthetic plans on synthetic cells.)
 */
import fc from "fast-check";
import { Workbook } from "exceljs";
import { toA1 } from "../../src/core/address";
import type { CellEdit } from "../../src/core/plan";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { openSeed } from "../xlsx/helpers";
import { annex2023Typed } from "../helpers/typed-sheet";
import { damagedSheet } from "./arbitraries";
import { PLANNERS, contents } from "./harness";
import { RUNS, SCALE } from "./runs";

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
      const formula = sheet.formulas[r][c];
      if (value === null && formula === null && sheet.fill[r][c] === null) return;
      cells.push({ address, ...(formula === null ? {} : { formula }), value, numberFormat: sheet.numberFormat[r][c], bold: sheet.bold[r][c] });
      if (sheet.fill[r][c] !== null) fills.push({ color: sheet.fill[r][c], addresses: [address] });
    }),
  );
  applyPlan(wb, { action: "recalculate", edits: [{ sheet: sheet.name, cells, fills }], addSheets: [], deleteSheets: [], changes: [], journal: [], notes: [] });
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
      fc.constantFrom(...seeds).chain((s) => damagedSheet(s)).map((s) => ({ ...s, protected: false })),
      fc.subarray(["recalculate", "color", "summary"], { minLength: 1 }),
      async (sheet, actions) => {
        const wb = build(sheet);
        const original = contents(snapshotFromWorkbook(wb));
        for (const action of actions) applyPlan(wb, PLANNERS[action](snapshotFromWorkbook(wb)));
        if (JSON.stringify(contents(snapshotFromWorkbook(wb))) !== JSON.stringify(original)) changed++;
        applyPlan(wb, PLANNERS.restore(snapshotFromWorkbook(wb)));
        expect(contents(snapshotFromWorkbook(wb))).toEqual(original);
      },
    ),
    { numRuns: RUNS.adapterRestores },
  );
  // most cases must have changed something, or restore had nothing to prove
  expect(changed).toBeGreaterThan(RUNS.adapterRestores / 2);
});
