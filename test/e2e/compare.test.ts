/**
 * "Porównaj z poprzednią edycją" in the browser: the 2022 edition picked as a file beside the 2023 annex, read in the
 * page (no request leaves it), its differences listed in the pane; a click selects the revised cell in the grid.
 */
import { copyFileSync, readFileSync } from "fs";
import { join } from "path";
import { compareEditions } from "../../src/core/compare";
import { recognizeSheet } from "../../src/core/recognize";
import { snapshotFromFile } from "../../src/xlsx/edition-file";
import { wcagViolations } from "./a11y";
import { clickPane, freshPreviewPerTest, screenshot, XLSX_TYPE } from "./browser";
import { seedBuffer } from "./workbooks";

const suite = freshPreviewPerTest({ viewport: { width: 1680, height: 1000 } });

test("the 2022 edition as a file: every revision listed at its cell, a click selects it", async () => {
  const { page } = suite.preview;
  // the same comparison in Node, as the reference
  const [before, after] = await Promise.all(
    ["annex-2022.xlsx", "annex-2023-typed.xlsx"].map(async (f) =>
      recognizeSheet((await snapshotFromFile(seedBuffer(f))).sheets[0]!),
    ),
  );
  const expected = compareEditions(before!, after!);
  expect(expected.revisions.length).toBeGreaterThan(0);

  await page.setInputFiles("#edition-file", {
    name: "annex-2022.xlsx",
    mimeType: XLSX_TYPE,
    buffer: seedBuffer("annex-2022.xlsx"),
  });
  await clickPane(page, "Porównaj z poprzednią edycją");
  const pane = page.locator("#pane-root");
  await expect(pane.locator(".findings__group h3").allTextContents()).resolves.toEqual([
    `Zmienione liczby (${expected.revisions.length})`,
    `Dodane wskaźniki (${expected.added.length})`,
    `Zmienione nazwy i numery (${expected.renamed.length + expected.renumbered.length})`,
  ]);
  const cells = await pane.locator(".findings__group--compare .finding__cell").allTextContents();
  expect(cells.slice(0, expected.revisions.length)).toEqual(expected.revisions.map((r) => r.address));

  // the comparison's controls and results break no WCAG 2.1 A/AA rule
  expect(await wcagViolations(page, "#pane-root")).toEqual([]);

  await pane.locator("button.finding", { hasText: "W18_W, rok 2022" }).first().click();
  await page.waitForFunction(() => document.getElementById("selection")?.textContent?.endsWith("!H59"));
  // the results in view beside the selected cell
  await pane.locator(".findings h2").evaluate((el) => el.scrollIntoView({ block: "start" }));
  const shot = await screenshot(page, "70-compare-2022");
  // the README's picture, refreshed on request only
  if (process.env.E2E_UPDATE_DOCS) copyFileSync(shot, join(__dirname, "..", "..", "docs", "preview-compare.png"));
});

test("another sheet of the same workbook can be the previous edition", async () => {
  const { page } = suite.preview;
  // a workbook holding both editions: the 2023 annex first, the 2022 edition as a second sheet
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(seedBuffer("annex-2023-typed.xlsx") as unknown as ArrayBuffer);
  const old = new ExcelJS.Workbook();
  await old.xlsx.load(readFileSync(join(__dirname, "..", "..", "seeds", "annex-2022.xlsx")) as unknown as ArrayBuffer);
  const copy = wb.addWorksheet("Załącznik 2022");
  old.worksheets[0]!.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  const both = Buffer.from(await wb.xlsx.writeBuffer());
  await page.setInputFiles("#file-input", { name: "oba.xlsx", mimeType: XLSX_TYPE, buffer: both });
  await page.waitForFunction(
    () =>
      document.body.dataset.state === "ready" && document.getElementById("workbook-name")?.textContent === "oba.xlsx",
  );

  await page.selectOption("#edition-sheet", "Załącznik 2022");
  await clickPane(page, "Porównaj z poprzednią edycją");
  const status = await page.locator("#pane-root [role=status]").textContent();
  expect(status).toMatch(/^Porównano: 6 zmienionych liczb/);
});
