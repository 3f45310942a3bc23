/** Workbook files on disk: read with a clear reason when they cannot be, written atomically. */
import { LocalizedError, verbatim } from "../core/message";
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import type { Workbook } from "exceljs";
import { loadWorkbook } from "../xlsx/load";

/** A file problem for the user (exit 2), in both languages. */
export class FileError extends LocalizedError {}

/** A workbook and the bytes it was read from (the writer patches those). */
export interface WorkbookFile {
  bytes: Uint8Array;
  workbook: Workbook;
}

export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(`Nie ma pliku „${path}”.`, `No such file: "${path}".`);
    if (code === "EISDIR")
      throw new FileError(
        `„${path}” jest katalogiem, nie plikiem .xlsx.`,
        `"${path}" is a directory, not an .xlsx file.`,
      );
    throw new FileError(`Nie można odczytać pliku „${path}” (${code}).`, `Cannot read "${path}" (${code}).`);
  }
  try {
    return { bytes: new Uint8Array(bytes), workbook: await loadWorkbook(bytes) };
  } catch (e) {
    const { pl, en } = e instanceof LocalizedError ? e : verbatim((e as Error).message);
    throw new FileError(`${path}: ${pl}`, `${path}: ${en}`);
  }
}

/**
 * Write through a temporary file in the same folder and a rename, so that a failed write never leaves half a
 * workbook. Replacing a file (--in-place) writes the file a symlink points to, with the old file's mode and owner.
 */
export async function writeWorkbookFile(bytes: Uint8Array, path: string, replace: boolean): Promise<void> {
  const target = replace ? await fs.realpath(path).catch(() => path) : path;
  const old = replace ? await fs.stat(target).catch(() => null) : null;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { mode: old ? old.mode & 0o7777 : 0o666 });
    if (old) {
      await fs.chmod(tmp, old.mode & 0o7777);
      const mine = await fs.stat(tmp);
      if (mine.uid !== old.uid || mine.gid !== old.gid) await fs.chown(tmp, old.uid, old.gid);
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EPERM" && old) {
      throw new FileError(
        `Nie można zapisać „${path}” z zachowaniem jego właściciela; plik nie został zmieniony (zapisz wynik przez --out).`,
        `Cannot write "${path}" keeping its owner; the file was not changed (write the result with --out).`,
      );
    }
    throw new FileError(`Nie można zapisać pliku „${path}” (${code}).`, `Cannot write "${path}" (${code}).`);
  }
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
