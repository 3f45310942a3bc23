/**
 * Write a changed workbook by patching its original package: the cells the plans wrote, the sheets they added
 * and deleted, and the backup sheet; every other part is copied as it was. ExcelJS stays the reader and the
 * in-memory model the plans are applied to; this decides what of that model goes back into the file.
 */
import type { Workbook, Worksheet } from "exceljs";
import { parseA1 } from "../../core/address";
import { sheetProtected } from "../../core/check";
import { JOURNAL_SHEET, type EditPlan } from "../../core/plan";
import type { StatusRule } from "../../core/rules";
import { fillColor } from "../colors";
import { REL, OpcPackage, WORKSHEET_TYPE } from "./opc";
import { removeParts, unusedPartName } from "./parts";
import { SheetCells, columnStyles } from "./sheet-cells";
import { StyleBook } from "./styles";
import { replaceOwnRules } from "./conditional";
import { transplantSheets } from "./transplant";
import { WorkbookPart, type SheetEntry } from "./workbook-part";
import { NS, child, children, elements, parseXml, serializeXml, type Element } from "./xml";

export interface PatchInput {
  /** The bytes the workbook was read from. */
  original: Uint8Array;
  /** The ExcelJS workbook read from them, after the plans were applied to it. */
  workbook: Workbook;
  /** The plans applied, in order. */
  plans: EditPlan[];
}

/** The patched file, or null when the plans changed nothing (then nothing should be written). */
export async function patchPackage({ original, workbook, plans }: PatchInput): Promise<Uint8Array | null> {
  const pkg = await OpcPackage.open(original);
  const book = await WorkbookPart.open(pkg);
  const before = book.sheets.map((s) => s.name);
  const finalSheets = workbook.worksheets;
  const finalNames = finalSheets.map((ws) => ws.name);

  const replaced = new Set(plans.flatMap((p) => [...p.deleteSheets, ...p.addSheets.map((s) => s.name)]));
  if (await journalChanged(pkg, book, workbook)) replaced.add(JOURNAL_SHEET);
  // Chart sheets (and other kinds ExcelJS does not model) are absent from its workbook, not deleted.
  const deleted = book.sheets.filter(
    (s) => replaced.has(s.name) || (!finalNames.includes(s.name) && s.rel.type === REL.worksheet),
  );
  const kept = new Set(before.filter((name) => !deleted.some((d) => d.name === name)));
  const added = finalSheets.filter((ws) => !kept.has(ws.name));
  const touched = touchedCells(plans, kept);
  const rules = ruleEdits(plans, kept);
  for (const name of rules.keys()) if (!touched.has(name)) touched.set(name, new Map());
  if (deleted.length === 0 && added.length === 0 && touched.size === 0) return null;

  // Everything that could refuse is checked before the first change.
  if (deleted.length > 0 || added.length > 0) book.refuseWhenStructureLocked();
  const shared = await plainSharedStrings(pkg, book);
  const sheetsToPatch = await Promise.all(
    [...touched].map(async ([name, cells]) => {
      const entry = book.sheets.find((s) => s.name === name) as SheetEntry;
      const doc = await pkg.xml(entry.rel.part);
      refuseWhenProtected(doc.documentElement as Element, name);
      const patch = new SheetCells(doc, name, shared);
      for (const address of cells.keys()) patch.checkWritable(address);
      return { entry, doc, patch, cells, ws: workbook.getWorksheet(name) as Worksheet };
    }),
  );

  const stylesPart = await book.partOf(REL.styles);
  if (!stylesPart) throw new Error("The workbook has no styles part");
  const styles = new StyleBook(await pkg.xml(stylesPart));
  let formulas = false;
  for (const { entry, doc, patch, cells, ws } of sheetsToPatch) {
    const colStyles = columnStyles(doc);
    const formulaOf = (address: string) => {
      const { row, col } = parseA1(address);
      return ws.findCell(row + 1, col + 1)?.formula || undefined;
    };
    for (const [address, withValue] of cells) {
      const cell = ws.getCell(address);
      const { c, style } = patch.cell(address, colStyles);
      if (withValue) {
        patch.setValue(c, cell.value, formulaOf);
        formulas ||= child(c, "f") !== null;
      }
      const look = { numFmt: cell.numFmt || "General", fill: fillColor(cell.fill), bold: cell.font?.bold === true };
      patch.setStyle(c, styles.restyle(style, look));
    }
    const sheetRules = rules.get(entry.name);
    if (sheetRules) replaceOwnRules(doc.documentElement as Element, sheetRules, styles);
    pkg.touch(entry.rel.part);
  }
  pkg.touch(stylesPart);

  for (const entry of deleted) {
    await book.removeSheet(entry);
    await removeParts(pkg, [entry.rel.part]);
  }
  const journal = added.find((ws) => ws.name === JOURNAL_SHEET);
  if (journal) await addOwnSheet(pkg, book, journal);
  const others = added.filter((ws) => ws !== journal);
  if (others.length > 0) {
    await transplantSheets(pkg, book, styles, others);
    formulas ||= others.some((ws) => hasFormula(ws));
  }
  book.reorder(before, finalOrder(before, finalNames, new Set(deleted.map((d) => d.name))));

  if (formulas || deleted.length > 0) await dropCalcChain(pkg, book);
  if (formulas) book.fullCalcOnLoad();
  return pkg.save();
}

/**
 * The tab order to write: ExcelJS's, with the sheets it does not model (chart sheets) put back right after the
 * sheet they followed.
 */
function finalOrder(before: string[], excelJs: string[], deleted: Set<string>): string[] {
  const order = [...excelJs];
  before.forEach((name, i) => {
    if (order.includes(name) || deleted.has(name)) return;
    const previous = before
      .slice(0, i)
      .reverse()
      .find((p) => order.includes(p));
    order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, name);
  });
  return order;
}

/** Per sheet kept from the original: each cell the plans wrote, and whether its value (not only its look) changed. */
function touchedCells(plans: EditPlan[], kept: Set<string>): Map<string, Map<string, boolean>> {
  const touched = new Map<string, Map<string, boolean>>();
  for (const plan of plans) {
    for (const edit of plan.edits) {
      if (!kept.has(edit.sheet)) continue;
      const cells = touched.get(edit.sheet) ?? new Map<string, boolean>();
      for (const cell of edit.cells) {
        const withValue = cell.value !== undefined || cell.formula !== undefined;
        cells.set(cell.address, withValue || cells.get(cell.address) === true);
      }
      for (const fill of edit.fills) for (const a of fill.addresses) if (!cells.has(a)) cells.set(a, false);
      if (cells.size > 0) touched.set(edit.sheet, cells);
    }
  }
  return touched;
}

/** Per sheet kept from the original: the add-in's rules the last plan that set them wants there. */
function ruleEdits(plans: EditPlan[], kept: Set<string>): Map<string, StatusRule[]> {
  const out = new Map<string, StatusRule[]>();
  for (const plan of plans)
    for (const edit of plan.edits) if (edit.rules && kept.has(edit.sheet)) out.set(edit.sheet, edit.rules);
  return out;
}

/** Excel's own sheet protection: a protected sheet is not written to (the Office.js path refuses the same). */
function refuseWhenProtected(root: Element, sheet: string): void {
  const protection = child(root, "sheetProtection");
  const on = protection?.getAttribute("sheet");
  if (protection && (on === "1" || on === "true")) {
    throw sheetProtected(sheet);
  }
}

/** Whether the backup sheet's cells differ from the original file's (its presence included). */
async function journalChanged(pkg: OpcPackage, book: WorkbookPart, wb: Workbook): Promise<boolean> {
  const entry = book.sheets.find((s) => s.name === JOURNAL_SHEET);
  const ws = wb.getWorksheet(JOURNAL_SHEET);
  if (!entry || !ws) return Boolean(entry) !== Boolean(ws);
  const now: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => now.push(`${cell.address}=${String(cell.value)}`)));
  const sharedPart = await book.partOf(REL.sharedStrings);
  const shared = sharedPart ? sharedStrings((await pkg.xml(sharedPart)).documentElement as Element) : [];
  const was: string[] = [];
  const data = child((await pkg.xml(entry.rel.part)).documentElement as Element, "sheetData");
  for (const row of data ? children(data, "row") : []) {
    for (const c of children(row, "c")) {
      const v = child(c, "v")?.textContent ?? null;
      const is = child(c, "is");
      const text = c.getAttribute("t") === "s" ? shared[Number(v)] : is ? textOf(is) : v;
      if (text !== null && text !== undefined) was.push(`${c.getAttribute("r")}=${text}`);
    }
  }
  return now.join("\n") !== was.join("\n");
}

function sharedStrings(root: Element): string[] {
  return children(root, "si").map(textOf);
}

/** Shared strings that are plain text (no runs, no phonetics), by text. */
async function plainSharedStrings(pkg: OpcPackage, book: WorkbookPart): Promise<Map<string, number>> {
  const part = await book.partOf(REL.sharedStrings);
  const map = new Map<string, number>();
  if (!part) return map;
  children((await pkg.xml(part)).documentElement as Element, "si").forEach((si, i) => {
    const t = child(si, "t");
    const text = t?.textContent ?? "";
    if (t && elements(si).length === 1 && !map.has(text)) map.set(text, i);
  });
  return map;
}

/** The text of a string item: its <t>s, run by run (phonetic runs left out). */
function textOf(si: Element): string {
  const t = child(si, "t");
  if (t) return t.textContent ?? "";
  return children(si, "r")
    .map((r) => child(r, "t")?.textContent ?? "")
    .join("");
}

/** The backup sheet: a part of our own, values only, very hidden. */
async function addOwnSheet(pkg: OpcPackage, book: WorkbookPart, ws: Worksheet): Promise<void> {
  const part = unusedPartName(pkg, "xl/worksheets/sheet", ".xml");
  const doc = parseXml(`<worksheet xmlns="${NS.main}" xmlns:r="${NS.officeRel}"><sheetData/></worksheet>`, part);
  const cells = new SheetCells(doc, ws.name);
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      cells.setValue(cells.cell(cell.address, new Map()).c, cell.value, () => undefined);
    }),
  );
  pkg.put(part, serializeXml(doc));
  await pkg.setContentType(part, WORKSHEET_TYPE);
  await book.addSheet(ws.name, part, ws.state);
}

function hasFormula(ws: Worksheet): boolean {
  let found = false;
  ws.eachRow((row) => row.eachCell((cell) => (found ||= cell.formula !== undefined && cell.formula !== null)));
  return found;
}

/** calcChain.xml lists formula cells; it is optional and Excel rebuilds it, while a stale one is an error. */
async function dropCalcChain(pkg: OpcPackage, book: WorkbookPart): Promise<void> {
  const rel = (await book.relationships()).find((r) => r.type === REL.calcChain);
  if (!rel) return;
  await pkg.removeRelationship(book.part, rel.id);
  pkg.remove(rel.part);
  await pkg.setContentType(rel.part, null);
}
