/** Workbook files on disk: read with a clear reason when they cannot be, written atomically. */
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import type { Workbook } from "exceljs";
import { loadWorkbook, saveWorkbook } from "../xlsx/load";

/** A file problem for the user (exit 2), in both languages. */
export class FileError extends Error {
  constructor(readonly pl: string, readonly en: string) {
    super(en);
    this.name = "FileError";
  }
}

export async function readWorkbookFile(path: string): Promise<Workbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(`Nie ma pliku „${path}”.`, `No such file: "${path}".`);
    if (code === "EISDIR") throw new FileError(`„${path}” jest katalogiem, nie plikiem .xlsx.`, `"${path}" is a directory, not an .xlsx file.`);
    throw new FileError(`Nie można odczytać pliku „${path}” (${code}).`, `Cannot read "${path}" (${code}).`);
  }
  try {
    return await loadWorkbook(bytes);
  } catch (e) {
    const err = e as { pl?: string; en?: string; message: string };
    throw new FileError(`${path}: ${err.pl ?? err.message}`, `${path}: ${err.en ?? err.message}`);
  }
}

/** Write through a temporary file and a rename, so that a failed write never leaves half a workbook. */
export async function writeWorkbookFile(wb: Workbook, path: string): Promise<void> {
  const bytes = await saveWorkbook(wb);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(`Nie można zapisać pliku „${path}” (${code}).`, `Cannot write "${path}" (${code}).`);
  }
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
