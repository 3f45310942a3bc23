/**
 * The add-in manifest: valid against Microsoft's XSDs offline, broken copies refused with a message a person can
 * act on, and the production rewrite (address, version) still valid and free of localhost.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  DEV_URL,
  checkProductionUrl,
  manifestVersion,
  productionManifest,
  productionUrl,
} from "../../scripts/lib/manifest";
import { validateManifest } from "../../scripts/lib/validate-manifest";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

jest.setTimeout(60_000);

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  return out;
}

describe("the development manifest", () => {
  it("is valid", async () => {
    expect(await validateManifest(manifest, "manifest.xml")).toEqual({ valid: true, errors: [] });
  });

  it("declares a Polish Excel task pane with an English override for every string", () => {
    expect(manifest).toContain("<DefaultLocale>pl-PL</DefaultLocale>");
    expect(manifest).toContain('<DisplayName DefaultValue="Wskaźniki MOPS">');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.13"\/>/);
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)"[^/]*?>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const [, id, body] of strings) expect([id, body!.includes('Locale="en-US"')]).toEqual([id, true]);
  });

  it("wires the two ribbon buttons to the pages the build emits", () => {
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${DEV_URL}taskpane.html"/>`);
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>validateSheet<\/FunctionName>/);
    expect(manifest).toContain(`<bt:Url id="Commands.Url" DefaultValue="${DEV_URL}commands.html"/>`);
    expect(manifest).toMatch(/Otwórz panel/);
    expect(manifest).toMatch(/Sprawdź arkusz/);
  });

  it("points every icon at a PNG in assets/ of exactly the declared size", () => {
    const images = [
      ...manifest.matchAll(
        /<bt:Image id="[^"]+" DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+-(\d+)\.png)"\/>/g,
      ),
    ];
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const [, file, size] of images) {
      const png = readFileSync(join(root, file!));
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([file, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([file, Number(size), Number(size)]);
    }
  });
});

describe("a broken manifest", () => {
  it("is refused when a required element is missing, naming it and the line", async () => {
    const broken = replaceOnce(manifest, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, "");
    const check = await validateManifest(broken, "broken.xml");
    expect(check.valid).toBe(false);
    expect(check.errors.join("\n")).toMatch(/^broken\.xml:\d+: .*VersionOverrides.*Expected is .*Permissions/m);
  });

  it("is refused when elements are out of order", async () => {
    const broken = replaceOnce(
      manifest,
      /(<ProviderName>[^<]*<\/ProviderName>)(\s*)(<DefaultLocale>[^<]*<\/DefaultLocale>)/,
      "$3$2$1",
    );
    const check = await validateManifest(broken, "swapped.xml");
    expect(check.valid).toBe(false);
    expect(check.errors[0]).toMatch(
      /^swapped\.xml:\d+: Element 'DefaultLocale': This element is not expected\. Expected is .*ProviderName/,
    );
  });

  it("is refused when a value breaks its type", async () => {
    const check = await validateManifest(
      replaceOnce(manifest, "<Version>1.0.0.0</Version>", "<Version>1.0.0-beta</Version>"),
      "v.xml",
    );
    expect(check.errors.join("\n")).toMatch(/v\.xml:\d+: .*Version.*1\.0\.0-beta/);
  });

  it("is refused when a resid names no resource", async () => {
    const broken = replaceOnce(manifest, '<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Lable"/>');
    const check = await validateManifest(broken, "resid.xml");
    expect(check.valid).toBe(false);
    expect(check.errors).toEqual([expect.stringMatching(/^resid\.xml:\d+: resid "OpenPane\.Lable" names no resource/)]);
  });

  it("is refused when it is not XML at all", async () => {
    const check = await validateManifest(manifest.replace("</OfficeApp>", ""), "cut.xml");
    expect(check.valid).toBe(false);
    expect(check.errors.length).toBeGreaterThan(0);
  });

  it("makes `npm run validate` fail with the reason on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, replaceOnce(manifest, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ""));
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [require.resolve("tsx/cli"), join(root, "scripts/validate-manifest.ts"), file], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toMatch(/INVALID[\s\S]*Permissions/);
  });
});

describe("the production manifest", () => {
  const url = "https://dodatki.example.org/mops/wskazniki/";
  const production = productionManifest(manifest, { url, version: pkg.version });

  it("is valid, points only at the production address and carries package.json's version", async () => {
    expect(await validateManifest(production, "dist/manifest.xml")).toEqual({ valid: true, errors: [] });
    expect(production).not.toMatch(/localhost/);
    const urls = [...production.matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !u!.includes("schemas.microsoft.com") && !u!.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u!.startsWith(url)).toBe(true);
    expect(production).toContain(`<Version>${manifestVersion(pkg.version)}</Version>`);
  });

  it("turns npm versions into Office's four numbers and refuses what Office cannot read", () => {
    expect(manifestVersion("1.0.0")).toBe("1.0.0.0");
    expect(manifestVersion("2.13.7-rc.1")).toBe("2.13.7.0");
    expect(() => manifestVersion("1.2")).toThrow(/MAJOR\.MINOR\.PATCH/);
  });

  it("accepts only an https address away from this machine, as a folder", () => {
    expect(checkProductionUrl("https://host.example.org/addin")).toBe("https://host.example.org/addin/");
    expect(() => checkProductionUrl("http://host.example.org/")).toThrow(/https/);
    expect(() => checkProductionUrl("https://localhost:3000/")).toThrow(/this machine/);
    expect(() => checkProductionUrl("https://host.example.org/?a=1")).toThrow(/query/);
    expect(() => checkProductionUrl("not a url")).toThrow(/not a URL/);
  });

  it("takes the address from MOPS_ADDIN_URL first, then config/production.json", () => {
    const config = JSON.stringify({ url: "https://from-config.example.org/" });
    expect(productionUrl({ MOPS_ADDIN_URL: "https://from-env.example.org/x" }, config)).toBe(
      "https://from-env.example.org/x/",
    );
    expect(productionUrl({}, config)).toBe("https://from-config.example.org/");
    expect(productionUrl({}, readFileSync(join(root, "config/production.json"), "utf8"))).toMatch(/^https:\/\//);
    expect(() => productionUrl({}, undefined)).toThrow(/MOPS_ADDIN_URL/);
    expect(() => productionUrl({}, "{}")).toThrow(/config\/production\.json/);
  });

  it("refuses a manifest that would keep a localhost address written another way", () => {
    const odd = manifest.replace("</OfficeApp>", "<!-- http://localhost:3001/x --></OfficeApp>");
    expect(() => productionManifest(odd, { url, version: "1.0.0" })).toThrow(/localhost:3001/);
  });
});
