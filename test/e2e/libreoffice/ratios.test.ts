import { parseA1 } from "../../../src/core/address";
import { analyzeWorkbook } from "../../../src/core/analyze";
import { planRecalculate } from "../../../src/core/plans/recalculate";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotFromWorkbook } from "../../../src/xlsx";
import { convertWithLibreOffice } from "../../helpers/libreoffice";
import { LIBREOFFICE, describeWith } from "../../helpers/needs";
import { readSeedWorkbook } from "../../core/ratio/seed-snapshot";

/**
 * The written formulas, computed by a real spreadsheet: the plan goes into the seed through the xlsx adapter without
 * cached results, LibreOffice (headless) opens and saves the file, which computes every formula, and the results
 * are read back.
 */
describeWith(LIBREOFFICE, "recalculated formulas computed by LibreOffice", () => {
  it("gives every formula cell the recalculated value, under the number format the plan set", async () => {
    const wb = await readSeedWorkbook("annex-2023-typed.xlsx");
    const snapshot = snapshotFromWorkbook(wb);
    const plan = planRecalculate(snapshot, analyzeWorkbook(snapshot, { tolerance: 0.05 }), {
      mode: "formulas",
      now: "2026-11-23T18:00:00Z",
      includeChanged: true,
      includeSuspect: true,
    });
    const formulas = plan.edits.flatMap((e) => e.cells).filter((c) => c.formula !== undefined);
    const expected = new Map(formulas.map((c) => [c.address, c.value as number]));
    // Without a cached result LibreOffice must compute the formula itself.
    for (const c of formulas) delete c.value;
    applyPlan(wb, plan);

    const [saved] = await convertWithLibreOffice([{ name: "in.xlsx", bytes: await saveWorkbook(wb) }], "xlsx");
    const sheet = snapshotFromWorkbook(await loadWorkbook(saved!)).sheets[0];
    expect(formulas).toHaveLength(97);
    for (const c of formulas) {
      const { row, col } = parseA1(c.address);
      const [r, k] = [row - sheet!.top, col - sheet!.left];
      const computed = sheet!.values[r]![k] as number;
      expect([c.address, sheet!.formulas[r]![k], sheet!.numberFormat[r]![k]]).toEqual([
        c.address,
        c.formula,
        c.numberFormat,
      ]);
      expect([c.address, Math.abs(computed - (expected.get(c.address) ?? NaN)) <= 1e-12 * Math.abs(computed)]).toEqual([
        c.address,
        true,
      ]);
    }
  }, 180_000);
});
