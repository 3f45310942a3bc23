import ExcelJS from "exceljs";
import { join } from "path";
import { SEEDS_DIR } from "../../scripts/seeds/seed-files";

/**
 * Each committed workbook read once per test file: the tests only look at it, and several ask for the same one.
 * A failed read is not kept, so every test that wants the file reports the failure.
 */
const workbooks = new Map<string, Promise<ExcelJS.Workbook>>();

function readSeedWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let read = workbooks.get(file);
  if (!read) {
    const wb = new ExcelJS.Workbook();
    read = wb.xlsx.readFile(join(SEEDS_DIR, file)).then(() => wb);
    read.catch(() => workbooks.delete(file));
    workbooks.set(file, read);
  }
  return read;
}

/** A committed sample workbook's sheet, read back with ExcelJS as a user's file would be. */
export async function readSeedSheet(file: string, sheet: string): Promise<ExcelJS.Worksheet> {
  const wb = await readSeedWorkbook(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file} has no sheet "${sheet}"`);
  return ws;
}

/** Every non-empty cell of a sheet, by A1 address (a merged area once, at its top-left cell). */
export function filledCells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const cells = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const hidden = cell.isMerged && cell.master !== cell;
      if (!hidden && cell.value !== null && cell.value !== "") cells.set(cell.address, cell);
    }),
  );
  return cells;
}

/** How Excel in a Polish locale displays a number under the number formats the seeds use. */
export function displayPolish(value: number, numFmt: string | undefined): string {
  const format = numFmt ?? "General";
  if (format === "General") return String(value).replace(".", ",");
  const percent = format.endsWith("%");
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const [whole, fraction] = (percent ? value * 100 : value).toFixed(decimals).split(".");
  const grouped = format.startsWith("#,##0") ? whole!.replace(/\B(?=(\d{3})+$)/g, " ") : whole;
  return `${grouped}${fraction ? `,${fraction}` : ""}${percent ? "%" : ""}`;
}
