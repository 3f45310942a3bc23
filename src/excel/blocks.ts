/**
 * Pure helpers that turn an edit plan's cell lists into as few Office calls as possible:
 * rectangles written with one 2-D array each, and address lists for multi-area ranges.
 */
import { parseA1, parseRange, rangeA1, toA1, type CellPos } from "../core/address";
import type { CellEdit } from "../core/plan";

/** A rectangle of cells written with one 2-D array assignment; a null item leaves its cell alone. */
export interface Block<T> {
  address: string;
  top: number;
  left: number;
  rows: (T | null)[][];
}

/**
 * Group cells into rectangles: horizontal runs of adjacent columns per row, then runs with the same
 * columns on consecutive rows stacked into one rectangle. Plans write year columns side by side and
 * indicator rows one under another, so this usually gives one block per table column band.
 */
export function rectangles<T>(cells: { pos: CellPos; item: T }[]): Block<T>[] {
  const sorted = [...cells].sort((a, b) => a.pos.row - b.pos.row || a.pos.col - b.pos.col);
  const runs: { row: number; left: number; items: T[] }[] = [];
  for (const { pos, item } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === pos.row && last.left + last.items.length === pos.col) last.items.push(item);
    else if (last && last.row === pos.row && last.left + last.items.length > pos.col)
      last.items[pos.col - last.left] = item;
    else runs.push({ row: pos.row, left: pos.col, items: [item] });
  }
  const open = new Map<string, { top: number; left: number; rows: T[][] }>();
  const done: { top: number; left: number; rows: T[][] }[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.items.length}`;
    const rect = open.get(key);
    if (rect && rect.top + rect.rows.length === run.row) {
      rect.rows.push(run.items);
      continue;
    }
    if (rect) done.push(rect);
    open.set(key, { top: run.row, left: run.left, rows: [run.items] });
  }
  done.push(...open.values());
  return done
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((r) => ({
      ...r,
      address: rangeA1(
        { row: r.top, col: r.left },
        // a rectangle starts with one row, and all its rows are as wide
        { row: r.top + r.rows.length - 1, col: r.left + (r.rows[0]?.length ?? 0) - 1 },
      ),
    }));
}

/** Addresses as compact A1 rectangles ("D5:F9"), so a multi-area range needs fewer, shorter areas. */
export function compactAddresses(addresses: string[]): string[] {
  return rectangles(addresses.map((a) => ({ pos: parseA1(a), item: true }))).map((b) => b.address);
}

/**
 * Split a list of areas into comma-joined address strings no longer than maxChars. Worksheet.getRanges
 * has no documented limit, but long lists fail unpredictably above about 8 000 characters
 * (OfficeDev/office-js#5198), so callers stay well below that.
 */
export function addressLists(areas: string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current && current.length + 1 + area.length > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * What one cell edit assigns through Range.formulas: the formula, else the value. An empty string
 * clears the cell; null leaves it unchanged. Text gets Excel's apostrophe prefix so that Excel stores
 * it as typed ("5 120" stays text, "=x" is not a formula); the apostrophe is not part of the value.
 */
export function formulaInput(edit: CellEdit): string | number | boolean | null {
  if (edit.formula !== undefined) return edit.formula;
  if (edit.value === undefined) return null;
  if (edit.value === null) return "";
  if (typeof edit.value === "string") return edit.value === "" ? "" : `'${edit.value}`;
  return edit.value;
}

/** Does the rectangle of a block touch one of the merged areas? */
export function touchesMerge(address: string, merges: string[]): boolean {
  const a = parseRange(address);
  return merges.some((m) => {
    const b = parseRange(m);
    return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
  });
}

/** Split a block into blocks of at most `rowsPerBlock` rows each (for the request size limit). */
export function splitRows<T>(block: Block<T>, rowsPerBlock: number): Block<T>[] {
  if (block.rows.length <= rowsPerBlock) return [block];
  const parts: Block<T>[] = [];
  const width = block.rows[0]?.length ?? 0; // more than rowsPerBlock rows, so a first one
  for (let i = 0; i < block.rows.length; i += rowsPerBlock) {
    const rows = block.rows.slice(i, i + rowsPerBlock);
    const top = block.top + i;
    parts.push({
      top,
      left: block.left,
      rows,
      address: rangeA1({ row: top, col: block.left }, { row: top + rows.length - 1, col: block.left + width - 1 }),
    });
  }
  return parts;
}

/** One block per cell, for writes next to merged cells, which Excel refuses as part of a larger array. */
export function singleCells<T>(block: Block<T>): Block<T>[] {
  return block.rows.flatMap((row, r) =>
    row.map((item, c) => ({
      top: block.top + r,
      left: block.left + c,
      rows: [[item]],
      address: toA1(block.top + r, block.left + c),
    })),
  );
}

/** The areas of an Office multi-area address ("'Zał. 5'!A1:B2, 'Zał. 5'!D4") without sheet names or "$". */
export function areasOf(address: string): string[] {
  return [...address.matchAll(/!?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=,|\s|$)/g)].map((m) =>
    m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`,
  );
}
