/**
 * Issue #16: the summary's table name avoids the workbook's table names and defined names (Excel refuses a table
 * named as either, ignoring case, which would fail the summary half-way).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import { planSummary } from "../../src/core/plans/summary";
import { freeTableName } from "../../src/core/summary/sheet-name";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../xlsx/helpers";
import { FakeExcel, fakeSheet, sheetFromSnapshot } from "./fakeExcel";

const NOW = "2026-11-23T18:30:00Z";
const summary = (wb: WorkbookSnapshot) => planSummary(wb, analyzeWorkbook(wb), { sheet: wb.sheets[0]!.name, now: NOW });

test("a name is free unless a table or a defined name has it (any case); a table on a sheet being deleted frees its name", () => {
  const wb = { names: [{ name: "Tab", sheet: "Old" }, { name: "TAB_2" }] } as WorkbookSnapshot;
  expect(freeTableName("tab", wb, [])).toBe("tab_3");
  expect(freeTableName("Tab", wb, ["old"])).toBe("Tab");
  expect(freeTableName("Other", wb, [])).toBe("Other");
});

test("in Excel: a table and a defined name already holding the summary's table name are avoided, and the summary is made", async () => {
  const seed = snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx"))), [
    "Załącznik 5",
  ]);
  const notes = fakeSheet("Notatki");
  const excel = new FakeExcel([sheetFromSnapshot(seed.sheets[0]!), notes]);
  const host = new ExcelHost(excel.run);
  const wanted = summary(await host.readActiveSheet()).addSheets[0]!.table!.name;
  notes.tables.push({ range: "A1:B3", name: wanted.toUpperCase(), style: "" });
  excel.definedNames = [`${wanted}_2`];
  const plan = summary(await host.readActiveSheet());
  expect(plan.addSheets[0]!.table!.name).toBe(`${wanted}_3`);
  await host.apply(plan);
  const made = excel.sheets.find((s) => s.name === plan.addSheets[0]!.name)!;
  expect(made.tables.map((t) => t.name)).toEqual([`${wanted}_3`]);
});
