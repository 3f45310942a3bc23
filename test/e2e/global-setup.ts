/**
 * Build the site once and serve it for every suite (the address goes to the suites through the environment), and
 * name the folder of the run's LibreOffice (test/helpers/libreoffice.ts).
 */
import { findBrowser } from "../../scripts/lib/browser";
import { startRun } from "../helpers/libreoffice";
import { buildSite } from "./site";
import { serveStatic } from "../../scripts/lib/static-server";

export default async function globalSetup(): Promise<void> {
  // The browser suites are most of these: without a browser, say so once and run nothing (no build, no cascade of
  // errors).
  const browser = findBrowser();
  if (!browser.found) {
    console.error(`\nnpm run test:e2e needs a browser: ${browser.why}.\n`);
    process.exit(1);
  }
  startRun();
  const site = await serveStatic(buildSite());
  process.env.E2E_BASE_URL = site.url;
  (globalThis as { e2eSite?: { close(): Promise<void> } }).e2eSite = site;
}
