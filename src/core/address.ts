/** A1 addresses. Rows and columns are 0-based in code and 1-based in A1 text. */

export interface CellPos {
  row: number;
  col: number;
}

/** Letters already spelled, by column: the adapters and the fake name millions of cells, over a few columns. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  // Excel's columns end at XFD (16 384): the cache stays that small whatever a caller asks.
  if (Number.isInteger(col) && col >= 0 && col < 16_384) LETTERS[col] = s;
  return s;
}

export function toA1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

export function parseA1(address: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  let col = 0;
  const [, letters = "", digits = ""] = m; // both groups are required by the pattern
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, col: col - 1 };
}

export interface RangePos {
  start: CellPos;
  end: CellPos;
}

/** "A1:C3" or "B2" (a single cell) to corners; a sheet prefix ("Arkusz1!A1:B2") is ignored. */
export function parseRange(range: string): RangePos {
  const bare = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [a = "", b] = bare.split(":"); // split always yields one part at least
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeA1(start: CellPos, end: CellPos): string {
  const a = toA1(start.row, start.col);
  const b = toA1(end.row, end.col);
  return a === b ? a : `${a}:${b}`;
}

/** Quote a sheet name for a formula or a link when Excel needs it ("'Załącznik 5'!A1"). */
export function sheetRef(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/**
 * The merged area hiding a cell, or undefined: a cell inside a merged area other than its top-left one. Excel shows
 * nothing there and refuses a write there, so no plan writes or colours such a cell (the one merge rule).
 */
export function mergeHiding(merges: string[]): (row: number, col: number) => string | undefined {
  const areas = merges.map((text) => ({ text, ...parseRange(text) }));
  return (row, col) =>
    areas.find(
      ({ start, end }) =>
        row >= start.row &&
        row <= end.row &&
        col >= start.col &&
        col <= end.col &&
        (row !== start.row || col !== start.col),
    )?.text;
}
