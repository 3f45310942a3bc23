/**
 * The preview and the pane on workbooks the action suite does not use: the 2022 annex (another year's layout) and
 * the 2025 results declaration (another table layout). Validate and colour must do what the engine does in Node.
 */
import { clickPane, freshPreviewPerTest, gridFills, gridTexts, openFile, screenshot } from "./browser";
import { Reference } from "./reference";
import { seedBuffer, shownFillsByAddress, textsByAddress } from "./workbooks";

const suite = freshPreviewPerTest({ viewport: { width: 1680, height: 1000 } });

test.each(["annex-2022.xlsx", "declaration-2025.xlsx"])("%s: validate and colour as the engine does", async (file) => {
  const { page } = suite.preview;
  const reference = await Reference.open(seedBuffer(file));
  const sheet = reference.sheetNames()[0];
  await openFile(page, file, seedBuffer(file));
  expect(await gridTexts(page)).toEqual(textsByAddress(reference.sheet(sheet!)));

  await clickPane(page, "Sprawdź arkusz");
  const findings = await reference.findings();
  await expect(page.locator("#pane-root button.finding").count()).resolves.toBe(findings.length);

  await clickPane(page, "Koloruj wg trendu");
  await clickPane(page, "Zastosuj");
  await reference.act("color");
  const fills = await gridFills(page);
  expect(Object.keys(fills).length).toBeGreaterThan(0);
  expect(fills).toEqual(shownFillsByAddress(reference.sheet(sheet!)));
  await page.locator("#pane-area").evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, `60-${file.replace(/\.xlsx$/, "")}-colored`);
});
