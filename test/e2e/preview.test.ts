/**
 * The preview page itself: it draws the workbook as the engine reads it, opens the user's files, hands back the
 * workbook for download, shows markup as text, and talks to no other origin.
 */
import { SAMPLES } from "../../src/preview/samples";
import { ACTION } from "../../src/core/actions";
import {
  clickPane,
  freshPreviewPerTest,
  gridTexts,
  openFile,
  openPreview,
  screenshot,
  type PreviewPage,
} from "./browser";
import { annexWithMarkup, MARKUP } from "./xss";
import { firstSeed, loadWorkbook, seedBuffer, sheetSnapshot, textsByAddress, visibleSheetNames } from "./workbooks";

const suite = freshPreviewPerTest();

const tabNames = (p: PreviewPage) =>
  p.page.$$eval('#sheet-tabs [role="tab"]', (tabs) => tabs.map((t) => t.textContent));

test("opens the 2023 annex by default and draws every cell as the engine reads it", async () => {
  const { page } = suite.preview;
  const expected = await loadWorkbook(seedBuffer("annex-2023-typed.xlsx"));
  const names = visibleSheetNames(expected);
  expect(await tabNames(suite.preview)).toEqual(names);
  expect(await gridTexts(page)).toEqual(textsByAddress(sheetSnapshot(expected, names[0]!)));
  await screenshot(page, "01-preview-default");
});

test("opens a workbook the user picks and draws it", async () => {
  const { page } = suite.preview;
  const file = firstSeed("annex-2022.xlsx", "declaration-2025.xlsx");
  await openFile(page, file, seedBuffer(file));
  const expected = await loadWorkbook(seedBuffer(file));
  const names = visibleSheetNames(expected);
  expect(await tabNames(suite.preview)).toEqual(names);
  expect(await gridTexts(page)).toEqual(textsByAddress(sheetSnapshot(expected, names[0]!)));
  if (names.length > 1) {
    await page.getByRole("tab", { name: names[1] }).click();
    expect(await gridTexts(page)).toEqual(textsByAddress(sheetSnapshot(expected, names[1]!)));
  }
  await screenshot(page, "02-preview-other-workbook");
});

test("every sample in the list opens and draws each of its sheets as the engine reads it", async () => {
  const { page } = suite.preview;
  for (const sample of SAMPLES) {
    await page.selectOption("#sample", sample.file);
    await page.waitForFunction(
      (file) =>
        document.body.dataset.state === "ready" && document.getElementById("workbook-name")?.textContent === file,
      sample.file,
    );
    const expected = await loadWorkbook(seedBuffer(sample.file));
    const names = visibleSheetNames(expected);
    expect(await tabNames(suite.preview)).toEqual(names);
    for (const name of names) {
      await page.locator("#sheet-tabs").getByRole("tab", { name, exact: true }).click();
      expect(await gridTexts(page)).toEqual(textsByAddress(sheetSnapshot(expected, name)));
    }
    await screenshot(page, `04-sample-${sample.file.replace(/\.xlsx$/, "")}`);
  }
});

test("?lang=en and ?sample= open another sample with the page and the pane in English", async () => {
  const english = await openPreview(suite.browser, { query: "?lang=en&sample=annex-2022.xlsx" });
  try {
    const { page } = english;
    await expect(page.locator("#workbook-name").textContent()).resolves.toBe("annex-2022.xlsx");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await expect(page.getByRole("button", { name: "Download the file" }).isEnabled()).resolves.toBe(true);
    await expect(
      page.locator("#pane-root").getByRole("button", { name: ACTION.validate.label.en }).isVisible(),
    ).resolves.toBe(true);
    expect(english.problems).toEqual([]);
  } finally {
    await english.page.context().close();
  }
});

test("a file that is not a workbook is refused with a message and the page keeps working", async () => {
  const { page } = suite.preview;
  await page.setInputFiles("#file-input", {
    name: "notes.xlsx",
    mimeType: "text/plain",
    buffer: Buffer.from("not a zip"),
  });
  await page.waitForSelector('body[data-state="failed"]');
  await expect(page.locator("#status").textContent()).resolves.toContain("Nie udało się otworzyć pliku");
  // Failed opening leaves a message, not a console error.
  await openFile(page, "annex-2023-typed.xlsx", seedBuffer("annex-2023-typed.xlsx"));
});

test("downloads the open workbook (unchanged: the same bytes) as a valid .xlsx with the same sheets", async () => {
  const { page } = suite.preview;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Pobierz plik" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("annex-2023-typed.xlsx");
  const bytes = Buffer.from(await (await download.createReadStream()).toArray().then(Buffer.concat));
  // Nothing was applied: the package writer hands back the very file that was opened.
  expect(bytes.equals(seedBuffer("annex-2023-typed.xlsx"))).toBe(true);
  const saved = await loadWorkbook(bytes);
  const original = await loadWorkbook(seedBuffer("annex-2023-typed.xlsx"));
  expect(visibleSheetNames(saved)).toEqual(visibleSheetNames(original));
  const name = visibleSheetNames(original)[0];
  expect(textsByAddress(sheetSnapshot(saved, name!))).toEqual(textsByAddress(sheetSnapshot(original, name!)));
});

test("a cell holding markup is shown as text and runs nothing, in the grid, the pane and the summary", async () => {
  const { page } = suite.preview;
  const { buffer, address, name } = await annexWithMarkup();
  expect(name).toContain(MARKUP);
  await openFile(page, "markup.xlsx", buffer);
  await expect(page.locator(`#grid-panel td[data-address="${address}"]`).textContent()).resolves.toBe(name);

  await clickPane(page, "Sprawdź arkusz");
  await clickPane(page, "Wstaw podsumowanie");
  await clickPane(page, "Zastosuj");
  await clickPane(page, /^Przejdź do arkusza/);
  const summaryCells = await gridTexts(page);
  expect(Object.values(summaryCells)).toContain(name);
  await screenshot(page, "03-markup-as-text");

  expect(await page.locator("img").count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});
