/** A real annex whose first indicator's name is markup that would run a script if it were ever parsed as HTML. */
import type { Workbook } from "exceljs";
import { analyzeWorkbook, allIndicators } from "../../src/core/analyze";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { loadWorkbook, seedBuffer } from "./workbooks";

export const MARKUP = "<img src=x onerror=window.__xss=1>";

export async function annexWithMarkup(): Promise<{
  workbook: Workbook;
  buffer: Buffer;
  sheet: string;
  address: string;
  name: string;
}> {
  const workbook = await loadWorkbook(seedBuffer("annex-2023-typed.xlsx"));
  const first = allIndicators(analyzeWorkbook(snapshotFromWorkbook(workbook)))[0];
  const name = `${MARKUP} ${first!.name}`;
  workbook.getWorksheet(first!.sheet)!.getCell(first!.nameAddress).value = name;
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { workbook, buffer, sheet: first!.sheet, address: first!.nameAddress, name };
}
