/**
 * Apply an edit plan to the workbook: one read for the pre-checks, the backup (write-ahead), then the changes, one
 * sync each (more only when the plan exceeds Excel on the web's 5 MB request limit).
 */
import { columnLetters, parseA1 } from "../core/address";
import { serialiseJournal } from "../core/journal";
import { JOURNAL_SHEET, type CellEdit, type EditPlan, type FillEdit, type NewSheet } from "../core/plan";
import type { StatusRule } from "../core/rules";
import {
  addressLists,
  areasOf,
  compactAddresses,
  formulaInput,
  rectangles,
  singleCells,
  splitRows,
  touchesMerge,
  type Block,
} from "./blocks";
import { checkPlan, type WorkbookState } from "../core/check";
import { addRule, requestOwnRules } from "./rules";

/**
 * Characters of payload per sync. Excel on the web refuses requests over 5 MB; Polish text takes up to
 * two bytes a character and the request carries JSON framing, so a plan is split well below that.
 */
export const REQUEST_BUDGET = 2_000_000;
/** Longest address list given to one getRanges call (see addressLists). */
export const ADDRESS_LIST_CHARS = 2_000;

/** Writes queued on the context, synced whenever the next one would overflow the request budget. */
class WriteQueue {
  private used = 0;
  constructor(private readonly context: Excel.RequestContext) {
    context.application.suspendApiCalculationUntilNextSync();
  }
  async add(size: number, write: () => void): Promise<void> {
    if (this.used > 0 && this.used + size > REQUEST_BUDGET) await this.flush();
    write();
    this.used += size;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.used = 0;
    this.context.application.suspendApiCalculationUntilNextSync();
  }
}

/**
 * The pre-check read (src/core/check.ts decides): every sheet's name, and the existence, protection, merged areas,
 * position and expected cells of each sheet the plan touches.
 */
async function readState(context: Excel.RequestContext, plan: EditPlan) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const edited = new Set(plan.edits.map((e) => e.sheet));
  const expect = plan.expect ?? [];
  const names = new Set([
    ...edited,
    ...plan.deleteSheets,
    ...plan.addSheets.flatMap((s) => [s.name, s.after]),
    ...expect.map((e) => e.sheet),
    JOURNAL_SHEET,
  ]);
  const probes = [...names].map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load("position,protection/protected");
    const merged = edited.has(name) ? sheet.getUsedRangeOrNullObject().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    // A sheet about to be deleted that is empty carries nothing (one the add-in created but could not fill).
    // Values only: a creation interrupted after the number formats (text "@") holds nothing a user typed.
    const used = plan.deleteSheets.includes(name) ? sheet.getUsedRangeOrNullObject(true) : null;
    used?.load("address");
    const addresses = expect.filter((e) => e.sheet === name).map((e) => ({ pos: parseA1(e.address), item: e.address }));
    const cells = rectangles(addresses).map((block) => {
      const range = sheet.getRange(block.address);
      range.load("formulas");
      return { block, range };
    });
    return { name, sheet, merged, used, cells };
  });
  // The add-in's rules now on each sheet whose rules the plan replaces: deleted in the change phase.
  const rules = probes
    .filter((p) => plan.edits.some((e) => e.sheet === p.name && e.rules))
    .map(({ name, sheet }) => ({ name, sheet, own: requestOwnRules(sheet) }));
  const workbookProtection = context.workbook.protection;
  workbookProtection.load("protected");
  await context.sync();

  const state: WorkbookState = {
    structureProtected: workbookProtection.protected,
    sheetNames: worksheets.items.map((s) => s.name),
    sheets: {},
  };
  const positions: Record<string, number> = {};
  for (const { name, sheet, merged, used, cells } of probes) {
    if (sheet.isNullObject) continue;
    const current: Record<string, unknown> = {};
    for (const { block, range } of cells)
      block.rows.forEach((row, r) =>
        row.forEach((address, c) => address && (current[address] = range.formulas[r]?.[c])),
      );
    state.sheets[name] = {
      protected: sheet.protection.protected,
      merges: merged && !merged.isNullObject ? areasOf(merged.address) : [],
      empty: used?.isNullObject === true,
      current,
    };
    positions[name] = sheet.position;
  }
  const ownRules = Object.fromEntries(rules.map(({ name, sheet, own }) => [name, sheet.isNullObject ? [] : own()]));
  return { state, positions, ownRules };
}

/** Values, formulas and number formats as one 2-D array per rectangle; bold as one multi-area range per value. */
async function writeCells(queue: WriteQueue, sheet: Excel.Worksheet, cells: CellEdit[], merges: string[]) {
  const blocks = rectangles(cells.map((c) => ({ pos: parseA1(c.address), item: c })))
    .flatMap((b) => (touchesMerge(b.address, merges) ? singleCells(b) : [b]))
    .flatMap((b) => splitRows(b, Math.max(1, Math.floor((b.rows.length * REQUEST_BUDGET) / 2 / payload(b).size))));
  for (const block of blocks) {
    const { inputs, formats, size } = payload(block);
    await queue.add(size, () => {
      const range = sheet.getRange(block.address);
      // The format first, so that a value written next is shown (and, for text, kept) as intended.
      if (formats) range.numberFormat = formats;
      if (inputs) range.formulas = inputs;
    });
  }
  for (const bold of [true, false]) {
    const addresses = cells.filter((c) => c.bold === bold).map((c) => c.address);
    await forAreas(queue, sheet, addresses, (areas) => (areas.format.font.bold = bold));
  }
}

/** Per-call overhead of a request (object path, method, property name), in characters. */
const CALL_OVERHEAD = 200;

/** The 2-D arrays a block sends (null when it sends none) and their size in the request. */
function payload(block: Block<CellEdit>) {
  const inputs = block.rows.map((row) => row.map((e) => (e ? formulaInput(e) : null)));
  const formats = block.rows.map((row) => row.map((e) => e?.numberFormat ?? null));
  const any = (grid: unknown[][]) => grid.some((row) => row.some((v) => v !== null));
  const sent = { inputs: any(inputs) ? inputs : null, formats: any(formats) ? formats : null };
  return { ...sent, size: CALL_OVERHEAD + block.address.length + JSON.stringify(sent).length };
}

/** Fills as one getRanges multi-area range per colour (a few when the address list is very long). */
async function writeFills(queue: WriteQueue, sheet: Excel.Worksheet, fills: FillEdit[]) {
  for (const fill of fills)
    await forAreas(queue, sheet, fill.addresses, (areas) => {
      if (fill.color) areas.format.fill.color = fill.color;
      else areas.format.fill.clear();
    });
}

/** The add-in's earlier rules deleted (found by their marker at the pre-check), then the plan's added. */
async function replaceRules(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  old: Excel.ConditionalFormat[],
  rules: StatusRule[],
) {
  for (const format of old) await queue.add(CALL_OVERHEAD, () => format.delete());
  // sharedRules lists a range's statuses one after another: they go in through one RangeAreas.
  let areas: { range: string; formats: Excel.ConditionalFormatCollection } | null = null;
  for (const rule of rules)
    await queue.add(CALL_OVERHEAD * 4 + rule.range.length + rule.formula.length, () => {
      if (areas?.range !== rule.range)
        areas = { range: rule.range, formats: sheet.getRanges(rule.range).conditionalFormats };
      addRule(areas.formats, rule);
    });
}

async function forAreas(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  addresses: string[],
  write: (areas: Excel.RangeAreas) => void,
) {
  if (addresses.length === 0) return;
  for (const list of addressLists(compactAddresses(addresses), ADDRESS_LIST_CHARS))
    await queue.add(CALL_OVERHEAD + list.length, () => write(sheet.getRanges(list)));
}

/** Excel measures column widths in points; a width of n characters of the default font is about 7n + 5 pixels. */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

async function addSheet(
  queue: WriteQueue,
  worksheets: Excel.WorksheetCollection,
  spec: NewSheet,
  position: number | null,
) {
  const sheet = worksheets.add(spec.name);
  if (position !== null) sheet.position = position;
  await writeCells(queue, sheet, spec.cells, []);
  await writeFills(queue, sheet, spec.fills);
  for (const link of spec.links)
    await queue.add(link.target.length + link.text.length, () => {
      sheet.getRange(link.address).hyperlink = { documentReference: link.target, textToDisplay: link.text };
    });
  await queue.add(spec.columnWidths.length * 20, () => {
    spec.columnWidths.forEach(
      (w, c) => (sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = charsToPoints(w)),
    );
    if (spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
    if (spec.table) {
      const table = sheet.tables.add(spec.table.range, true);
      table.name = spec.table.name;
      table.style = spec.table.style;
    }
    if (spec.chart) {
      const chart = sheet.charts.add("BarStacked", sheet.getRange(spec.chart.dataRange), "Columns");
      chart.title.text = spec.chart.title;
      chart.setPosition(spec.chart.anchor);
    }
    sheet.pageLayout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.titleRows) sheet.pageLayout.setPrintTitleRows(`$${spec.print.titleRows.replace(":", ":$")}`);
    if (spec.print.paper === "A4") sheet.pageLayout.paperSize = "A4";
    if (spec.print.area) sheet.pageLayout.setPrintArea(spec.print.area);
    for (const v of spec.validations ?? [])
      sheet.getRange(v.range).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    for (const c of spec.hiddenColumns ?? [])
      sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).columnHidden = true;
  });
}

/**
 * The journal lives on a very hidden sheet, one chunk per cell. A new journal is written beside the old one, in the
 * other of columns A and B (by generation), and synced; only then is the old column cleared (clearOldJournal). The
 * reader takes the newest complete generation, so no failure leaves the backup empty or half-written. The sheet's
 * visibility is set only when it is created: setting it is among the calls that clear Excel's undo history.
 */
async function writeJournal(
  queue: WriteQueue,
  worksheets: Excel.WorksheetCollection,
  { chunks, generation }: Chunks,
  exists: boolean,
): Promise<void> {
  const sheet = exists ? worksheets.getItem(JOURNAL_SHEET) : worksheets.add(JOURNAL_SHEET);
  if (!exists) await queue.add(CALL_OVERHEAD, () => (sheet.visibility = "VeryHidden"));
  const column = journalColumn(generation);
  for (const { first, items, size } of batches(chunks)) {
    const rows = items.map((c) => [formulaInput({ address: "A1", value: c })]);
    const address = `${column}${first + 1}:${column}${first + items.length}`;
    await queue.add(size, () => (sheet.getRange(address).formulas = rows));
  }
}

/** Consecutive chunks in runs of one chunk or more, each run as large as fits half a request. */
function batches(chunks: string[]): { first: number; items: string[]; size: number }[] {
  const out: { first: number; items: string[]; size: number }[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const open = out[out.length - 1];
    if (open && open.size + chunk.length < REQUEST_BUDGET / 2) {
      open.items.push(chunk);
      open.size += chunk.length;
    } else out.push({ first: i, items: [chunk], size: CALL_OVERHEAD + chunk.length });
  }
  return out;
}

/** The plan's journal as the chunks to store, serialised once, with its generation. */
interface Chunks {
  chunks: string[];
  generation: number;
}

/** Column of a journal generation's chunks: generations alternate between A and B. */
function journalColumn(generation: number): "A" | "B" {
  return generation % 2 === 0 ? "A" : "B";
}

/** After the new journal is in place: clear the other column, or delete the sheet when the journal is now empty. */
async function clearOldJournal(
  queue: WriteQueue,
  worksheets: Excel.WorksheetCollection,
  { chunks, generation }: Chunks,
): Promise<void> {
  if (chunks.length === 0) {
    await queue.add(CALL_OVERHEAD, () => {
      const sheet = worksheets.getItem(JOURNAL_SHEET);
      // Excel deletes a very hidden sheet only once it is visible again.
      sheet.visibility = "Visible";
      sheet.delete();
    });
    return;
  }
  const old = journalColumn(generation) === "A" ? "B" : "A";
  await queue.add(CALL_OVERHEAD, () => worksheets.getItem(JOURNAL_SHEET).getRange(`${old}:${old}`).clear("Contents"));
}

/** The journal the workbook holds now, as the plan was made from it, is replaced by the plan's journal. */
function journalChanges(journal: Chunks, exists: boolean): boolean {
  return journal.chunks.length > 0 || exists;
}

/**
 * Apply a plan in three requests after the pre-check: the backup first (write-ahead: synced before the first change
 * to the user's cells or sheets), then the changes, then the old copy of the backup is cleared. A restore, whose
 * entries may leave the backup only once their cells are back, writes its cells first and the journal after.
 */
export async function applyPlan(context: Excel.RequestContext, plan: EditPlan): Promise<void> {
  const { state, positions, ownRules } = await readState(context, plan);
  const refusal = checkPlan(plan, state);
  if (refusal) throw refusal;

  const worksheets = context.workbook.worksheets;
  const exists = JOURNAL_SHEET in state.sheets;
  const queue = new WriteQueue(context);
  const journal = { chunks: serialiseJournal(plan.journal), generation: plan.journal.generation };
  const journalFirst = plan.action !== "restore" && journal.chunks.length > 0;
  if (journalFirst) {
    await writeJournal(queue, worksheets, journal, exists);
    await queue.flush();
  }
  const deleted = plan.deleteSheets.filter((name) => name in state.sheets);
  for (const name of deleted) await queue.add(100, () => worksheets.getItem(name).delete());
  for (const edit of plan.edits) {
    const sheet = worksheets.getItem(edit.sheet);
    await writeCells(queue, sheet, edit.cells, state.sheets[edit.sheet]?.merges ?? []);
    await writeFills(queue, sheet, edit.fills);
    if (edit.rules) await replaceRules(queue, sheet, ownRules[edit.sheet] ?? [], edit.rules);
  }
  for (const spec of plan.addSheets) {
    const after = positions[spec.after];
    // Positions were read before the deletions above; a deleted sheet in front of `after` moves it one place left.
    const shift = after === undefined ? 0 : deleted.filter((name) => (positions[name] ?? Infinity) < after).length;
    await addSheet(queue, worksheets, spec, after === undefined ? null : after - shift + 1);
  }
  if (!journalFirst && journalChanges(journal, exists)) {
    await queue.flush();
    if (journal.chunks.length > 0) await writeJournal(queue, worksheets, journal, exists);
  }
  if (journalChanges(journal, exists || journalFirst)) await clearOldJournal(queue, worksheets, journal);
  await queue.flush();
}
