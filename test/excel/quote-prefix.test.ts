/** Text typed as '=… reads back from Range.formulas as "=…" too (OfficeDev/office-js#6687): it must stay text. */
import { emptySheet } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { FakeExcel, sheetFromSnapshot } from "./fakeExcel";

test("a cell of text '=A1+1 reads as text, a real formula as a formula", async () => {
  const sheet = emptySheet("Arkusz1", 1, 2);
  sheet.values[0] = ["=A1+1", 2];
  sheet.text[0] = ["=A1+1", "2"];
  sheet.formulas[0] = [null, "=1+1"];
  const snap = await new ExcelHost(new FakeExcel([sheetFromSnapshot(sheet)]).run).readActiveSheet();
  expect(snap.sheets[0]!.formulas[0]).toEqual([null, "=1+1"]);
  expect(snap.sheets[0]!.values[0]![0]).toBe("=A1+1");
});
