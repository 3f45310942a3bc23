/**
 * The browser (scripts/lib/browser: CHROMIUM_PATH, Debian's Chromium, or Chrome or Edge) on the preview page, with
 * a watch on everything that must not happen: a script error, a console error, a request to any other origin.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";

/** The pages' clock, and the reference's: a summary's date reads the same on both sides of a minute's turn. */
export const E2E_NOW = "2026-11-23T18:30:00.000Z";

export { launchBrowser };
export const SHOTS = join(__dirname, "..", "..", "test-output", "e2e");
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run through jest.e2e.config.js (npm run test:e2e)");
  return url;
}

export interface PreviewOptions {
  query?: string;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  colorScheme?: "light" | "dark";
}

export interface PreviewPage {
  page: Page;
  /** What went wrong that no test asked for: script errors, console errors, foreign requests, missing files. */
  problems: string[];
}

export async function openPreview(browser: Browser, options: PreviewOptions = {}): Promise<PreviewPage> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (new URL(url).origin !== origin && !/^(blob|data):/.test(url))
      problems.push(`request to another origin: ${url}`);
  });
  page.on("response", (answer) => {
    if (answer.status() >= 400) problems.push(`HTTP ${answer.status()} for ${answer.url()}`);
  });
  await page.clock.setFixedTime(new Date(E2E_NOW));
  await page.goto(`${baseUrl()}preview.html${options.query ?? ""}`);
  await page.waitForSelector('body[data-state="ready"]');
  return { page, problems };
}

/** Open a workbook through the page's file input, as a user would, and wait until it is drawn. */
export async function openFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles("#file-input", { name, mimeType: XLSX_TYPE, buffer });
  await page.waitForFunction(
    (file) => document.body.dataset.state === "ready" && document.getElementById("workbook-name")?.textContent === file,
    name,
  );
}

/** Every drawn cell's displayed text by address, non-empty cells only. */
export function gridTexts(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#grid-panel td[data-address]", (cells) =>
    Object.fromEntries(
      cells
        .filter((td) => td.textContent !== "")
        .map((td) => [(td as HTMLElement).dataset.address ?? "", td.textContent ?? ""]),
    ),
  );
}

/** Every drawn cell's fill ("#RRGGBB") by address, filled cells only. */
export function gridFills(page: Page): Promise<Record<string, string>> {
  return page.$$eval("#grid-panel td[data-fill]", (cells) =>
    Object.fromEntries(
      cells.map((td) => [(td as HTMLElement).dataset.address ?? "", (td as HTMLElement).dataset.fill ?? ""]),
    ),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Wait until the task pane has finished what it is doing (no timing: the pane says when). */
export async function paneIdle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { mopsPreview: { idle(): Promise<void> } }).mopsPreview.idle());
}

/** Click a task-pane button by its visible name and wait for the pane. */
export async function clickPane(page: Page, name: string | RegExp): Promise<void> {
  await page
    .locator("#pane-root")
    .getByRole("button", { name, exact: typeof name === "string" })
    .click();
  await paneIdle(page);
}

/** Hold or release every host call of the preview (to look at the pane while it works). */
export async function holdHost(page: Page, hold: boolean): Promise<void> {
  await page.evaluate((h) => {
    const preview = (window as unknown as { mopsPreview: { hold(): void; release(): void } }).mopsPreview;
    if (h) preview.hold();
    else preview.release();
  }, hold);
}

/**
 * One browser for the suite and a fresh preview page for every test, which fails when the page met a problem no
 * test asked for. The returned object gives the browser and the current test's page.
 */
export function freshPreviewPerTest(options: PreviewOptions = {}): {
  readonly browser: Browser;
  readonly preview: PreviewPage;
} {
  let browser: Browser;
  let preview: PreviewPage;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // Where beforeAll failed (no browser), its error is the one to read: nothing to close or check here.
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    preview = await openPreview(browser, options);
  });
  afterEach(async () => {
    if (!preview) return;
    const { problems } = preview;
    await preview.page.context().close();
    expect(problems).toEqual([]);
  });
  return {
    get browser() {
      return browser;
    },
    get preview() {
      return preview;
    },
  };
}
