/** Opening .xlsx bytes with ExcelJS, with a clear reason when they are not a workbook we can read. */
import { LocalizedError } from "../core/message";
import { Workbook } from "exceljs";
import { readableCopy } from "./ooxml/repair";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: a password-protected (encrypted) .xlsx, or an old .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The workbook in the bytes, or a LocalizedError saying why they are not one (not .xlsx, encrypted, damaged). */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (startsWith(data, CFB)) {
    throw new LocalizedError(
      "Plik jest chroniony hasłem (zaszyfrowany) albo jest starym plikiem .xls; zapisz go w Excelu jako .xlsx bez hasła.",
      "The file is password-protected (encrypted) or an old .xls file; save it from Excel as .xlsx without a password.",
    );
  }
  if (!startsWith(data, ZIP)) {
    throw new LocalizedError("To nie jest plik Excela .xlsx.", "This is not an Excel .xlsx file.");
  }
  let wb: Workbook;
  try {
    wb = await excelJsLoad(data).catch(async (first) => {
      // A package ExcelJS misreads (openpyxl's absolute targets): read a repaired copy, or report the first error.
      const copy = await readableCopy(data).catch(() => Promise.reject(first));
      return excelJsLoad(copy).catch(() => Promise.reject(first));
    });
  } catch (e) {
    throw new LocalizedError(
      `Plik .xlsx jest uszkodzony i nie daje się otworzyć (${(e as Error).message}).`,
      `The .xlsx file is damaged and cannot be opened (${(e as Error).message}).`,
    );
  }
  if (wb.worksheets.length === 0) {
    // a zip without sheets is some other zip (or a workbook stripped of them): either way nothing to open
    throw new LocalizedError(
      "To nie jest skoroszyt Excela .xlsx (plik ZIP bez arkuszy).",
      "This is not an Excel .xlsx workbook (a ZIP file without sheets).",
    );
  }
  return wb;
}

async function excelJsLoad(data: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  // ExcelJS's typings want a Node Buffer; at run time it takes any byte array (the browser has no Buffer).
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}
