/**
 * Every action of the task pane, clicked in the browser on the 2023 annex, one after another as a user would:
 * after each, the grid must show what the same engine and adapter give in Node, and the pane must say so.
 */
import { copyFileSync, mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { STATUS_STYLES } from "../../src/core/palette";
import { JOURNAL_SHEET } from "../../src/core/plan";
import {
  clickPane,
  gridFills,
  gridTexts,
  launchBrowser,
  openPreview,
  paneIdle,
  screenshot,
  type PreviewPage,
} from "./browser";
import { Reference } from "./reference";
import {
  fillsByAddress,
  loadWorkbook,
  shownFillsByAddress,
  seedBuffer,
  sheetSnapshot,
  textsByAddress,
  visibleSheetNames,
} from "./workbooks";

const SEED = "annex-2023-typed.xlsx";
const DOCS = join(__dirname, "..", "..", "docs");

/** The README's pictures are refreshed on request only (E2E_UPDATE_DOCS=1), so a test run leaves docs/ alone. */
async function readmePicture(name: string, file: string): Promise<void> {
  const shot = await screenshot(page, name);
  if (!process.env.E2E_UPDATE_DOCS) return;
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(shot, join(DOCS, file));
}

let browser: Browser;
let preview: PreviewPage;
let page: Page;
let reference: Reference;
let sheet: string;
let original: { texts: Record<string, string>; fills: Record<string, string>; sheets: string[] };

beforeAll(async () => {
  browser = await launchBrowser();
  // Wide enough for the whole annex table beside the pane (the README's pictures).
  preview = await openPreview(browser, { viewport: { width: 1680, height: 1000 } });
  page = preview.page;
  reference = await Reference.open(seedBuffer(SEED));
  sheet = reference.sheetNames()[0]!;
  const snap = reference.sheet(sheet);
  original = { texts: textsByAddress(snap), fills: fillsByAddress(snap), sheets: reference.sheetNames() };
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(preview.problems).toEqual([]);
});

const pane = () => page.locator("#pane-root");
const tabs = () => page.$$eval('#sheet-tabs [role="tab"]', (els) => els.map((t) => t.textContent ?? ""));
const showSheet = (name: string) => page.locator("#sheet-tabs").getByRole("tab", { name, exact: true }).click();

/** Click an action, look at its preview of changes, apply it: the pane's two-step way of writing. */
async function actAndApply(name: string, shot: string): Promise<void> {
  await expect(pane().getByRole("button", { name, exact: true }).isEnabled()).resolves.toBe(true);
  await clickPane(page, name);
  await expect(pane().locator("section.preview").isVisible()).resolves.toBe(true);
  await screenshot(page, `${shot}-preview`);
  await clickPane(page, "Zastosuj");
  await screenshot(page, `${shot}-applied`);
}

test("Sprawdź arkusz lists the same findings as the engine, grouped by severity", async () => {
  await clickPane(page, "Sprawdź arkusz");
  const expected = await reference.findings();
  await expect(pane().locator("button.finding").count()).resolves.toBe(expected.length);
  await expect(pane().getByRole("status").textContent()).resolves.toMatch(/^Znaleziono: /);
  await screenshot(page, "10-validated");
});

test("clicking a finding selects its cell in the grid and brings it into view", async () => {
  const findings = await reference.findings();
  const button = pane().locator("button.finding").last();
  const address = (await button.locator(".finding__cell").textContent()) ?? "";
  const target = findings.find((f) => f.address === address);
  expect(target).toBeDefined();
  await button.click();
  await paneIdle(page);
  const selected = page.locator("#grid-panel td.is-selected");
  await expect(selected.count()).resolves.toBe(1);
  await expect(page.locator("#selection").textContent()).resolves.toContain(`${target?.sheet}!${address}`);
  const [cell, panel] = await Promise.all([selected.boundingBox(), page.locator("#grid-panel").boundingBox()]);
  expect(cell && panel && cell.y >= panel.y && cell.y + cell.height <= panel.y + panel.height).toBe(true);
  await screenshot(page, "11-finding-selected");
});

test("Przelicz wskaźniki writes what the engine plans, and the grid shows it", async () => {
  const before = await gridTexts(page);
  await actAndApply("Przelicz wskaźniki", "20-recalculated");
  const plan = await reference.act("recalculate");
  expect(plan.changes.length).toBeGreaterThan(0);
  const after = await gridTexts(page);
  expect(after).toEqual(textsByAddress(reference.sheet(sheet)));
  expect(after).not.toEqual(before);
  await expect(pane().getByRole("status").textContent()).resolves.toContain("Zastosowano");
});

test("Koloruj wg trendu colours the value cells with the status colours (live rules, drawn by the grid)", async () => {
  await actAndApply("Koloruj wg trendu", "30-colored");
  await reference.act("color");
  const fills = await gridFills(page);
  // The grid draws the add-in's rules as Excel does: the status colours over the cells' own fills.
  expect(fills).toEqual(shownFillsByAddress(reference.sheet(sheet)));
  const palette = new Set(Object.values(STATUS_STYLES).map((s) => s.fill.toUpperCase()));
  const used = new Set(Object.values(fills).map((f) => f.toUpperCase()));
  expect(used.size).toBeGreaterThan(1);
  expect([...used].filter((f) => !palette.has(f))).toEqual([]);
  // The README's picture: the pane beside a coloured annex, the pane from its top.
  await page.locator("#pane-area").evaluate((el) => el.scrollTo(0, 0));
  await readmePicture("31-pane-beside-colored-annex", "preview-colored-annex.png");
});

test("Wstaw podsumowanie adds the summary sheet as a tab, drawn like any sheet", async () => {
  await actAndApply("Wstaw podsumowanie", "40-summary");
  await reference.act("summary");
  const names = reference.sheetNames();
  expect(names.length).toBe(original.sheets.length + 1);
  await expect(tabs()).resolves.toEqual(names);
  const summary = names.find((n) => !original.sheets.includes(n)) ?? "";
  // The pane offers to go to the new sheet: the host selects it, and the page shows it.
  await clickPane(page, `Przejdź do arkusza „${summary}”`);
  await expect(page.locator('#sheet-tabs [aria-selected="true"]').textContent()).resolves.toBe(summary);
  expect(await gridTexts(page)).toEqual(textsByAddress(reference.sheet(summary)));
  expect(await gridFills(page)).toEqual(fillsByAddress(reference.sheet(summary)));
  await readmePicture("41-summary-sheet", "preview-summary-sheet.png");
  await showSheet(sheet);
});

test("the downloaded workbook holds the changes and the hidden backup journal", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Pobierz plik" }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const saved = await loadWorkbook(Buffer.concat(chunks));
  expect(visibleSheetNames(saved)).toEqual(reference.sheetNames());
  expect(saved.getWorksheet(JOURNAL_SHEET)?.state).toBe("veryHidden");
  expect(fillsByAddress(sheetSnapshot(saved, sheet))).toEqual(fillsByAddress(reference.sheet(sheet)));
  expect(textsByAddress(sheetSnapshot(saved, sheet))).toEqual(textsByAddress(reference.sheet(sheet)));
});

test("Cofnij zmiany dodatku puts the workbook back as it was", async () => {
  await actAndApply("Cofnij zmiany dodatku", "50-restored");
  await expect(tabs()).resolves.toEqual(original.sheets);
  expect(await gridTexts(page)).toEqual(original.texts);
  expect(await gridFills(page)).toEqual(original.fills);
});
