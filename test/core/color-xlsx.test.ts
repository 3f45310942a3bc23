import { analyzeWorkbook } from "../../src/core/analyze";
import { STATUS_STYLES } from "../../src/core/palette";
import { planColor } from "../../src/core/plans/color";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { openSeed, reopen } from "../xlsx/helpers";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";

const SHEET = "Załącznik 5";

describe("colouring the true-number 2023 annex through the xlsx adapter", () => {
  test("after saving and reopening, the cells are as they were and the sheet carries the rules, each value with its hand-derived status", async () => {
    const wb = await openSeed("annex-2023-numbers.xlsx");
    const before = snapshotFromWorkbook(wb, [SHEET]);
    const analysis = analyzeWorkbook(before);
    const plan = planColor(before, analysis, { now: "2026-11-23T18:00:00Z" });
    applyPlan(wb, plan);
    const after = snapshotFromWorkbook(await reopen(wb), [SHEET]);

    const [b, a] = [before.sheets[0], after.sheets[0]];
    // Values, formulas, formats, text, bold, merges: all as before (the used range is the same too).
    for (const key of [
      "top",
      "left",
      "values",
      "text",
      "numberFormat",
      "formulas",
      "bold",
      "fill",
      "merges",
      "protected",
    ] as const) {
      expect({ key, value: a![key] }).toEqual({ key, value: b![key] });
    }
    const expected = new Map<string, string>();
    const byRow = new Map(ANNEX_2023_STATUSES.map((e) => [e.row, e.statuses]));
    const table = analysis.sheets[0]!.tables[0];
    for (const ind of table!.indicators) {
      for (const row of [ind, ...ind.subRows]) {
        for (const year of table!.years) {
          const cell = row.values[year];
          if (cell && cell.parsed.kind !== "not_applicable") {
            expected.set(cell.address, STATUS_STYLES[byRow.get(row.row + 1)![String(year)]!].label.pl);
          }
        }
      }
    }
    // The preview names each value's status now; the rules (which LibreOffice evaluates in
    // test/e2e/libreoffice/live-colours.test.ts) survive the file.
    expect(plan.changes.map((c) => c.address).sort()).toEqual([...expected.keys()].sort());
    for (const c of plan.changes)
      expect({ address: c.address, after: c.after.pl }).toEqual({
        address: c.address,
        after: expect.stringContaining(expected.get(c.address)!),
      });
    expect([...(a!.ownRules ?? [])].sort()).toEqual(plan.edits[0]!.rules!.map((r) => r.formula).sort());
    // The journal sheet came along, and a second colouring has nothing to do.
    expect(after.journal).toEqual(plan.journal);
    expect(planColor(after, analyzeWorkbook(after), { now: "2026-11-23T18:05:00Z" }).changes).toEqual([]);
  });
});
