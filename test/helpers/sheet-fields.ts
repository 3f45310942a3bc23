import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/** The sheet list and the named fields of every sheet read: what a test compares of two workbooks. */
export function sheetFields<K extends keyof SheetSnapshot>(snap: WorkbookSnapshot, fields: readonly K[]) {
  return {
    sheetNames: snap.sheetNames,
    sheets: snap.sheets.map((sheet) => Object.fromEntries(fields.map((f) => [f, sheet[f]])) as Pick<SheetSnapshot, K>),
  };
}
