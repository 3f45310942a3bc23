/**
 * Issue #16, point 2, through the CLI on the seed annex: cells whose fill or content a backup could not give back
 * exactly are left alone and listed with their reason; everything else is written, and restore gives back the
 * file's cells exactly, 1904 date system included.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Workbook } from "exceljs";
import { cliRunner, suiteFolder } from "../helpers/cli";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { ruleCells } from "../../src/core/rules";
import { ownRuleFormulas } from "../../src/xlsx/rules";
import { JOURNAL_SHEET } from "../../src/core/plan";
import { SEEDS } from "../xlsx/helpers";
import { expectEqual } from "../helpers/equal";

jest.setTimeout(60_000);

const SHEET = "Załącznik 5";
const { tmp } = suiteFolder("mops-images-");
const run = cliRunner("en_US.UTF-8", "2026-11-23T18:30:00Z");
const open = async (path: string): Promise<Workbook> => loadWorkbook(readFileSync(path));

async function seedWith(name: string, change: (wb: Workbook) => void): Promise<string> {
  const wb = await open(join(SEEDS, "annex-2023-typed.xlsx"));
  change(wb);
  writeFileSync(tmp(name), await saveWorkbook(wb));
  return tmp(name);
}

/** Every cell's value, formula, format and full style model (fill, font) as ExcelJS reads them. */
function cells(wb: Workbook) {
  const out: Record<string, unknown> = {};
  wb.getWorksheet(SHEET)!.eachRow((row) =>
    row.eachCell((c) => (out[c.address] = { value: c.value, numFmt: c.numFmt, fill: c.fill ?? null })),
  );
  return out;
}

test("colouring writes rules, not fills: a pattern, a gradient and a theme-coloured fill stay as they are, and restore gives back the file", async () => {
  const input = await seedWith("fills.xlsx", (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    // F11, G11, F12 are yearly values the rules cover (see test/excel/before-images for the fake's version)
    ws.getCell("F11").fill = {
      type: "pattern",
      pattern: "darkGrid",
      fgColor: { argb: "FFFF0000" },
      bgColor: { argb: "FFFFFFFF" },
    };
    ws.getCell("G11").fill = {
      type: "gradient",
      gradient: "angle",
      degree: 90,
      stops: [
        { position: 0, color: { argb: "FF4472C4" } },
        { position: 1, color: { argb: "FFFFFFFF" } },
      ],
    };
    ws.getCell("F12").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4, tint: 0.3999755851924192 } as never,
    };
  });
  const original = cells(await open(input));
  const r = await run("apply", input, "--color", "--out", tmp("fills-out.xlsx"));
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/0 fills, [1-9]\d* conditional-format rules/);
  const coloured = await open(tmp("fills-out.xlsx"));
  expectEqual(cells(coloured), original);
  const covered = new Set(ownRuleFormulas(coloured.getWorksheet(SHEET)!).flatMap(ruleCells));
  for (const a of ["F11", "G11", "F12"]) expect(covered.has(a)).toBe(true);
  const back = await run("restore", tmp("fills-out.xlsx"), "--out", tmp("fills-back.xlsx"));
  expect(back.code).toBe(0);
  const restored = await open(tmp("fills-back.xlsx"));
  expectEqual(cells(restored), original);
  expect(ownRuleFormulas(restored.getWorksheet(SHEET)!)).toEqual([]);
  expect(restored.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
});

test("recalculation leaves rich text, a hyperlink and part of an array formula as they are, lists them, and restore gives back the rest", async () => {
  const probe = await probed();
  expect(probe.code).toBe(0);
  const [a, b, c] = probe.written;
  expect(c).toBeDefined();
  const input = await seedWith("content.xlsx", (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    const text = String(ws.getCell(a!).text);
    ws.getCell(a!).value = {
      richText: [{ text: text.slice(0, 1), font: { bold: true } }, { text: text.slice(1) || " " }],
    };
    ws.getCell(b!).value = { text: String(ws.getCell(b!).text), hyperlink: "https://mops.krakow.pl/" };
    ws.getCell(c!).value = { formula: "1+0", result: 1, shareType: "array", ref: c } as never;
  });
  const original = cells(await open(input));
  const r = await run(
    "apply",
    input,
    "--recalculate",
    "--include-changed",
    "--values-only",
    "--out",
    tmp("content-out.xlsx"),
  );
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/text with formatted runs are left as they are/);
  expect(r.out).toMatch(/a hyperlink are left as they are/);
  expect(r.out).toMatch(/part of an array formula are left as they are/);
  const changed = cells(await open(tmp("content-out.xlsx")));
  for (const x of [a, b, c]) expect(changed[x!]).toEqual(original[x!]);
  expect(changed).not.toEqual(original);
  const back = await run("restore", tmp("content-out.xlsx"), "--out", tmp("content-back.xlsx"));
  expect(back.code).toBe(0);
  expectEqual(cells(await open(tmp("content-back.xlsx"))), original);
});

test("a workbook in the 1904 date system: a date the recalculation replaced comes back as the same day", async () => {
  const probe = await probed();
  expect(probe.code).toBe(0);
  const [target] = probe.written;
  const day = new Date(Date.UTC(2023, 11, 31));
  const input = await seedWith("dates-1904.xlsx", (wb) => {
    wb.properties.date1904 = true;
    const cell = wb.getWorksheet(SHEET)!.getCell(target!);
    cell.value = day;
    cell.numFmt = "yyyy-mm-dd";
  });
  // The file stores the 1904 serial; the snapshot reads it as the file has it (as Office.js would).
  const serial = day.getTime() / 86_400_000 + 25_569 - 1_462;
  const sheet = snapshotFromWorkbook(await open(input), [SHEET]).sheets[0];
  const { row, col } = { row: Number(/\d+/.exec(target!)![0]) - 1, col: target!.charCodeAt(0) - 65 };
  expect(sheet!.values[row - sheet!.top]![col - sheet!.left]).toBe(serial);
  const r = await run(
    "apply",
    input,
    "--recalculate",
    "--include-changed",
    "--values-only",
    "--out",
    tmp("dates-out.xlsx"),
  );
  expect(r.code).toBe(0);
  expect((await open(tmp("dates-out.xlsx"))).getWorksheet(SHEET)!.getCell(target!).value).not.toEqual(day);
  const back = await run("restore", tmp("dates-out.xlsx"), "--out", tmp("dates-back.xlsx"));
  expect(back.code).toBe(0);
  const restored = await open(tmp("dates-back.xlsx"));
  expect(restored.properties.date1904).toBe(true);
  expect(restored.getWorksheet(SHEET)!.getCell(target!).value).toEqual(day);
});

/**
 * The seed recalculated with every changed value included: the CLI's exit code and the cells it rewrote (in the
 * order ExcelJS walks them). Run once, when a test first asks, for the tests that pick cells from it.
 */
let probeRun: Promise<{ code: number; written: string[] }> | undefined;
const probed = () =>
  (probeRun ??= (async () => {
    const r = await run(
      "apply",
      join(SEEDS, "annex-2023-typed.xlsx"),
      "--recalculate",
      "--include-changed",
      "--values-only",
      "--out",
      tmp("probe.xlsx"),
    );
    if (r.code !== 0) return { code: r.code, written: [] };
    const seed = cells(await open(join(SEEDS, "annex-2023-typed.xlsx")));
    const written = Object.entries(cells(await open(tmp("probe.xlsx"))))
      .filter(([a, c]) => JSON.stringify(c) !== JSON.stringify(seed[a]))
      .map(([a]) => a);
    return { code: r.code, written };
  })());
