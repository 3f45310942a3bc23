/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/**
 * "Dlaczego ten kolor": selecting a yearly value in Excel shows, in the pane, the figures as shown, the trend, the
 * tolerance and the rule that decided; the pane runs over the Excel adapter on the recording fake, whose selection
 * event calls the pane as Excel's does.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ExcelHost } from "../../src/excel/excelHost";
import { startPane } from "../../src/taskpane/pane";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { FakeExcel, sheetFromSnapshot } from "../excel/fakeExcel";
import { SEEDS } from "../helpers/typed-sheet";

test("selecting a value explains its colour; a cell that is not a yearly value gets the hint", async () => {
  const source = snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")))).sheets[0];
  const excel = new FakeExcel([sheetFromSnapshot(source!)]);
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const pane = startPane(root, new ExcelHost(excel.run), "pl", () => new Date("2026-11-30T05:00:00Z"));
  await pane.idle();
  const section = () => root.querySelector<HTMLElement>('[aria-labelledby="why-title"]')!;
  expect(section().textContent).toContain("Zaznacz w arkuszu wartość wskaźnika");

  await excel.userSelects("F5");
  const text = section().textContent ?? "";
  for (const part of [
    "Wartość89%",
    "Wartość bazowa80%",
    "Tolerancja5 %",
    "utrzymanie: |89% − 80%| > 5 % wartości bazowej → ≠ odchylenie",
  ])
    expect(text).toContain(part);

  await excel.userSelects("F11:G12");
  expect(section().textContent).toContain("wzrost: 132 ≥ cel 120 → ✔ cel osiągnięty");

  await excel.userSelects("B5");
  expect(section().textContent).toContain("Zaznacz w arkuszu wartość wskaźnika");
});
