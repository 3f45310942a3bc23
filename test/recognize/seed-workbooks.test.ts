/** The recogniser on the seed workbooks as files, read through the ExcelJS adapter. */
import ExcelJS from "exceljs";
import { join } from "path";
import { recognizeSheet } from "../../src/core/recognize";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { SheetRecognition } from "../../src/core/model";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { buildReport } from "../../src/core/report";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../helpers/typed-sheet";

/** Each seed read once for the file (the 2023 annexes are asked twice); every caller gets its own copy. */
const read = new Map<string, Promise<WorkbookSnapshot>>();

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  if (!read.has(file)) {
    const wb = new ExcelJS.Workbook();
    read.set(
      file,
      wb.xlsx.readFile(join(SEEDS, file)).then(() => snapshotFromWorkbook(wb)),
    );
  }
  return structuredClone(await read.get(file)!);
}

async function recognizeFile(file: string): Promise<SheetRecognition[]> {
  return (await snapshotOf(file)).sheets.map(recognizeSheet);
}

/**
 * What a reader sees of a workbook, in the JSON report: where each value is, what it means and what the engine
 * concludes from it (ratios, statuses), but not how it was typed.
 */
async function meaning(file: string) {
  const report = buildReport(file, analyzeWorkbook(await snapshotOf(file)));
  return JSON.parse(JSON.stringify(report.sheets, (key, value) => (key === "text" ? undefined : value)));
}

describe("seed workbooks", () => {
  test("the 2023 annex as typed and as true numbers with merged headers read the same", async () => {
    const [typed] = await recognizeFile("annex-2023-typed.xlsx");
    const [numbers] = await recognizeFile("annex-2023-numbers.xlsx");
    expect(typed!.tables).toHaveLength(1);
    expect(typed!.tables[0]!.indicators).toHaveLength(99);
    expect(numbers!.tables[0]!.years).toEqual([2021, 2022, 2023]);
    expect(await meaning("annex-2023-numbers.xlsx")).toEqual(await meaning("annex-2023-typed.xlsx"));
    // the numbers really are numbers there, and typed text in the other
    const w19 = (r: SheetRecognition) => r.tables[0]!.indicators[0]!.values[2021]?.parsed;
    expect(w19(typed!)).toMatchObject({ typedAsText: true, value: 0.89 });
    expect(w19(numbers!)).toMatchObject({ typedAsText: false, value: 0.89 });
  });
});

describe("other editions and layouts", () => {
  test("the 2022 and 2021 editions read with their own year sets", async () => {
    const [e2022] = await recognizeFile("annex-2022.xlsx");
    const [e2021] = await recognizeFile("annex-2021.xlsx");
    expect(e2022!.tables.map((t) => t.years)).toEqual([[2021, 2022]]);
    expect(e2021!.tables.map((t) => t.years)).toEqual([[2021]]);
    // the 2022 edition has its own 2022 value for W18_W: 1 757 / 4 074 = 43 %
    const w18 = e2022!.tables[0]!.indicators.find((i) => i.code === "W18_W");
    expect(w18?.values[2022]?.parsed.value).toBeCloseTo(0.43, 10);
    expect(w18?.components.map((c) => c.values[2022]?.parsed.value)).toEqual([1757, 4074]);
    const domains = new Set(e2022!.tables[0]!.indicators.map((i) => i.domain));
    expect(domains.size).toBe(4);
  });

  test("the results declaration (seed 004) is an indicator table: code from 'Wskaźnik', trend from 'Tak, aby'", async () => {
    const [decl] = await recognizeFile("declaration-2025.xlsx");
    expect(decl!.tables).toHaveLength(1);
    const t = decl!.tables[0];
    expect(t!.layout).toBe("declaration");
    expect(t!.years).toEqual([2023]);
    expect(
      t!.indicators.map((i) => [
        i.code,
        i.trend,
        i.baseline?.parsed.value,
        i.target?.parsed.value,
        i.values[2023]?.parsed.value,
      ]),
    ).toEqual([
      ["W39_W", "decrease", 0.105, 0.05, 0.0585],
      ["W38_W", "increase", 0.004, 0.012, 0.009],
      ["W17_W", "increase", 0.021, 0.025, 0.017],
    ]);
  });

  test("the county table and plain data are declined with a message, never invented", async () => {
    const county = await recognizeFile("county-pcpr.xlsx");
    expect(county.flatMap((s) => s.tables)).toEqual([]);
    expect(county[0]!.message?.pl).toMatch(/nie jest tabela wskaźników/);
    const plain = await recognizeFile("plain-data.xlsx");
    expect(plain.flatMap((s) => s.tables)).toEqual([]);
    expect(plain.every((s) => s.message !== undefined)).toBe(true);
  });
});
