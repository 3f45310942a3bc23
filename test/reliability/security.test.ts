/**
 * The security line, checked on the sources: every page carries a Content-Security-Policy, no source parses markup
 * or code from strings, the manifest asks for the least permission that lets the add-in write cells, and the only
 * production dependencies are the two libraries bundled into the static pages.
 * (test/build/site.test.ts checks the built site in a browser; test/build/lint-rules.test.ts that the lint rules bite.)
 */
import { execFileSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";
import {
  CONTENT_SECURITY_POLICY,
  PREVIEW_CONTENT_SECURITY_POLICY,
  policyProblems,
  withCspMeta,
} from "../../scripts/lib/csp";

const root = join(__dirname, "..", "..");

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => pattern.test(f))
    .map((f) => join(dir, f).split("\\").join("/"));
}

interface PluginLike {
  name: string;
  template?: string;
  filename?: string;
}

type Mode = "development" | "production";

/**
 * The webpack configuration's plugins as a build of each mode sees them, read in one Node process (the config loads
 * TypeScript through tsx).
 */
function webpackPlugins(): Record<Mode, PluginLike[]> {
  const script = `const config = require(${JSON.stringify(join(root, "webpack.config.js"))});
    const plugins = (mode) => config({}, { mode }).then((c) => c.plugins.map((p) =>
      ({ name: p.constructor.name, template: p.userOptions?.template, filename: p.userOptions?.filename })));
    Promise.all([plugins("development"), plugins("production")]).then(([development, production]) =>
      console.log(JSON.stringify({ development, production })))`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1) ?? "{}",
  ) as Record<Mode, PluginLike[]>;
}

describe("a Content-Security-Policy on every page", () => {
  test("every HTML template in src/ is a built page, and every build writes the policy into each of its pages", () => {
    const templates = filesUnder("src", /\.html$/);
    expect(templates.length).toBeGreaterThanOrEqual(3);
    const { development: dev, production: prod } = webpackPlugins();
    for (const plugins of [dev, prod]) expect(plugins.map((p) => p.name)).toContain("ContentSecurityPolicyPlugin");
    const built = dev
      .filter((p) => p.name === "HtmlWebpackPlugin")
      .map((p) => relative(root, join(root, p.template ?? "")));
    expect(built.sort()).toEqual(templates.sort());
    // production leaves out only the preview page, which runs without Office
    const inProduction = prod.filter((p) => p.name === "HtmlWebpackPlugin").map((p) => p.filename);
    expect(inProduction.sort()).toEqual(["commands.html", "taskpane.html"]);
  });

  test.each(["src/taskpane/taskpane.html", "src/commands/commands.html", "src/preview/preview.html"])(
    "%s, with the policy the build gives it, breaks none of it",
    (page) => {
      const office = !page.includes("preview");
      const html = withCspMeta(
        readFileSync(join(root, page), "utf8"),
        office ? CONTENT_SECURITY_POLICY : PREVIEW_CONTENT_SECURITY_POLICY,
      );
      expect(policyProblems(html, { office })).toEqual([]);
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
    },
  );

  test("static pages copied as they are (assets/) carry their own policy and run no script", () => {
    const pages = filesUnder("assets", /\.html$/);
    expect(pages).toContain("assets/help.html");
    for (const page of pages) {
      const html = readFileSync(join(root, page), "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
      expect([page, policy]).toEqual([page, expect.stringMatching(/default-src 'none'/)]);
      expect([page, /<script|\son[a-z]+\s*=/i.test(html)]).toEqual([page, false]);
    }
  });
});

test("no source file parses markup or code from strings", () => {
  const SINKS =
    /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*["'`]|createContextualFragment|setHTMLUnsafe/;
  const offenders = filesUnder("src", /\.(ts|html)$/).filter((file) => {
    // comments may name the sinks (to say why they are not used)
    const code = readFileSync(join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|<!--[\s\S]*?-->/g, "");
    return SINKS.test(code);
  });
  expect(offenders).toEqual([]);
});

describe("the least the add-in needs", () => {
  test("the manifest asks for ReadWriteDocument (the add-in writes cells) and nothing more", () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(manifest.match(/<Permissions>[^<]*<\/Permissions>/g)).toEqual([
      "<Permissions>ReadWriteDocument</Permissions>",
    ]);
    expect(manifest).not.toMatch(/ReadWriteMailbox|ReadItem|Restricted/);
    // no other origin is trusted: every URL is the add-in's own site, and no AppDomains widen it
    expect(manifest).not.toMatch(/<AppDomain>/);
    const origins = new Set([...manifest.matchAll(/DefaultValue="(https:\/\/[^/"]+)/g)].map((m) => m[1]));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  test("the only production dependencies are ExcelJS, the Office JS helpers, and the package writer's zip and XML libraries", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@microsoft/office-js-helpers",
      "@xmldom/xmldom",
      "exceljs",
      "jszip",
    ]);
    // pinned, so that what was checked is what ships
    for (const version of Object.values(pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
