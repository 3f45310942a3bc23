/**
 * The CLI writes by patching the original package: on a corpus of real-world packages, the parts a plan needs
 * change and every other part comes out byte for byte; restore gives every cell back exactly; protection refuses; a
 * run that changes nothing writes nothing; --in-place keeps the file's mode and writes through a symlink.
 */
import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { cliRunner, suiteFolder } from "../helpers/cli";
import { ruleCells } from "../../src/core/rules";
import {
  EXTERNAL_FORMULA,
  PRINT_AREA,
  VALIDATION,
  everythingWorkbook,
  openpyxlStyleWorkbook,
  partsOf,
  protectedSheetWorkbook,
  protectedStructureWorkbook,
} from "./corpus";
import { openSeed, seedBytes } from "./helpers";
import { saveWorkbook } from "../../src/xlsx/load";
import { MAY_CHANGE, SHEET, cellState, cellsOf, diff, everythingColored, part } from "./package-parts";

// Whole workbooks are written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(300_000);

const { tmp } = suiteFolder("mops-keep-");

const run = cliRunner("en_US.UTF-8", "2026-11-29T10:00:00Z");

let everything: ReturnType<typeof everythingColored> | undefined;
/** Made once for the suite. */
const everyColored = () => (everything ??= everythingColored(run, tmp));

describe("a macro-enabled workbook with a chart, a pivot table, an external link, threaded comments, custom properties, a label, a print area and data validation", () => {
  let original: Uint8Array;
  let colored: Uint8Array;
  beforeAll(async () => {
    ({ original, colored } = await everyColored());
  });

  test("recalculate + colour change only the edited sheet, styles and the workbook's sheet list; the rest is byte-identical", async () => {
    const d = await diff(original, colored);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([...MAY_CHANGE].sort());
    expect(d.added).toEqual(["xl/worksheets/sheet3.xml"]); // the backup sheet
    // what ExcelJS used to drop is all there, untouched
    for (const kept of [
      "xl/vbaProject.bin",
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/externalLinks/externalLink1.xml",
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "docProps/custom.xml",
      "docMetadata/LabelInfo.xml",
      "customXml/item1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ]) {
      expect((await partsOf(colored)).get(kept)?.equals((await partsOf(original)).get(kept) as Buffer)).toBe(true);
    }
    expect(await part(colored, "[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    const book = await part(colored, "xl/workbook.xml");
    expect(book).toContain(PRINT_AREA);
    expect(book).toMatch(/<externalReferences><externalReference r:id="rIdE"\/><\/externalReferences>/);
    expect(book).toContain('<pivotCache cacheId="1" r:id="rIdP"/>');
    const sheet = await part(colored, SHEET);
    expect(sheet).toContain(VALIDATION);
    expect(sheet).toContain(`<f>${EXTERNAL_FORMULA}</f>`);
    expect(sheet).toContain('<drawing r:id="rIdD"/><legacyDrawing r:id="rIdLv"/>');
  });

  test("the edited cells hold what the plans wrote (read back by ExcelJS)", async () => {
    const before = await cellState(original);
    const after = await cellState(colored);
    expect(after.names).toEqual(["Załącznik 5", "Przestawna", "MOPS_kopia_zapasowa"]);
    const [b, a] = [before.sheets[0], after.sheets[0]];
    expect(a!.formulas[4 - a!.top]![2 - a!.left]).toBe("=C6/C7"); // C5
    // Colouring leaves live rules (conditional formats), not fills, over hundreds of value cells.
    expect(new Set(a!.ownRules!.flatMap(ruleCells)).size).toBeGreaterThan(300);
    expect(b!.ownRules).toBeUndefined();
  });

  test("restore gives every cell back exactly (the same <c> elements) and removes the backup sheet", async () => {
    const r = await run("restore", tmp("every-colored.xlsm"), "--out", tmp("every-restored.xlsm"));
    expect(r.code).toBe(0);
    const restored = readFileSync(tmp("every-restored.xlsm"));
    expect(await cellsOf(restored, SHEET)).toEqual(await cellsOf(original, SHEET));
    const d = await diff(original, restored);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    // workbook.xml keeps "recalculate on open" from the recalculation; styles keep the records added (unused)
    expect(d.changed.every((p) => MAY_CHANGE.includes(p))).toBe(true);
    expect(await cellState(restored)).toEqual(await cellState(original));
  });

  test("a macro-enabled input written under another extension is refused before anything is written", async () => {
    const r = await run("apply", tmp("every.xlsm"), "--color", "--out", tmp("every-as.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds macros: give the output the same extension \(\.xlsm\)/);
    expect(existsSync(tmp("every-as.xlsx"))).toBe(false);
  });
});

describe("added and deleted sheets", () => {
  test("a summary (sheet, table, backup) is added next to everything else, replaced by a second run, and removed by restore", async () => {
    const original = await everythingWorkbook();
    writeFileSync(tmp("sum.xlsm"), original);
    expect((await run("apply", tmp("sum.xlsm"), "--summary", "--out", tmp("sum1.xlsm"))).code).toBe(0);
    const once = readFileSync(tmp("sum1.xlsm"));
    const d = await diff(original, once);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
    ]);
    expect(d.added).toEqual([
      "xl/tables/table1.xml",
      "xl/worksheets/_rels/sheet4.xml.rels",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet4.xml",
    ]);
    expect((await cellState(once)).names).toEqual([
      "Załącznik 5",
      "Podsumowanie – Załącznik 5",
      "Przestawna",
      "MOPS_kopia_zapasowa",
    ]);
    // the print area still belongs to the annex (localSheetId follows it), the table is registered
    expect(await part(once, "xl/workbook.xml")).toContain(PRINT_AREA);
    expect(await part(once, "[Content_Types].xml")).toContain('<Override PartName="/xl/tables/table1.xml"');

    expect((await run("apply", tmp("sum1.xlsm"), "--summary", "--out", tmp("sum2.xlsm"))).code).toBe(0);
    const twice = readFileSync(tmp("sum2.xlsm"));
    expect((await cellState(twice)).names).toEqual((await cellState(once)).names);
    expect((await partsOf(twice)).size).toBe((await partsOf(once)).size);

    expect((await run("restore", tmp("sum2.xlsm"), "--out", tmp("sum0.xlsm"))).code).toBe(0);
    const back = readFileSync(tmp("sum0.xlsm"));
    const r = await diff(original, back);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(await cellState(back)).toEqual(await cellState(original));
  });
});

describe("a run that changes nothing writes nothing", () => {
  test("restore on an untouched file: exit 0, says so, no output file", async () => {
    const r = await run(
      "restore",
      join(__dirname, "..", "..", "seeds", "annex-2023-typed.xlsx"),
      "--out",
      tmp("untouched.xlsx"),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing changes: no file was written/);
    expect(existsSync(tmp("untouched.xlsx"))).toBe(false);
  });

  test("restore --in-place on an untouched file leaves its bytes and modification time alone", async () => {
    writeFileSync(tmp("still.xlsx"), seedBytes("annex-2023-typed.xlsx"));
    const before = statSync(tmp("still.xlsx"));
    expect((await run("restore", tmp("still.xlsx"), "--in-place")).code).toBe(0);
    expect(statSync(tmp("still.xlsx")).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(tmp("still.xlsx")).equals(Buffer.from(seedBytes("annex-2023-typed.xlsx")))).toBe(true);
  });
});

describe("protection as in Excel: refused, exit 1, nothing written", () => {
  test.each([
    ["a protected sheet, colouring it", protectedSheetWorkbook, ["--color"], /Sheet "Załącznik 5" is protected/],
    [
      "a protected structure, colouring (adds the backup sheet)",
      protectedStructureWorkbook,
      ["--color"],
      /structure is protected/,
    ],
    ["a protected structure, adding a summary", protectedStructureWorkbook, ["--summary"], /structure is protected/],
  ])("%s", async (label, build, actions, message) => {
    const name = label.replace(/\W+/g, "-");
    writeFileSync(tmp(`${name}.xlsx`), await build());
    const r = await run("apply", tmp(`${name}.xlsx`), ...(actions as string[]), "--out", tmp(`${name}-out.xlsx`));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message as RegExp);
    expect(existsSync(tmp(`${name}-out.xlsx`))).toBe(false);
  });
});

describe("--in-place", () => {
  test("keeps the file's mode (read-only stays read-only) and owner", async () => {
    writeFileSync(tmp("mode.xlsx"), seedBytes("annex-2023-typed.xlsx"));
    chmodSync(tmp("mode.xlsx"), 0o440);
    const before = statSync(tmp("mode.xlsx"));
    expect((await run("apply", tmp("mode.xlsx"), "--color", "--in-place")).code).toBe(0);
    const after = statSync(tmp("mode.xlsx"));
    expect(after.mode & 0o7777).toBe(0o440);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(after.ino).not.toBe(before.ino); // replaced by a rename, never half-written
    expect((await cellState(readFileSync(tmp("mode.xlsx")))).names).toContain("MOPS_kopia_zapasowa");
  });

  test("through a symlink writes the link's target and keeps the link", async () => {
    writeFileSync(tmp("target.xlsx"), seedBytes("annex-2023-typed.xlsx"));
    symlinkSync(tmp("target.xlsx"), tmp("link.xlsx"));
    expect((await run("apply", tmp("link.xlsx"), "--color", "--in-place")).code).toBe(0);
    expect(lstatSync(tmp("link.xlsx")).isSymbolicLink()).toBe(true);
    expect((await cellState(readFileSync(tmp("target.xlsx")))).names).toContain("MOPS_kopia_zapasowa");
  });
});

describe("the reader copes with what other programs write", () => {
  test("openpyxl's layout (absolute targets, xl/comments/comment1.xml, a picture) opens, and the comment and picture are kept", async () => {
    const original = await openpyxlStyleWorkbook();
    writeFileSync(tmp("openpyxl.xlsx"), original);
    const r = await run("apply", tmp("openpyxl.xlsx"), "--color", "--out", tmp("openpyxl-out.xlsx"));
    expect([r.code, r.err]).toEqual([0, ""]);
    const d = await diff(original, readFileSync(tmp("openpyxl-out.xlsx")));
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([...MAY_CHANGE].sort());
    // the package written is the original, patched: its absolute targets and the comment's relationship stay
    expect(await part(readFileSync(tmp("openpyxl-out.xlsx")), "xl/worksheets/_rels/sheet1.xml.rels")).toContain(
      'Target="/xl/comments/comment1.xml"',
    );
  });

  test.each([
    ["a stray cell at XFD1048576", "XFD1048576"],
    ["a cell below row 125 000", "C130000"],
  ])("%s: the annex is still read, coloured and restored", async (label, address) => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    wb.worksheets[0]!.getCell(address).value = "x";
    const name = label.replace(/\W+/g, "-");
    writeFileSync(tmp(`${name}.xlsx`), await saveWorkbook(wb));
    const r = await run("apply", tmp(`${name}.xlsx`), "--color", "--out", tmp(`${name}-out.xlsx`));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/Colouring by trend: 0 cells written, 0 fills, 66 conditional-format rules/);
    expect((await run("restore", tmp(`${name}-out.xlsx`), "--out", tmp(`${name}-back.xlsx`))).code).toBe(0);
    expect(await cellsOf(readFileSync(tmp(`${name}-back.xlsx`)), SHEET)).toEqual(
      await cellsOf(readFileSync(tmp(`${name}.xlsx`)), SHEET),
    );
  });
});
