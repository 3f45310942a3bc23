/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/**
 * The English pane is English throughout: the preview's before/after texts too, over the ExcelJS host on the 2023
 * annex seed (a findings sheet previewed, a summary and a recalculation applied, a cell the user changed since, then restore).
 */
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { startPane } from "../../src/taskpane/pane";
import { XlsxHost } from "../../src/xlsx/host";
import { openSeed } from "../xlsx/helpers";

jest.setTimeout(120_000);

const SHEET = "Załącznik 5";
const NOW = () => new Date("2026-11-30T07:00:00Z");

test("the preview of the findings sheet and of restore reads in English", async () => {
  const wb = await openSeed("annex-2023-typed.xlsx");
  const host = new XlsxHost(wb);
  host.activate(SHEET);
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const pane = startPane(root, host, "en", NOW);
  await pane.idle();
  const click = async (action: string) => {
    root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
    await pane.idle();
  };
  const preview = () => root.querySelector(".preview__table tbody")?.textContent ?? "";

  await click("findings");
  expect(preview()).toMatch(/^a new sheet: \d+ findings from the sheet "Załącznik 5"$/);
  await click("cancel");
  await click("summary");
  expect(preview()).toMatch(/^a new sheet: \d+ indicators from the sheet "Załącznik 5"$/);
  await click("apply");
  await click("recalculate");
  await click("apply");

  // The user types over a figure the recalculation wrote: restore leaves it and says so.
  const entries = snapshotFromWorkbook(wb).journal.entries;
  const written = entries[entries.length - 1]!.cells[0];
  wb.getWorksheet(written!.sheet)!.getCell(written!.address).value = 12_345;
  await click("restore");
  root.querySelector<HTMLButtonElement>('[data-action="show-all"]')?.click();
  const text = preview();
  expect(text).toContain("changed by the user: left as is");
  expect(text).toContain("a sheet the add-in added");
  expect(text).toContain("deleted");
  expect(text).not.toMatch(/zmienione|arkusz|usunięty|bez zmian|uwag/);
});
