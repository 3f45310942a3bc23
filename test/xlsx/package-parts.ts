/**
 * Packages compared part by part and cell by cell: what the keep-package suites (test/xlsx/keep-package.test.ts,
 * and test/e2e/libreoffice/package.test.ts for the files LibreOffice writes and reads) ask of the CLI's output.
 */
import { readFileSync, writeFileSync } from "fs";
import type { CliResult } from "../helpers/cli";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { everythingWorkbook, partsOf } from "./corpus";
import { sheetFields } from "../helpers/sheet-fields";

/** Which parts differ between two packages: changed, added, removed. */
export async function diff(
  a: Uint8Array,
  b: Uint8Array,
): Promise<{ changed: string[]; added: string[]; removed: string[] }> {
  const [pa, pb] = [await partsOf(a), await partsOf(b)];
  const changed = [...pa.keys()].filter((k) => pb.has(k) && !pa.get(k)?.equals(pb.get(k) as Buffer)).sort();
  const added = [...pb.keys()].filter((k) => !pa.has(k)).sort();
  const removed = [...pa.keys()].filter((k) => !pb.has(k)).sort();
  return { changed, added, removed };
}

export async function part(bytes: Uint8Array, name: string): Promise<string> {
  return ((await partsOf(bytes)).get(name) as Buffer).toString("utf8");
}

/** Every <c> element of a sheet part, as written. */
export async function cellsOf(bytes: Uint8Array, name: string): Promise<string[]> {
  return (await part(bytes, name)).match(/<c [^>]*?(?:\/>|>.*?<\/c>)/g) ?? [];
}

export async function cellState(bytes: Uint8Array) {
  const fields = ["top", "left", "values", "formulas", "numberFormat", "fill", "bold", "ownRules"] as const;
  const { sheetNames: names, sheets } = sheetFields(snapshotFromWorkbook(await loadWorkbook(bytes)), fields);
  return { names, sheets };
}

export const SHEET = "xl/worksheets/sheet1.xml";
/** What colouring or recalculating may change: the edited sheet, styles, and what registers the backup sheet. */
export const MAY_CHANGE = [
  "[Content_Types].xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/workbook.xml",
  SHEET,
];

/**
 * The macro-enabled workbook with everything (./corpus), recalculated and coloured by the CLI in the suite's
 * folder.
 */
export async function everythingColored(
  run: (...argv: string[]) => Promise<CliResult>,
  tmp: (name: string) => string,
): Promise<{ original: Uint8Array; colored: Uint8Array }> {
  const original = await everythingWorkbook();
  writeFileSync(tmp("every.xlsm"), original);
  const out = tmp("every-colored.xlsm");
  const r = await run("apply", tmp("every.xlsm"), "--recalculate", "--include-changed", "--color", "--out", out);
  expect(r.code).toBe(0);
  return { original, colored: readFileSync(out) };
}
