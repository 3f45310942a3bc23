/**
 * What a plan records about what it changes, and how a recorded cell or sheet is found again: sheets by their id
 * (Office's worksheet id or the file's sheet id, else the name), rows by their label cell's text. The rules that
 * decide what may be restored live in plans/restore.ts; these are the shared pieces.
 */
import { parseA1, toA1 } from "./address";
import type { CellBackup, CellImage, RowIdentity, SheetIdentity } from "./plan";
import { readCell, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";

/** The parts of a cell as the snapshot holds it. */
export type ImagePart = keyof CellImage;

/** The named parts of a snapshot cell. */
export function imageOf(sheet: SheetSnapshot, address: string, parts: readonly ImagePart[]): CellImage {
  const { row, col } = parseA1(address);
  const cell = readCell(sheet, row, col);
  const out: CellImage = {};
  for (const part of parts) (out as Record<string, unknown>)[part] = cell[part];
  return out;
}

/** A row's identity from its label cell (an indicator's or component's name), as displayed now. */
export function rowIdentity(sheet: SheetSnapshot, labelAddress: string): RowIdentity {
  const { row, col } = parseA1(labelAddress);
  return { col, text: labelKey(readCell(sheet, row, col).text) };
}

/** A label's first characters, well-formed: enough to tell rows apart, and a small backup for very long names. */
function labelKey(text: string): string {
  return text.slice(0, 200).replace(/[\uD800-\uDBFF]$/, "");
}

/** A backup record: `after` is what the plan writes, `before` the same parts as they are now. */
export function backupOf(sheet: SheetSnapshot, address: string, after: CellImage, labelAddress?: string): CellBackup {
  const before = imageOf(sheet, address, Object.keys(after) as ImagePart[]);
  const row = labelAddress === undefined ? null : rowIdentity(sheet, labelAddress);
  // An empty label identifies nothing: such a row is found by its address only.
  return { sheet: sheet.name, address, before, after, ...(row && row.text.trim() !== "" ? { row } : {}) };
}

/** The identity of a sheet of the snapshot by its current name. */
export function sheetIdentity(wb: WorkbookSnapshot, name: string, mark?: string): SheetIdentity {
  return { name, ...(wb.sheetIds?.[name] ?? {}), ...(mark === undefined ? {} : { mark }) };
}

/** The identities of the sheets named by some backup records. */
export function identitiesOf(wb: WorkbookSnapshot, cells: CellBackup[]): SheetIdentity[] {
  return [...new Set(cells.map((c) => c.sheet))].map((name) => sheetIdentity(wb, name));
}

/**
 * The current name of a recorded sheet, or null when it is gone. An id both sides know decides; a sheet whose id
 * is known and differs is another sheet even under the same name. Without ids, the name decides.
 */
export function findSheet(wb: WorkbookSnapshot, id: SheetIdentity): string | null {
  const ids = wb.sheetIds ?? {};
  for (const key of ["officeId", "fileId"] as const) {
    if (id[key] === undefined) continue;
    const known = wb.sheetNames.filter((n) => ids[n]?.[key] !== undefined);
    if (known.length === 0) continue;
    return known.find((n) => ids[n]?.[key] === id[key]) ?? null;
  }
  if (!wb.sheetNames.includes(id.name)) return null;
  const other = ids[id.name];
  // The same name on a sheet whose id contradicts the record is not the recorded sheet.
  if (
    other &&
    ((id.officeId && other.officeId && other.officeId !== id.officeId) ||
      (id.fileId && other.fileId && other.fileId !== id.fileId))
  )
    return null;
  return id.name;
}

/**
 * Where a recorded cell is now: its own address while its row's label still reads the same there, else the one
 * row whose label cell (same column) reads the same; null when no row or several rows do (moved out of reach).
 */
export function locateCell(sheet: SheetSnapshot, b: CellBackup): string | null {
  const { row, col } = parseA1(b.address);
  if (!b.row) return b.address;
  if (labelKey(readCell(sheet, row, b.row.col).text) === b.row.text) return b.address;
  const found: number[] = [];
  for (const [r, line] of sheet.text.entries())
    if (labelKey(line[b.row.col - sheet.left] ?? "") === b.row.text) found.push(r + sheet.top);
  const [only, ...others] = found;
  return only !== undefined && others.length === 0 ? toA1(only, col) : null;
}
