/** The recogniser on the seed workbooks as files, read through the ExcelJS adapter. */
import ExcelJS from "exceljs";
import { join } from "path";
import { recognizeSheet } from "../../src/core/recognize";
import type { Indicator, SheetRecognition, ValueCell } from "../../src/core/model";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../helpers/typed-sheet";

async function recognizeFile(file: string): Promise<SheetRecognition[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SEEDS, file));
  return snapshotFromWorkbook(wb).sheets.map(recognizeSheet);
}

/** What a reader sees of an indicator: where each value is and what it means (not how it was typed). */
function meaning(ind: Indicator) {
  const v = (c: ValueCell | null | undefined) => (c ? [c.address, c.parsed.kind, c.parsed.value, c.parsed.decimals] : null);
  const years = (values: Indicator["values"]) => Object.fromEntries(Object.entries(values).map(([y, c]) => [y, v(c)]));
  return {
    row: ind.row,
    number: ind.number,
    name: ind.name,
    code: ind.code,
    domain: ind.domain,
    direction: ind.direction,
    trend: ind.trend,
    baseline: v(ind.baseline),
    target: v(ind.target),
    values: years(ind.values),
    components: ind.components.map((c) => ({ row: c.row, name: c.name, baseline: v(c.baseline), values: years(c.values) })),
    subRows: ind.subRows.map((c) => ({ row: c.row, name: c.name, trend: c.trend, baseline: v(c.baseline), values: years(c.values) })),
  };
}

describe("seed workbooks", () => {
  test("the 2023 annex as typed and as true numbers with merged headers read the same", async () => {
    const [typed] = await recognizeFile("annex-2023-typed.xlsx");
    const [numbers] = await recognizeFile("annex-2023-numbers.xlsx");
    expect(typed.tables).toHaveLength(1);
    expect(typed.tables[0].indicators).toHaveLength(99);
    expect(numbers.tables[0].years).toEqual([2021, 2022, 2023]);
    expect(numbers.tables[0].indicators.map(meaning)).toEqual(typed.tables[0].indicators.map(meaning));
    // the numbers really are numbers there, and typed text in the other
    const w19 = (r: SheetRecognition) => r.tables[0].indicators[0].values[2021]?.parsed;
    expect(w19(typed)).toMatchObject({ typedAsText: true, value: 0.89 });
    expect(w19(numbers)).toMatchObject({ typedAsText: false, value: 0.89 });
  });
});
