/**
 * `apply --color` and `restore` on a real annex file: the rules go into the worksheet part and styles.xml (the
 * package patched, not rewritten), a user's own rule stays byte for byte, a second colouring writes nothing, and
 * restore takes the add-in's rules out again.
 */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { STATUS_STYLES } from "../../src/core/palette";
import { parseRange, toA1 } from "../../src/core/address";
import { isOwnRule, ruleRange } from "../../src/core/rules";
import { fromFileFormula } from "../../src/xlsx/rules";
import { SEEDS } from "../core/ratio/seed-snapshot";
import { cliRunner, suiteFolder } from "../helpers/cli";

jest.setTimeout(120_000);

const run = cliRunner("pl_PL.UTF-8", "2026-11-30T05:00:00Z");
const { tmp } = suiteFolder("live-colours-");
const USER_RULE =
  '<conditionalFormatting sqref="B5:B9"><cfRule type="expression" priority="1"><formula>LEN($B5)&gt;200</formula></cfRule></conditionalFormatting>';

async function sheetXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file("xl/worksheets/sheet1.xml")!.async("string");
}

/** The cells each own rule covers, and the formulas of all rules in the part. */
function rulesIn(xml: string): { covered: Set<string>; own: number; others: string[] } {
  const covered = new Set<string>();
  let own = 0;
  const others: string[] = [];
  for (const m of xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)) {
    const formulas = [...m[2]!.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((f) =>
      fromFileFormula(
        f[1]!
          .replace(/&gt;/g, ">")
          .replace(/&lt;/g, "<")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&"),
      ),
    );
    if (!formulas.some(isOwnRule)) {
      others.push(m[0]);
      continue;
    }
    own += formulas.length;
    // The file's areas are the ones the marker names ("F5:H5 F8:H8" for "F5:H5,F8:H8").
    for (const f of formulas) expect(ruleRange(f)?.replace(/,/g, " ")).toBe(m[1]);
    for (const area of m[1]!.split(" ")) {
      const { start, end } = parseRange(area);
      for (let row = start.row; row <= end.row; row++)
        for (let col = start.col; col <= end.col; col++) covered.add(toA1(row, col));
    }
  }
  return { covered, own, others };
}

describe("live colours through the CLI on the 2023 annex", () => {
  const input = tmp("annex.xlsx");
  const coloured = tmp("coloured.xlsx");
  const again = tmp("again.xlsx");
  const restored = tmp("restored.xlsx");

  beforeAll(async () => {
    // The user's own rule on the names column, before the add-in ever ran.
    const zip = await JSZip.loadAsync(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      xml.replace(/(<\/mergeCells>|<\/sheetData>)(?![\s\S]*<\/mergeCells>)/, `$1${USER_RULE}`),
    );
    writeFileSync(input, await zip.generateAsync({ type: "uint8array" }));
    expect((await run("apply", input, "--color", "--out", coloured)).code).toBe(0);
  });

  test("rules cover every coloured value cell (356), with a dxf each; the user's rule is kept as it was", async () => {
    const xml = await sheetXml(coloured);
    const { covered, own, others } = rulesIn(xml);
    expect(covered.size).toBe(356);
    // Rows that read alike share rules over several areas: far fewer rules than cells.
    expect(own).toBeLessThan(100);
    expect(xml).toMatch(/<conditionalFormatting sqref="[A-Z]+\d+(:[A-Z]+\d+)? [A-Z]/);
    expect(others).toEqual([USER_RULE]);
    const styles = await (await JSZip.loadAsync(readFileSync(coloured))).file("xl/styles.xml")!.async("string");
    const green = `FF${STATUS_STYLES.target_met.fill.slice(1)}`;
    expect(styles).toMatch(
      new RegExp(
        `<dxf><numFmt numFmtId="\\d+" formatCode="&quot;✔ &quot;[^"]*"/><fill><patternFill patternType="solid"><fgColor rgb="${green}"/><bgColor rgb="${green}"/>`,
      ),
    );
    // The formulas name the function of Excel 2013 as the file format wants it.
    expect(xml).toContain("_xlfn.NUMBERVALUE(");
  });

  test("colouring the coloured file again writes nothing", async () => {
    const result = await run("apply", coloured, "--color", "--out", again);
    expect(result.code).toBe(0);
    expect(result.out).toContain("nic do zmiany");
  });

  test("analyze --json explains every coloured value cell, as the pane does", async () => {
    const result = await run("analyze", input, "--json");
    const report = JSON.parse(result.out) as {
      explanations: { address: string; status: string; reason: { pl: string } }[];
    };
    expect(report.explanations).toHaveLength(356);
    expect(report.explanations.find((e) => e.address === "F5")).toMatchObject({
      status: "deviated",
      reason: { pl: expect.stringContaining("|89% − 80%| > 5 %") },
    });
  });

  test("restore removes the add-in's rules and only them", async () => {
    expect((await run("restore", coloured, "--out", restored)).code).toBe(0);
    const xml = await sheetXml(restored);
    const { own, others } = rulesIn(xml);
    expect(own).toBe(0);
    expect(others).toEqual([USER_RULE]);
    expect(xml).toBe(await sheetXml(input));
  });
});
