/**
 * The findings sheet through the Office.js adapter (on the fake Excel): the sheet is added with its drop-down
 * list, hidden key column and print setup; a decision typed into it is read back by "Sprawdź arkusz" within
 * the validate budget of two round trips (the active sheet, then the findings sheets).
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { parseA1 } from "../../src/core/address";
import { planFindings } from "../../src/core/review/sheet";
import { validateActiveSheet } from "../../src/commands/validate";
import { ExcelHost } from "../../src/excel/excelHost";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot } from "./fakeExcel";

test("insert the Uwagi sheet, accept a finding in it, validate again in two round trips", async () => {
  const excel = new FakeExcel([sheetFromSnapshot(annex2023Typed())]);
  const host = new ExcelHost(excel.run);
  const first = await validateActiveSheet(host);
  expect(excel.syncs).toBe(1);
  expect(first.accepted).toBe(0);

  const wb = await host.readActiveSheet();
  const plan = planFindings(wb, analyzeWorkbook(wb), { sheet: wb.sheets[0]!.name, now: "2026-11-30T02:00:00Z" });
  await host.apply(plan);
  const sheet = excel.sheet("Uwagi")!;
  expect(sheet).toBeDefined();
  expect(sheet.validations).toEqual({
    [plan.addSheets[0]!.validations![0]!.range]: "Do wyjaśnienia,Wyjaśnione,Zaakceptowane",
  });
  expect(sheet.hiddenColumns).toEqual(["M:M"]);
  expect(sheet).toMatchObject({ printTitleRows: "$5:$5", paperSize: "A4", orientation: "Landscape", frozenRows: 5 });

  // The reviewer accepts the first error: the row whose Waga is "Błąd", Decyzja in column K.
  const firstError = [...sheet.cells]
    .filter(([, c]) => c.value === "Błąd")
    .map(([a]) => parseA1(a).row)
    .sort((a, b) => a - b)[0];
  sheet.cells.set(`K${firstError! + 1}`, {
    value: "Zaakceptowane",
    text: "Zaakceptowane",
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
  });

  const syncs = excel.syncs;
  const again = await validateActiveSheet(host);
  expect(excel.syncs - syncs).toBe(2);
  expect(again.accepted).toBe(1);
  expect(again.counts).toEqual({ ...first.counts, error: first.counts.error - 1 });
});
