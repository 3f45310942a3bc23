/** ExcelHost.readSheet: another sheet than the active one (last year's edition beside this year's), in one sync. */
import { readCell } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, fakeSheet, sheetFromSnapshot } from "./fakeExcel";

test("reads the named sheet in one sync and leaves the active sheet active", async () => {
  const annex = annex2023Typed();
  const excel = new FakeExcel([fakeSheet("Arkusz1"), sheetFromSnapshot({ ...annex, name: "2022" })], "Arkusz1");
  const wb = await new ExcelHost(excel.run).readSheet("2022");
  expect(excel.syncs).toBe(1);
  expect(excel.active).toBe("Arkusz1");
  expect(wb.sheetNames).toEqual(["Arkusz1", "2022"]);
  expect(wb.sheets.map((s) => s.name)).toEqual(["2022"]);
  expect(readCell(wb.sheets[0]!, 4, 5).text).toBe("89%");
});
