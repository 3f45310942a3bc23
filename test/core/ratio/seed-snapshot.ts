import ExcelJS from "exceljs";
import { join } from "path";
import { formatValue } from "../../../src/core/format";
import { emptySheet, type RawValue, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/snapshot";

/**
 * A seed workbook's first sheet as a snapshot: a minimal reader of the cells the seeds hold (text, numbers with a
 * format, formulas with a cached result), so that the ratio tests run on the real files.
 */
export async function readSeedSnapshot(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(__dirname, "..", "..", "..", "seeds", file));
  const ws = wb.worksheets[0];
  const sheet = emptySheet(ws.name, ws.rowCount, ws.columnCount);
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const format = cell.numFmt || "General";
      const raw = rawValue(cell.value);
      sheet.values[r - 1][c - 1] = raw;
      sheet.numberFormat[r - 1][c - 1] = format;
      sheet.text[r - 1][c - 1] = formatValue(raw, format);
      sheet.bold[r - 1][c - 1] = cell.font?.bold === true;
      const v = cell.value;
      if (v && typeof v === "object" && "formula" in v) sheet.formulas[r - 1][c - 1] = `=${v.formula}`;
    }),
  );
  sheet.merges = [...((ws.model as { merges?: string[] }).merges ?? [])];
  return { sheetNames: [ws.name], sheets: [sheet], journal: [] };
}

function rawValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "formula" in v) return rawValue(v.result as ExcelJS.CellValue);
  throw new Error(`The seed reader does not know this cell value: ${JSON.stringify(v)}`);
}

export type { SheetSnapshot };
