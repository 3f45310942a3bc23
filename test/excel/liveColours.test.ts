/**
 * Live colours through the Excel adapter on the 2023 annex: the rules go in as custom conditional formats, read back
 * as the add-in's, a second colouring writes nothing, and restore deletes them; the user's own formats (a data bar,
 * a formula rule) are never touched.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import { planColor } from "../../src/core/plans/color";
import { planRestore } from "../../src/core/plans/restore";
import { isOwnRule } from "../../src/core/rules";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot, type FakeConditionalFormatState } from "./fakeExcel";

const NOW = "2026-11-30T05:00:00.000Z";
const USERS: FakeConditionalFormatState[] = [
  { range: "F5:H9", type: "DataBar", formula: null, fill: null, numberFormat: null },
  { range: "B5:B200", type: "Custom", formula: "=LEN($B5)>200", fill: "#FF0000", numberFormat: null },
];

test("colour, colour again, restore: the add-in's rules come and go, the user's formats stay", async () => {
  const workbook = await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")));
  const sheet = sheetFromSnapshot(snapshotFromWorkbook(workbook).sheets[0]!);
  sheet.conditionalFormats.push(...structuredClone(USERS));
  const excel = new FakeExcel([sheet]);
  const host = new ExcelHost(excel.run);

  let wb = await host.readActiveSheet();
  expect(wb.sheets[0]!.ownRules).toBeUndefined();
  const plan = planColor(wb, analyzeWorkbook(wb), { now: NOW });
  const cells = structuredClone([...sheet.cells]);
  const syncs = excel.syncs;
  const ranges = excel.count("getRanges");
  await host.apply(plan);
  // pre-check, backup (write-ahead), changes
  expect(excel.syncs - syncs).toBe(3);
  // The statuses of one range go in through one RangeAreas, not one per rule.
  const distinct = new Set(plan.edits[0]!.rules!.map((r) => r.range)).size;
  expect(distinct).toBeLessThan(plan.edits[0]!.rules!.length);
  expect(excel.count("getRanges") - ranges).toBe(distinct);
  const own = sheet.conditionalFormats.filter((f) => f.formula !== null && isOwnRule(f.formula));
  expect(own).toHaveLength(plan.edits[0]!.rules!.length);
  expect(own.map((f) => [f.range, f.type, f.formula, f.fill, f.numberFormat])).toEqual(
    plan.edits[0]!.rules!.map((r) => [r.range, "Custom", r.formula, r.fill, r.numberFormat]),
  );
  expect(sheet.conditionalFormats.slice(0, 2)).toEqual(USERS);
  // No cell changed: values, formats and fills are as they were.
  expect([...sheet.cells]).toEqual(cells);

  wb = await host.readActiveSheet();
  expect(wb.sheets[0]!.ownRules).toHaveLength(own.length);
  const again = planColor(wb, analyzeWorkbook(wb), { now: NOW });
  expect(again.edits).toEqual([]);

  await host.apply(planRestore(wb));
  expect(sheet.conditionalFormats).toEqual(USERS);
  expect((await host.readActiveSheet()).journal.entries).toEqual([]);
});

test("a rule's formula over Excel's length limit is refused by the fake, as by Excel", async () => {
  const sheet = sheetFromSnapshot(
    snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")))).sheets[0]!,
  );
  const excel = new FakeExcel([sheet]);
  const host = new ExcelHost(excel.run);
  const wb = await host.readActiveSheet();
  const plan = planColor(wb, analyzeWorkbook(wb), { now: NOW });
  const rule = plan.edits[0]!.rules![0]!;
  plan.edits[0]!.rules = [{ ...rule, formula: `=AND(${"1,".repeat(5000)}1)` }];
  await expect(host.apply(plan)).rejects.toThrow();
});
