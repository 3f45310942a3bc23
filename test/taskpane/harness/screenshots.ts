/**
 * Render the task pane in headless Chromium against a scripted host and save a picture of each state:
 *   npx tsx test/taskpane/harness/screenshots.ts [outDir]     (default test-output/pane)
 * Bundles entry.ts with webpack (same loaders as the add-in), opens it from disk, clicks through.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import webpack from "webpack";
import { launchBrowser } from "../../../scripts/lib/browser";
import { annex2023Typed } from "../../helpers/typed-sheet";
import type { Script } from "./entry";
import { noJournal } from "../../../src/core/journal";

const root = resolve(__dirname, "../../..");
const out = resolve(process.argv[2] ?? join(root, "test-output", "pane"));

function bundle(): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: { harness: join(__dirname, "entry.ts"), office: join(__dirname, "entry-office.ts") },
    output: { path: out, filename: "[name].js", cssFilename: "[name].css", publicPath: "" },
    resolve: { extensions: [".ts", ".js"] },
    experiments: { css: true },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: join(root, "tsconfig.json"),
              transpileOnly: true,
              compilerOptions: { module: "es2020", noEmit: false, incremental: false },
            },
          },
        },
      ],
    },
  });
  return new Promise((done, fail) =>
    compiler.run((err, stats) =>
      err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString("errors-only"))) : done(),
    ),
  );
}

const axeProblems: string[] = [];

/** The whole page, or (for long lists) the task pane's window as the user sees it; and an axe check of it. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  const { violations } = await new AxeBuilder({ page }).analyze();
  for (const v of violations) axeProblems.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.help}`);
  console.log(`${name}.png  axe: ${violations.length} violation(s)`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  await bundle();
  writeFileSync(
    join(out, "index.html"),
    '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Wskaźniki MOPS</title><link rel="stylesheet" href="harness.css"><script src="harness.js"></script></head><body><main id="app" class="pane"></main></body></html>',
  );
  writeFileSync(
    join(out, "office.html"),
    '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Wskaźniki MOPS</title><link rel="stylesheet" href="office.css"><script src="office.js" defer></script></head><body><main id="app" class="pane"></main></body></html>',
  );
  const sheet = annex2023Typed();
  const snapshot = { sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() };
  const browser = await launchBrowser();
  // The width of Excel's task pane on a laptop screen.
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const start = async (script: Script) => {
    await page.goto(`file://${join(out, "index.html")}`);
    await page.evaluate((s) => window.startHarness(s), script);
  };

  await start({ snapshot, lang: "pl" });
  await shot(page, "1-idle");

  await start({ snapshot, lang: "pl", hangAfterReads: 1 });
  await page.click('[data-action="color"]');
  await shot(page, "2-working");

  await start({ snapshot, lang: "pl" });
  await page.click('[data-action="validate"]');
  await page.waitForSelector(".findings:not([hidden])");
  await shot(page, "3-results-findings", false);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await shot(page, "3b-findings-keyboard", false);

  await start({ snapshot, lang: "pl" });
  await page.click('[data-action="recalculate"]');
  await page.waitForSelector(".preview:not([hidden])");
  await shot(page, "4-results-preview");

  await start({ snapshot, lang: "pl", refuseApply: true });
  await page.click('[data-action="color"]');
  await page.click('[data-action="apply"]');
  await page.waitForSelector('[role="alert"]:not([hidden])');
  await shot(page, "5-error");

  await start({ snapshot, lang: "pl" });
  await page.click('[data-action="summary"]');
  await page.click('[data-action="apply"]');
  await page.waitForSelector('[data-action="go-to-sheet"]');
  await shot(page, "7-summary-applied", false);

  await start({ snapshot, lang: "en" });
  await page.click('[data-action="validate"]');
  await page.waitForSelector(".findings:not([hidden])");
  await shot(page, "6-english-results", false);

  // The unchanged entry (Office.onReady -> ExcelHost -> startPane) over the Office stand-in.
  await page.addInitScript((wb) => Object.assign(window, { standInWorkbook: wb }), {
    sheets: [sheet],
    displayLanguage: "pl-PL",
  });
  await page.goto(`file://${join(out, "office.html")}`);
  await page.waitForSelector(".recognition__total");
  await page.click('[data-action="color"]');
  await page.click('[data-action="apply"]');
  await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith("Zastosowano"));
  const office = await page.evaluate(() => ({
    syncs: window.standInExcel.syncs,
    getRanges: window.standInExcel.count("getRanges"),
    filled: [...window.standInExcel.sheets[0]!.cells.values()].filter((c) => c.fill !== null).length,
    rules: window.standInExcel.sheets[0]!.conditionalFormats.length,
    journal: window.standInExcel.sheets.map((s) => `${s.name}:${s.visibility}`),
  }));
  console.log(`Office stand-in: ${JSON.stringify(office)}`);
  // When the pane opens: one read and the selection handler ("why this colour"); then one read for the action,
  // pre-check, backup (write-ahead) and changes. Colouring writes rules, no fill.
  if (office.syncs !== 6 || office.rules === 0 || office.filled !== 0) {
    throw new Error(
      "the pane did not read once per action, write in three syncs (pre-check, backup, changes) and colour with rules alone",
    );
  }
  await shot(page, "8-office-stand-in-applied", false);

  // "Dlaczego ten kolor": the user selects W19_W's 2021 value (F5) in Excel.
  await page.evaluate(() => window.standInExcel.userSelects("F5"));
  await page.waitForFunction(() => document.querySelector("#why-title")?.parentElement?.textContent?.includes("F5"));
  await page.evaluate(() => document.querySelector("#why-title")?.scrollIntoView());
  await shot(page, "9-why-this-colour", false);

  await browser.close();
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  if (axeProblems.length) throw new Error(`accessibility:\n${axeProblems.join("\n")}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
