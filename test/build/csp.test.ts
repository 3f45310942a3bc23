/** The page policy: the build's checks refuse what the browser would block, and the browser does block it. */
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../../scripts/lib/browser";
import {
  CONTENT_SECURITY_POLICY,
  OFFICE_JS_URL,
  PREVIEW_CONTENT_SECURITY_POLICY,
  policyProblems,
  withCspMeta,
} from "../../scripts/lib/csp";
import { BROWSER, describeWith } from "../helpers/needs";

const page = (head: string, body = ""): string =>
  `<!doctype html><html><head><meta charset="utf-8" /><title>t</title>${head}</head><body>${body}</body></html>`;
const office = `<script src="${OFFICE_JS_URL}"></script>`;

describe("policyProblems", () => {
  it("accepts a page with office.js and its own deferred bundle, quoted or minified", () => {
    expect(
      policyProblems(page(`${office}<script defer src="taskpane.1234abcd.js"></script>`), { office: true }),
    ).toEqual([]);
    expect(
      policyProblems(page(`<script src=${OFFICE_JS_URL}></script><script defer src=taskpane.js></script>`), {
        office: true,
      }),
    ).toEqual([]);
  });

  it.each([
    [page(`${office}<script>alert(1)</script>`), /inline <script>/],
    [
      page(`${office}<script src="https://cdn.example.com/x.js"></script>`),
      /another site: https:\/\/cdn\.example\.com/,
    ],
    [page(`${office}<script src="//cdn.example.com/x.js"></script>`), /another site/],
    [page(office, `<button onclick="go()">x</button>`), /inline event handler/],
    [page(`${office}<style>p{}</style>`), /inline style/],
    [page(office, `<p style="color:red">x</p>`), /inline style/],
    [page(""), /office\.js must be loaded once/],
    [page(office + office), /found 2/],
  ])("refuses %s", (html, problem) => {
    expect(policyProblems(html, { office: true }).join("\n")).toMatch(problem);
  });

  it("refuses office.js on a page that runs without Office", () => {
    expect(policyProblems(page(office), { office: false })).toEqual(["office.js must not be loaded here"]);
  });
});

describe("withCspMeta", () => {
  it("puts the policy right after the charset, before any script", () => {
    const html = withCspMeta(page(office), CONTENT_SECURITY_POLICY);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(html.indexOf("charset"));
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf("<script"));
  });

  it("refuses a page without a head", () => {
    expect(() => withCspMeta("<p>x</p>", CONTENT_SECURITY_POLICY)).toThrow(/no <head>/);
  });

  it("gives the preview no Office CDN and the production pages no blob: connections", () => {
    expect(PREVIEW_CONTENT_SECURITY_POLICY).not.toContain("appsforoffice");
    expect(CONTENT_SECURITY_POLICY).not.toContain("blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  });
});

describeWith(BROWSER, "the policy in a browser", () => {
  jest.setTimeout(60_000);
  // One browser for the suite (a start costs about a second of CPU); each check gets a page of its own.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page under the policy, with the policy violations the console reports. */
  async function underPolicy(body: string, check: (tab: Page, violations: string[]) => Promise<void>): Promise<void> {
    const tab = await browser.newPage();
    try {
      const violations: string[] = [];
      tab.on("console", (m) => {
        if (/Content Security Policy/.test(m.text())) violations.push(m.text());
      });
      await tab.setContent(withCspMeta(page("", body), CONTENT_SECURITY_POLICY));
      await check(tab, violations);
    } finally {
      await tab.close();
    }
  }

  it("blocks inline script and inline style, and says so", async () => {
    const body = `<p id="p">static</p><p id="s" style="color: rgb(255, 0, 0)">styled</p>
        <script>document.getElementById("p").textContent = "inline ran";</script>`;
    await underPolicy(body, async (tab, violations) => {
      expect(await tab.textContent("#p")).toBe("static");
      expect(await tab.$eval("#s", (el) => getComputedStyle(el).color)).not.toBe("rgb(255, 0, 0)");
      expect(violations.length).toBeGreaterThanOrEqual(2);
    });
  });

  // office.js on the web (excel-web-16.00.js of @microsoft/office-js 1.1.110) draws its dialog notice with
  // element.style.cssText: the CSSOM, which style-src 'self' allows; a style attribute set as markup is refused.
  it("lets a script style elements through the CSSOM, as office.js's dialog notice does", async () => {
    await underPolicy(`<div id="cssom">a</div><div id="attr">b</div>`, async (tab, violations) => {
      const colours = await tab.evaluate(() => {
        const cssom = document.getElementById("cssom")!;
        cssom.style.cssText = "color: rgb(0, 128, 0); position: absolute";
        document.getElementById("attr")!.setAttribute("style", "color: rgb(255, 0, 0)");
        return [getComputedStyle(cssom).color, getComputedStyle(document.getElementById("attr")!).color];
      });
      expect(colours[0]).toBe("rgb(0, 128, 0)");
      expect(colours[1]).not.toBe("rgb(255, 0, 0)");
      expect(violations).toHaveLength(1);
    });
  });
});
