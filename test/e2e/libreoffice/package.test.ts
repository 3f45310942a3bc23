/**
 * What LibreOffice writes and what it reads back from the CLI: the 2023 annex saved by LibreOffice is coloured and
 * restored touching only what it must, and LibreOffice opens the macro-enabled workbook the CLI recalculated and
 * computes its indicator (the package checks themselves: test/xlsx/keep-package.test.ts).
 */
import { readFileSync, writeFileSync } from "fs";
import { cliRunner, suiteFolder } from "../../helpers/cli";
import { convertWithLibreOffice } from "../../helpers/libreoffice";
import { LIBREOFFICE, describeWith } from "../../helpers/needs";
import { seedBytes } from "../../xlsx/helpers";
import { MAY_CHANGE, SHEET, cellState, cellsOf, diff, everythingColored } from "../../xlsx/package-parts";

// Whole workbooks are written, reopened and converted by LibreOffice: slow on a busy machine, not a timing check.
jest.setTimeout(300_000);

const { tmp } = suiteFolder("mops-lo-package-");

const run = cliRunner("en_US.UTF-8", "2026-11-29T10:00:00Z");

// Two conversions: the seed saved by LibreOffice, then both written files to CSV together.
describeWith(LIBREOFFICE, "LibreOffice: what it writes, and what it reads back from us", () => {
  const CSV = "csv:Text - txt - csv (StarCalc):44,34,76";
  let original: Buffer;
  let colored: Buffer;
  let everyCsv: string;
  let coloredCsv: string;
  beforeAll(async () => {
    [original] = (await convertWithLibreOffice(
      [{ name: "annex.xlsx", bytes: seedBytes("annex-2023-typed.xlsx") }],
      "xlsx",
    )) as [Buffer];
    writeFileSync(tmp("lo.xlsx"), original);
    expect((await run("apply", tmp("lo.xlsx"), "--color", "--out", tmp("lo-colored.xlsx"))).code).toBe(0);
    colored = readFileSync(tmp("lo-colored.xlsx"));
    const every = (await everythingColored(run, tmp)).colored;
    [everyCsv, coloredCsv] = (
      await convertWithLibreOffice(
        [
          { name: "every-colored.xlsm", bytes: every },
          { name: "lo-colored.xlsx", bytes: colored },
        ],
        CSV,
      )
    ).map((b) => b.toString("utf8")) as [string, string];
  });

  test("LibreOffice opens the macro-enabled file we wrote and computes the recalculated indicator", () => {
    const row5 = everyCsv.split("\n").find((line) => line.startsWith("1,"));
    expect(row5).toContain("Populacja rodzin w Krakowie");
    // C5 = C6/C7 = 5120/6569, shown in the percent format the recalculation gave it
    expect(row5).toMatch(/\)\.",78%,,utrzymanie/);
  });

  test("a workbook saved by LibreOffice: colour and restore touch only what they must, and give every cell back", async () => {
    const d = await diff(original, colored);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([...MAY_CHANGE].sort());
    expect(d.added).toHaveLength(1);
    expect((await run("restore", tmp("lo-colored.xlsx"), "--out", tmp("lo-restored.xlsx"))).code).toBe(0);
    const restored = readFileSync(tmp("lo-restored.xlsx"));
    expect(await cellsOf(restored, SHEET)).toEqual(await cellsOf(original, SHEET));
    expect(await cellState(restored)).toEqual(await cellState(original));
    expect(coloredCsv).toContain("Populacja rodzin w Krakowie");
  });
});
