/**
 * Time from opening the preview page to the task pane being ready, in headless Chromium: the page loads,
 * fetches the sample annex, reads it with ExcelJS, analyzes it and shows the pane (body[data-state=ready]).
 * The preview exists only in the development build, so that is what is served (test/e2e's build, the static server;
 * E2E_SITE=<folder> reuses a build). Each run is a fresh browser context: nothing cached.
 */
import { buildSite } from "../../test/e2e/site";
import { serveStatic } from "../lib/static-server";
import { launchBrowser } from "../lib/browser";
import { median } from "./stats";

export async function paneReadyTime(runs: number): Promise<number> {
  const site = await serveStatic(buildSite());
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${site.url}preview.html`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      times.push(performance.now() - t0);
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await site.close();
  }
}
