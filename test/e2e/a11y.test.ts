/**
 * Accessibility of the task pane in the preview (issue 12): axe-core's WCAG 2.1 A/AA rules in every state of the
 * pane (idle, working, results, preview of changes, error, dark theme), a keyboard-only walk through the actions,
 * and reflow at a task pane's narrow width and at 200 % zoom.
 */
import type { Browser, Page } from "playwright-core";
import { wcagViolations, scrollsSideways } from "./a11y";
import {
  clickPane,
  gridFills,
  gridTexts,
  holdHost,
  launchBrowser,
  openFile,
  openPreview,
  paneIdle,
  screenshot,
  type PreviewPage,
} from "./browser";
import { colouredThenProtected } from "./protected";

let browser: Browser;
const opened: PreviewPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const problems = opened.flatMap((p) => p.problems);
  await Promise.all(opened.splice(0).map((p) => p.page.context().close()));
  expect(problems).toEqual([]);
});

async function open(options: Parameters<typeof openPreview>[1] = {}): Promise<Page> {
  const preview = await openPreview(browser, options);
  opened.push(preview);
  return preview.page;
}

const PANE = "#pane-area";

/** WCAG relative luminance of a computed "rgb(r, g, b)" colour: 0 black, 1 white. */
function relativeLuminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const pane = (page: Page) => page.locator("#pane-root");

describe("axe-core finds no WCAG 2.1 A/AA violation", () => {
  test("idle, the whole page (toolbar, tabs, grid and pane)", async () => {
    const page = await open();
    await screenshot(page, "a11y-idle");
    expect(await wcagViolations(page)).toEqual([]);
  });

  test("working", async () => {
    const page = await open();
    await holdHost(page, true);
    await pane(page).getByRole("button", { name: "Sprawdź arkusz" }).click();
    // The pane marks itself busy while the held host call waits.
    await page.waitForSelector('#pane-root [aria-busy="true"]');
    await screenshot(page, "a11y-working");
    const violations = await wcagViolations(page, PANE);
    await holdHost(page, false);
    await paneIdle(page);
    expect(violations).toEqual([]);
  });

  test("results: findings, then a preview of changes", async () => {
    const page = await open();
    await clickPane(page, "Sprawdź arkusz");
    await screenshot(page, "a11y-results");
    expect(await wcagViolations(page, PANE)).toEqual([]);
    await clickPane(page, "Koloruj wg trendu");
    await screenshot(page, "a11y-preview-of-changes");
    expect(await wcagViolations(page, PANE)).toEqual([]);
  });

  test("error: a protected sheet refuses the write and the pane says why", async () => {
    const page = await open();
    await openFile(page, "chroniony.xlsx", await colouredThenProtected());
    await clickPane(page, "Cofnij zmiany dodatku");
    await clickPane(page, "Zastosuj");
    const alert = pane(page).getByRole("alert");
    await expect(alert.isVisible()).resolves.toBe(true);
    await expect(alert.textContent()).resolves.toContain("chroniony");
    await screenshot(page, "a11y-error");
    expect(await wcagViolations(page, PANE)).toEqual([]);
  });

  test("dark theme: the pane turns dark, and stays readable", async () => {
    const page = await open({ colorScheme: "dark" });
    await clickPane(page, "Sprawdź arkusz");
    await screenshot(page, "a11y-dark");
    const background = await pane(page)
      .locator(".card")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(relativeLuminance(background)).toBeLessThan(0.2);
    expect(await wcagViolations(page, PANE)).toEqual([]);
  });
});

/** Press Tab (or Shift+Tab) until the focused element has this accessible name; fail after a full lap. */
async function tabTo(page: Page, name: string | RegExp, shift = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** After a step the keyboard user is still in the pane, not thrown back to the top of the page (WCAG 2.4.3). */
function focusInPane(page: Page): Promise<boolean> {
  return page.evaluate(() => document.getElementById("pane-root")?.contains(document.activeElement) ?? false);
}

/** The focused element shows where it is: an outline or a ring that is not "none". */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  });
}

test("keyboard only: validate, pick a finding with the arrows, recalculate, restore", async () => {
  const page = await open();
  const originalTexts = await gridTexts(page);
  const originalFills = await gridFills(page);

  await tabTo(page, "Sprawdź arkusz");
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
  await paneIdle(page);
  expect(await focusInPane(page)).toBe(true);

  await tabTo(page, /^[A-Z]+\d+/);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const address = await page.evaluate(() => document.activeElement?.querySelector(".finding__cell")?.textContent ?? "");
  expect(address).toMatch(/^[A-Z]+\d+$/);
  await page.keyboard.press("Enter");
  await paneIdle(page);
  await expect(page.locator("#selection").textContent()).resolves.toMatch(new RegExp(`!${address}$`));
  await expect(page.locator("#grid-panel td.is-selected").count()).resolves.toBe(1);
  await screenshot(page, "keyboard-finding-selected");

  await tabTo(page, "Przelicz wskaźniki", true);
  await page.keyboard.press("Enter");
  await paneIdle(page);
  await tabTo(page, "Zastosuj");
  await page.keyboard.press("Enter");
  await paneIdle(page);
  expect(await focusInPane(page)).toBe(true);
  expect(await gridTexts(page)).not.toEqual(originalTexts);

  await tabTo(page, "Cofnij zmiany dodatku", true);
  await page.keyboard.press("Enter");
  await paneIdle(page);
  await tabTo(page, "Zastosuj");
  await page.keyboard.press("Enter");
  await paneIdle(page);
  expect(await gridTexts(page)).toEqual(originalTexts);
  expect(await gridFills(page)).toEqual(originalFills);
});

describe("reflow: no horizontal scrolling", () => {
  const cases = [
    { label: "a 320 px task pane", viewport: { width: 320, height: 900 }, deviceScaleFactor: 1 },
    { label: "a 640 px window at 200 % zoom", viewport: { width: 320, height: 450 }, deviceScaleFactor: 2 },
  ];
  test.each(cases)("$label, idle and with results", async ({ label, viewport, deviceScaleFactor }) => {
    const page = await open({ viewport, deviceScaleFactor });
    const slug = label.replace(/\W+/g, "-");
    expect(await scrollsSideways(page, "html")).toBe(false);
    expect(await scrollsSideways(page, "#pane-root")).toBe(false);
    await clickPane(page, "Sprawdź arkusz");
    await clickPane(page, "Koloruj wg trendu");
    await screenshot(page, `reflow${slug}`);
    expect(await scrollsSideways(page, "html")).toBe(false);
    expect(await scrollsSideways(page, "#pane-root")).toBe(false);
  });
});
