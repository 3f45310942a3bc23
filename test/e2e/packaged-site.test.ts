/**
 * The production site, as IT would get it: build into a temporary folder with a non-local address, package it,
 * unpack the archive, serve the unpacked folder with a plain static server and open the task pane in headless
 * Chromium. No page error, no CSP violation, and no request to any host but that server and Office's CDN.
 * It builds its own production site (the minified one that ships, about 15 s of CPU): that is why it runs in
 * `npm run test:e2e`, after `npm test`, and not in `npm test`'s fast loop.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import { CONTENT_SECURITY_POLICY, OFFICE_CDN, policyProblems } from "../../scripts/lib/csp";
import { archiveName, extractArchive } from "../../scripts/lib/site-archive";
import { serveStatic, type RunningServer } from "../../scripts/lib/static-server";
import { validateManifest } from "../../scripts/lib/validate-manifest";
import { BROWSER, describeWith } from "../helpers/needs";

const root = join(__dirname, "..", "..");
const ADDRESS = "https://wskazniki.example.org/mops/";
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const work = mkdtempSync(join(tmpdir(), "mops-site-"));
const built = join(work, "built");
const site = join(work, "unpacked", archiveName(version));

jest.setTimeout(300_000);

const tsx = (script: string, args: string[]): string =>
  execFileSync(process.execPath, [require.resolve("tsx/cli"), join(root, script), ...args], {
    cwd: root,
    encoding: "utf8",
  });

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--config",
      join(root, "webpack.config.js"),
      "--output-path",
      built,
    ],
    // Types are tsc's job (npm test, npm run build): webpack only transpiles them (the same output, 12 s less CPU).
    { cwd: root, env: { ...process.env, MOPS_ADDIN_URL: ADDRESS, MOPS_TYPES_CHECKED: "1" }, stdio: "pipe" },
  );
  tsx("scripts/package.ts", ["--dist", built, "--out", work]);
  mkdirSync(join(work, "unpacked"));
  await extractArchive(readFileSync(join(work, `${archiveName(version)}.zip`)), join(work, "unpacked"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packaged site", () => {
  it("holds the pages, hashed scripts, icons and the production manifest, and no preview", () => {
    const files = readdirSync(site);
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "assets"]));
    expect(files.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^commands\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(files).not.toContain("preview.html");
    expect(readdirSync(join(site, "assets"))).toEqual(
      expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-80.png", "help.html"]),
    );
  });

  it("keeps ExcelJS out of the task pane's script: a hashed chunk fetched only to read a previous edition's file", () => {
    const scripts = readdirSync(site).filter((f) => f.endsWith(".js"));
    const holdsExcelJs = (f: string) => readFileSync(join(site, f), "utf8").includes("xl/workbook.xml");
    const pane = scripts.filter((f) => /^taskpane\./.test(f));
    expect(pane.map(holdsExcelJs)).toEqual([false]);
    expect(scripts.filter(holdsExcelJs).every((f) => /^\d+\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(scripts.filter(holdsExcelJs)).toHaveLength(1);
  });

  it("has a manifest that points at the production address, carries the version and validates offline", async () => {
    const manifest = readFileSync(join(site, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${ADDRESS}taskpane.html"/>`);
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain(`<Version>${version}.0</Version>`);
    expect(await validateManifest(manifest, "manifest.xml")).toEqual({ valid: true, errors: [] });
  });

  it("has pages that carry the CSP first and break none of it", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = readFileSync(join(site, page), "utf8");
      expect([page, policyProblems(html, { office: true })]).toEqual([page, []]);
      const firstScript = html.search(/<script\b/i);
      const csp = html.indexOf(`content="${CONTENT_SECURITY_POLICY}"`);
      expect(csp).toBeGreaterThan(0);
      expect(csp).toBeLessThan(firstScript);
    }
  });

  it("passes npm run validate given the unpacked manifest", () => {
    const manifest = join(site, "manifest.xml");
    expect(tsx("scripts/validate-manifest.ts", [manifest])).toMatch(/valid/);
  });
});

describeWith(BROWSER, "the task pane served by a plain static server", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(["taskpane.html", "commands.html"])(
    "loads %s with no error and no request to a foreign host",
    async (pageName) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      const failedResponses: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      page.on("response", (answer) => {
        if (answer.status() >= 400) failedResponses.push(`${answer.status()} ${answer.url()}`);
      });
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("request", (request) => requests.push(request.url()));
      // These machines have no internet: Office's CDN is answered "unreachable" at once instead of after a DNS timeout.
      await page.route(`${OFFICE_CDN}/**`, (route) => route.abort("internetdisconnected"));

      const response = await page.goto(`${server.url}${pageName}`, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);

      const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(`${OFFICE_CDN}/`));
      expect(foreign).toEqual([]);
      expect(requests).toContain(`${OFFICE_CDN}/lib/1/hosted/office.js`);
      expect(
        requests.some((url) =>
          new RegExp(`${server.url}${pageName.replace(".html", "")}\\.[0-9a-f]{8}\\.js$`).test(url),
        ),
      ).toBe(true);
      expect(pageErrors).toEqual([]);
      expect(failedResponses).toEqual([]);
      // Without an icon of its own the browser asks for /favicon.ico, a 404 in the console (after the page has loaded).
      const icon = await page.$eval('link[rel="icon"]', (link) => (link as HTMLLinkElement).href);
      expect((await page.request.get(icon)).status()).toBe(200);
      // The only console error allowed is office.js failing to load offline; a CSP violation would show up here.
      expect(consoleErrors.filter((text) => !/net::ERR_INTERNET_DISCONNECTED/.test(text))).toEqual([]);

      if (pageName === "taskpane.html") {
        mkdirSync(join(root, "test-output"), { recursive: true });
        await page.screenshot({ path: join(root, "test-output", "taskpane-static.png"), fullPage: true });
        // The bundle ran: outside Office it replaces the loading text with its own message.
        expect(await page.locator("body").innerText()).not.toMatch(/Ładowanie dodatku/);
      }
      await page.close();
    },
  );
});
