/**
 * The bad-input matrix: one test per kind of sheet staff may point the add-in at. Each ends in a clear message,
 * and either leaves the workbook exactly as it was or changes only what an action promises, which restore then
 * takes back; through the .xlsx path (CLI over saved files) and, where a sheet can be handed to it, the Excel
 * adapter's fake.
 */
import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { Workbook, type Worksheet } from "exceljs";
import { JOURNAL_SHEET } from "../../src/core/plan";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { openSeed } from "../xlsx/helpers";
import { ExcelHost } from "../../src/excel/excelHost";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import {
  PLANNERS,
  analyze,
  cli,
  contents,
  fakeContents,
  fakeOf,
  removeTemp,
  saveAs,
  throughExcel,
  throughFile,
  tmp,
} from "./harness";
import { expectEqual } from "../helpers/equal";
import { protectSheet } from "../helpers/protect";

// Whole workbooks are written, read and reopened several times per test: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);
afterAll(removeTemp);

const SHEET = "Załącznik 5";
const annex = async (): Promise<Workbook> => openSeed("annex-2023-numbers.xlsx");
/** The annex as it is, analysed through a saved file: what several cases compare with, made once. */
let plainAnnex: ReturnType<typeof analyze> | undefined;
const plainReport = () => (plainAnnex ??= annex().then((wb) => saveAs(wb, "plain.xlsx").then(analyze)));
const sheetOf = (wb: Workbook, name = SHEET): Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** Neither adapter changes anything (the CLI writes no file), and the user is told why. */
async function expectUntouched(wb: Workbook, name: string, said: RegExp): Promise<void> {
  const file = await throughFile(wb, name);
  expect(file.apply.code).toBe(0);
  expect(file.apply.out).toMatch(said);
  expect(file.apply.out).toMatch(/Nothing changes: no file was written/);
  expect(file.inputUnchanged).toBe(true);
  expect(file.after).toBeNull();

  const excel = fakeOf(wb);
  const before = await fakeContents(excel);
  const pane = await throughExcel(excel, ["recalculate", "color", "summary"]);
  expect(pane.refusals).toEqual([]);
  expect(pane.notes.join("\n")).toMatch(said);
  expectEqual(await fakeContents(excel), before);
  expect(excel.sheet(JOURNAL_SHEET)).toBeUndefined();
}

/** Every action changes the workbook as promised; restore gives the original back, in the file and in Excel. */
async function expectRestorable(wb: Workbook, name: string): Promise<void> {
  const file = await throughFile(wb, name);
  expect(file.apply.code).toBe(0);
  expect(file.after).not.toEqual(file.before);
  expect(file.restore?.code).toBe(0);
  expectEqual(file.restored, file.before);

  const excel = fakeOf(wb);
  const before = await fakeContents(excel);
  const pane = await throughExcel(excel, ["recalculate", "color", "summary"]);
  expect(pane.refusals).toEqual([]);
  expect(await fakeContents(excel)).not.toEqual(before);
  excel.active = sheetOf(wb).name;
  await throughExcel(excel, ["restore"]);
  expectEqual(await fakeContents(excel), before);
}

describe("sheets without a table", () => {
  test("an empty sheet", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Arkusz1");
    expect((await analyze(await saveAs(wb, "empty-sheet.xlsx"))).sheets[0]!.message?.en).toMatch(
      /No indicator table found/,
    );
    await expectUntouched(wb, "empty-sheet", /No indicator table was recognised/);
  });

  test("headers only", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Arkusz1");
    ws.addRow(["Lp.", "Wskaźnik", "wartość bazowa", "zakładana wartość docelowa", "trend", "rok 2021", "rok 2022"]);
    expect((await analyze(await saveAs(wb, "headers.xlsx"))).sheets[0]!.message?.en).toMatch(
      /no indicator row .* follows it/,
    );
    await expectUntouched(wb, "headers", /No indicator table was recognised/);
  });
});

describe("damaged tables", () => {
  test("merged cells across value columns: the hidden cells read as missing, and restore keeps the merge", async () => {
    const wb = await annex();
    // indicator 1 (W19_W): its 2021-2023 values merged into one cell, as a hurried edit might leave them
    sheetOf(wb).mergeCells("F5:H5");
    const report = await analyze(await saveAs(wb, "merged.xlsx"));
    const first = report.sheets[0]!.tables[0]!.indicators[0];
    expect([first!.values["2021"]?.value, first!.values["2022"]?.kind, first!.values["2023"]?.kind]).toEqual([
      0.89,
      "missing",
      "missing",
    ]);
    // the latest status is 2021's (89 % against a baseline of 80 %, past the 5 % tolerance)
    expect(first!.status).toMatchObject({
      "2021": "deviated",
      "2022": "no_data",
      "2023": "no_data",
      latest: "deviated",
    });
    await expectRestorable(wb, "merged");
  });

  test("cells merged between the preview and the click: the write is refused whole, naming the cell", async () => {
    const wb = await annex();
    const excel = fakeOf(wb);
    const plan = PLANNERS.recalculate!(await new ExcelHost(excel.run).readActiveSheet());
    expect(plan.edits[0]!.cells.map((c) => c.address)).toContain("G5");
    // the user merges indicator 1's values while the preview is open
    excel.sheet(SHEET)?.merges.push("F5:H5");
    sheetOf(wb).mergeCells("F5:H5");

    const before = await fakeContents(excel);
    await expect(new ExcelHost(excel.run).apply(plan)).rejects.toThrow(
      /Cell G5 of sheet "Załącznik 5" lies inside the merged area F5:H5.*Nothing was changed/,
    );
    expectEqual(await fakeContents(excel), before);

    const saved = contents(snapshotFromWorkbook(wb));
    expect(() => applyPlan(wb, plan)).toThrow(
      /Cell G5 of sheet "Załącznik 5" lies inside the merged area F5:H5.*Nothing was changed/,
    );
    expectEqual(contents(snapshotFromWorkbook(wb)), saved);
  });

  test("#DIV/0!, #N/A and #REF! in value cells: named as findings, left alone by recalculation, restored after colouring", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    ws.getCell("F5").value = { error: "#DIV/0!" } as never;
    ws.getCell("G5").value = { formula: "G6/#REF!", result: { error: "#REF!" } } as never;
    ws.getCell("H6").value = { error: "#N/A" } as never;
    const report = await analyze(await saveAs(wb, "errors.xlsx"));
    const errors = report.findings.filter((f) => ["F5", "G5", "H6"].includes(f.address));
    expect(errors.map((f) => f.address).sort()).toEqual(["F5", "G5", "H6"]);
    for (const f of errors) expect(f.message.en).toMatch(/#DIV\/0!|#REF!|#N\/A/);
    const validate = await cli("validate", tmp("errors.xlsx"));
    expect(validate.code).toBe(1);

    const file = await throughFile(wb, "errors");
    expect(file.apply.code).toBe(0);
    const row5 = (s: NonNullable<typeof file.after>) =>
      s.sheets[0]!.values[5 - 1 - s.sheets[0]!.top]!.slice(5 - s.sheets[0]!.left, 8 - s.sheets[0]!.left);
    expectEqual(row5(file.after as NonNullable<typeof file.after>), row5(file.before));
    expectEqual(file.restored, file.before);
  });

  test("formulas in value cells: read by their results, and put back as formulas by restore", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    // the W19_W share typed as formulas over its components, one of them rounding, one pointing at another sheet
    ws.getCell("F5").value = { formula: "F6/F7", result: 5853 / 6569 } as never;
    ws.getCell("G5").value = { formula: "ROUND(G6/G7,2)", result: 0.91 } as never;
    ws.getCell("H5").value = { formula: "'Inny arkusz'!A1", result: 0.62 } as never;
    const report = await analyze(await saveAs(wb, "formulas.xlsx"));
    const first = report.sheets[0]!.tables[0]!.indicators[0];
    expect([first!.values["2021"]?.value, first!.values["2022"]?.value, first!.values["2023"]?.value]).toEqual([
      5853 / 6569,
      0.91,
      0.62,
    ]);
    await expectRestorable(wb, "formulas");
  });

  test("1e308 and negative counts: findings say so, no Infinity reaches a cell, and restore takes everything back", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    ws.getCell("F6").value = 1e308;
    ws.getCell("F7").value = 1e-300;
    ws.getCell("G6").value = -5;
    ws.getCell("G5").value = -1e308;
    ws.getCell("H5").value = 1e308;
    const report = await analyze(await saveAs(wb, "extreme.xlsx"));
    const first = report.sheets[0]!.tables[0]!.indicators[0];
    // 1e308 / 1e-300 is past any double: no recalculated value rather than Infinity
    expect(first!.ratio?.recalculated["2021"]).toBeNull();
    const atG6 = report.findings.filter((f) => f.address === "G6").map((f) => f.message.en);
    expect(atG6.join(" ")).toMatch(/negative/i);

    const file = await throughFile(wb, "extreme");
    const numbers = (file.after?.sheets ?? [])
      .flatMap((s) => s.values.flat())
      .filter((v): v is number => typeof v === "number");
    expect(numbers.every(Number.isFinite)).toBe(true);
    expectEqual(file.restored, file.before);
  });

  test("a 32 767-character cell: read, backed up in chunks that fit a cell, and restored", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    const name = String(ws.getCell("B5").value);
    ws.getCell("B5").value = (name + " ").padEnd(32_767, "ąę🙂");
    ws.getCell("H7").value = "9".repeat(32_767);
    const report = await analyze(await saveAs(wb, "long.xlsx"));
    expect(report.sheets[0]!.tables[0]!.indicators[0]!.name).toHaveLength(ws.getCell("B5").text.length);
    const file = await throughFile(wb, "long");
    expect(file.apply.code).toBe(0);
    const out = await loadWorkbook(readFileSync(tmp("long-out.xlsx")));
    const chunks =
      out
        .getWorksheet(JOURNAL_SHEET)
        ?.getColumn(1)
        .values.filter((v): v is string => typeof v === "string") ?? [];
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(32_767);
    expectEqual(file.restored, file.before);
  });

  // The summary links each name with HYPERLINK("#...","<name>"); Excel refuses a text constant over 255 characters
  // in a formula (the file would open with a repair prompt and lose the link), so a longer name is shown cut.
  test("a name over 255 characters: every formula the summary writes keeps its text constants within 255", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    ws.getCell("B5").value = String(ws.getCell("B5").value).padEnd(300, " i dalej");
    const file = await throughFile(wb, "long-name", ["--summary"]);
    expect(file.apply.code).toBe(0);
    const out = await loadWorkbook(readFileSync(tmp("long-name-out.xlsx")));
    const constants: string[] = [];
    out.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => constants.push(...(cell.formula?.match(/"(?:[^"]|"")*"/g) ?? [])))),
    );
    expect(constants.length).toBeGreaterThan(0);
    expect(Math.max(...constants.map((c) => c.slice(1, -1).replace(/""/g, '"').length))).toBeLessThanOrEqual(255);
  });
});

/** The annex's cells copied to another sheet, moved by (down, right), with formats and merges. */
function copyAnnex(from: Worksheet, to: Worksheet, down: number, right: number, rows = Infinity): void {
  from.eachRow((row, r) => {
    if (r > rows) return;
    row.eachCell((cell, c) => {
      const target = to.getCell(r + down, c + right);
      target.value = cell.value;
      target.style = cell.style;
    });
  });
  for (const m of from.model.merges) {
    const [a, b] = m.split(":").map((x) => from.getCell(x));
    if (Number(a!.row) <= rows)
      to.mergeCells(Number(a!.row) + down, Number(a!.col) + right, Number(b!.row) + down, Number(b!.col) + right);
  }
}

describe("unusual layouts", () => {
  test("emoji and right-to-left text in names and in the sheet name: kept intact in the report, the summary and restore", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    ws.name = "Wskaźniki 👨‍👩‍👧 مؤشر";
    ws.getCell("B5").value = "Rodziny 👨‍👩‍👧‍👦 3+ \u202bمؤشر الأسر\u202c W19_W";
    wb.addWorksheet("Notatki").getCell("A1").value = "שלום";
    const report = await analyze(await saveAs(wb, "emoji.xlsx"));
    expect(report.sheets[0]!.tables[0]!.indicators[0]!.name).toBe("Rodziny 👨‍👩‍👧‍👦 3+ \u202bمؤشر الأسر\u202c W19_W");
    const file = await throughFile(wb, "emoji");
    expect(file.apply.code).toBe(0);
    // the summary's name is cut to Excel's 31 characters without splitting an emoji
    const summary = file.after?.sheetNames.find((n) => n.startsWith("Podsumowanie")) ?? "";
    expect(summary.length).toBeLessThanOrEqual(31);
    expect(summary).not.toMatch(/[\ud800-\udbff]$/);
    expectEqual(file.restored, file.before);
  });

  test("hidden rows and columns: read like visible ones, and still hidden after apply and restore", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    ws.getRow(6).hidden = true;
    ws.getColumn("G").hidden = true;
    const plain = await plainReport();
    const hidden = await analyze(await saveAs(wb, "hidden.xlsx"));
    expectEqual(hidden.sheets, plain.sheets);
    const file = await throughFile(wb, "hidden");
    expectEqual(file.restored, file.before);
    const back = sheetOf(await loadWorkbook(readFileSync(tmp("hidden-back.xlsx"))));
    expect([back.getRow(6).hidden, back.getColumn("G").hidden, back.getRow(7).hidden]).toEqual([true, true, false]);
  });

  test("two tables on one sheet: both recognised, both coloured, both restored", async () => {
    const wb = await annex();
    const ws = sheetOf(wb);
    const below = ws.rowCount + 10;
    copyAnnex(sheetOf(await annex()), ws, below, 0, 30);
    const report = await analyze(await saveAs(wb, "two.xlsx"));
    const tables = report.sheets[0]!.tables;
    expect(tables.length).toBe(2);
    expect(tables[1]!.indicators[0]).toMatchObject({ code: "W19_W", row: 5 + below });
    await expectRestorable(wb, "two");
  });

  test("a table far from A1 (row 5 001, column AA): the same indicators, at their own addresses", async () => {
    const wb = new Workbook();
    copyAnnex(sheetOf(await annex()), wb.addWorksheet(SHEET), 5_000, 26);
    const near = await plainReport();
    const far = await analyze(await saveAs(wb, "far.xlsx"));
    const essence = (r: typeof near) =>
      r.sheets[0]!.tables.flatMap((t) => t.indicators.map((i) => [i.code, i.name, i.status, i.ratio?.formula ?? null]));
    expectEqual(essence(far), essence(near));
    expect(far.sheets[0]!.tables[0]!.indicators[0]!.values["2021"]?.address).toBe("AF5005");
    await expectRestorable(wb, "far");
  });

  test("a very wide sheet (a note in the last column, XFD): the table is found and nothing else is touched", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet(SHEET);
    copyAnnex(sheetOf(await annex()), ws, 0, 0, 12);
    ws.getCell("XFD1").value = "uwagi na marginesie";
    const narrow = new Workbook();
    copyAnnex(sheetOf(await annex()), narrow.addWorksheet(SHEET), 0, 0, 12);
    const report = await analyze(await saveAs(wb, "wide.xlsx"));
    expectEqual(report.sheets[0]!.tables, (await analyze(await saveAs(narrow, "narrow.xlsx"))).sheets[0]!.tables);
    expect(report.sheets[0]!.tables[0]!.indicators.map((i) => i.code)).toEqual(["W19_W", "W8_W", null, null]);
    const file = await throughFile(wb, "wide");
    expect(file.after?.sheets[0]?.values[0]?.at(-1)).toBe("uwagi na marginesie");
    expectEqual(file.restored, file.before);
  });
});

describe("sheets the add-in must not write to", () => {
  test("a protected sheet: the CLI refuses recalculation and colouring (exit 1), the pane says so; restore is refused whole", async () => {
    const wb = await annex();
    await protectSheet(sheetOf(wb), "hasło");
    const file = await throughFile(wb, "protected", ["--recalculate", "--color"]);
    expect(file.apply.code).toBe(1);
    expect(file.apply.err).toMatch(/Sheet "Załącznik 5" is protected. Unprotect it .*Nothing was changed/);
    expect(file.after).toBeNull();

    const excel = fakeOf(wb);
    const before = await fakeContents(excel);
    const pane = await throughExcel(excel, ["recalculate", "color"]);
    expect(pane.notes.join("\n")).toMatch(/protected/);
    expectEqual(await fakeContents(excel), before);

    // coloured while open, protected afterwards: restoring must not half-work, and the backup must stay
    const open = await annex();
    const coloured = await throughFile(open, "coloured", ["--color"]);
    expect(coloured.apply.code).toBe(0);
    const later = await loadWorkbook(readFileSync(tmp("coloured-out.xlsx")));
    await protectSheet(sheetOf(later), "hasło");
    const locked = await saveAs(later, "coloured-locked.xlsx");
    const restore = await cli("restore", locked, "--out", tmp("coloured-locked-back.xlsx"));
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(
      /Sheet "Załącznik 5" is protected. Unprotect it \(Review > Unprotect Sheet\) and try again/,
    );
    expect(() => readFileSync(tmp("coloured-locked-back.xlsx"))).toThrow();

    const lockedExcel = fakeOf(later);
    const lockedBefore = await fakeContents(lockedExcel);
    const pane2 = await throughExcel(lockedExcel, ["restore"]);
    expect(pane2.refusals).toEqual([expect.stringMatching(/Sheet "Załącznik 5" is protected.*Nothing was changed/)]);
    expectEqual(await fakeContents(lockedExcel), lockedBefore);
    expect(lockedExcel.sheet(JOURNAL_SHEET)?.cells.size).toBeGreaterThan(0);
  });

  const OURS = "Podsumowanie – Załącznik 5";
  test("a user's sheet already named like the summary: left alone, the summary goes beside it, restore removes only ours", async () => {
    const wb = await annex();
    // with two user sheets, the summary of "Załącznik 5" is called "Podsumowanie – Załącznik 5"
    const mine = wb.addWorksheet(OURS);
    mine.getCell("A1").value = "moje notatki";
    const file = await throughFile(wb, "named", ["--summary"]);
    expect(file.apply.code).toBe(0);
    expect(file.apply.out).toMatch(
      /Sheet "Podsumowanie – Załącznik 5" was not created by the add-in, so it is left alone: the summary goes to sheet "Podsumowanie – Załącznik 5 \(2\)"/,
    );
    const after = file.after as NonNullable<typeof file.after>;
    expect(after.sheetNames).toEqual([SHEET, `${OURS} (2)`, OURS, JOURNAL_SHEET]);
    expectEqual(
      after.sheets.find((s) => s.name === OURS),
      file.before.sheets.find((s) => s.name === OURS),
    );
    expectEqual(file.restored, file.before);

    const excel = fakeOf(wb);
    const pane = await throughExcel(excel, ["summary"]);
    expect(pane.refusals).toEqual([]);
    expect(pane.notes.join("\n")).toMatch(/was not created by the add-in, so it is left alone/);
    expect(excel.sheets.map((s) => s.name)).toEqual([SHEET, `${OURS} (2)`, OURS, JOURNAL_SHEET]);
    expect(excel.sheet(OURS)?.cells.get("A1")?.value).toBe("moje notatki");
  });
});

describe("files that are no workbook to work on", () => {
  /** A saved workbook whose first sheet is a chart sheet (ExcelJS cannot write one: the parts are added by hand). */
  async function withChartSheet(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await saveWorkbook(await annex()));
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${main}" xmlns:r="${rel}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
    );
    const edit = async (path: string, f: (xml: string) => string) =>
      zip.file(path, f(await (zip.file(path) as JSZip.JSZipObject).async("string")));
    await edit("xl/workbook.xml", (x) =>
      x.replace("<sheets>", '<sheets><sheet name="Wykres1" sheetId="99" r:id="rIdChart1"/>'),
    );
    await edit("xl/_rels/workbook.xml.rels", (x) =>
      x.replace(
        "</Relationships>",
        `<Relationship Id="rIdChart1" Type="${rel}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      ),
    );
    await edit("[Content_Types].xml", (x) =>
      x.replace(
        "</Types>",
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
      ),
    );
    return zip.generateAsync({ type: "nodebuffer" });
  }

  test("a workbook with a chart sheet: the chart sheet is passed over, the worksheets are read", async () => {
    writeFileSync(tmp("chart.xlsx"), await withChartSheet());
    const report = await analyze(tmp("chart.xlsx"));
    expect(report.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(report.sheets[0]!.tables[0]!.indicators.length).toBeGreaterThan(50);
    // and a written file keeps it, in its place
    const r = await cli("apply", tmp("chart.xlsx"), "--color", "--out", tmp("chart-out.xlsx"));
    expect(r.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(tmp("chart-out.xlsx")));
    expect(await out.file("xl/chartsheets/sheet1.xml")?.async("string")).toContain("<chartsheet");
    expect(await out.file("xl/workbook.xml")?.async("string")).toMatch(
      /<sheets><sheet name="Wykres1" sheetId="99" r:id="rIdChart1"\/><sheet [^>]*name="Załącznik 5"/,
    );
  });

  test.each<[string, () => Promise<Buffer> | Buffer, RegExp]>([
    [
      "an empty workbook (no sheets)",
      async () => Buffer.from(await saveWorkbook(new Workbook())),
      /not an Excel .xlsx workbook \(a ZIP file without sheets\)/,
    ],
    ["an empty file", () => Buffer.alloc(0), /not an Excel \.xlsx file/],
    ["a PDF named .xlsx", () => Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n"), /not an Excel \.xlsx file/],
    [
      "an HTML page named .xlsx",
      () => Buffer.from("<html><body><table><tr><td>wartość bazowa</td></tr></table></body></html>"),
      /not an Excel \.xlsx file/,
    ],
    [
      "a zip that is no workbook",
      async () => await new JSZip().file("notatki.txt", "Lp.;2021").generateAsync({ type: "nodebuffer" }),
      /damaged|without sheets/,
    ],
  ])("%s: exit 2 with a message, for every command", async (label, bytes, message) => {
    const file = tmp(`${label.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(file, await bytes());
    for (const argv of [
      ["analyze", file],
      ["validate", file],
      ["apply", file, "--color", "--out", tmp("never.xlsx")],
      ["restore", file, "--out", tmp("never.xlsx")],
    ]) {
      const r = await cli(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toMatch(message);
      expect(r.err).toContain(file);
    }
    expect(() => readFileSync(tmp("never.xlsx"))).toThrow();
  });
});
