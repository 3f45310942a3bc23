import fc from "fast-check";
import { Workbook } from "exceljs";
import { toA1 } from "../../src/core/address";
import { appendJournal, noJournal } from "../../src/core/journal";
import type { CellBackup, CellEdit, EditPlan } from "../../src/core/plan";
import { planRestore } from "../../src/core/plans/restore";
import type { RawValue, SheetSnapshot } from "../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { applyPlan } from "../../src/xlsx/write";
import { SCALE } from "../reliability/runs";
import { reopen } from "./helpers";
import { expectEqual } from "../helpers/equal";

// Whole workbooks are built, written and reopened per case: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const SHEET = "Arkusz";
const ROWS = 6;
const COLS = 4;
const FORMATS = ["General", "0", "0.00", "0%", "0.0%", "#,##0", "@"];
const COLORS = ["#44BB99", "#EE8866", "#FFFFFF", "#000000"];

const value = fc.oneof(
  fc.constant(null),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100000, max: 100000 }),
  fc.constantFrom("5 120", "9,54%", "b.d.", "x", "Dzielnica I", "#DIV/0!", "", "😀 שלום"),
  fc.boolean(),
);

const cell = fc.record({
  value,
  formula: fc.option(fc.constantFrom("=1+1", "=A1*2", "=SUM(A1:B2)"), { nil: null }),
  numberFormat: fc.constantFrom(...FORMATS),
  fill: fc.option(fc.constantFrom(...COLORS), { nil: null }),
});

const position = fc.record({ row: fc.integer({ min: 0, max: ROWS - 1 }), col: fc.integer({ min: 0, max: COLS - 1 }) });

type CellSpec = { value: RawValue; formula: string | null; numberFormat: string; fill: string | null };

/** An edit that puts the spec's content into a cell (Excel has no empty-string cell: "" is left empty). */
function editOf(address: string, c: CellSpec): CellEdit {
  const value = c.value === "" ? null : c.value;
  return c.formula
    ? { address, formula: c.formula, value, numberFormat: c.numberFormat }
    : { address, value, numberFormat: c.numberFormat };
}

/** A workbook from a grid of cells, written with the adapter itself. */
function build(grid: CellSpec[][]): Workbook {
  const wb = new Workbook();
  wb.addWorksheet(SHEET);
  const cells = grid.flatMap((row, r) => row.map((c, col) => editOf(toA1(r, col), c)));
  const fills = grid.flatMap((row, r) => row.map((c, col) => ({ color: c.fill, addresses: [toA1(r, col)] })));
  applyPlan(wb, {
    action: "recalculate",
    edits: [{ sheet: SHEET, cells, fills }],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: noJournal(),
    notes: [],
  });
  return wb;
}

function backupOf(sheet: SheetSnapshot, row: number, col: number, to: CellSpec): CellBackup {
  const [r, c] = [row - sheet.top, col - sheet.left];
  return {
    sheet: sheet.name,
    address: toA1(row, col),
    before: {
      value: sheet.values[r]?.[c] ?? null,
      formula: sheet.formulas[r]?.[c] ?? null,
      numberFormat: sheet.numberFormat[r]?.[c] ?? "General",
      fill: sheet.fill[r]?.[c] ?? null,
    },
    after: {
      value: to.value === "" ? null : to.value,
      formula: to.formula,
      numberFormat: to.numberFormat,
      fill: to.fill,
    },
  };
}

/** A plan that writes the given cells and fills, with the backup of what it replaces. */
function randomPlan(wb: Workbook, edits: { at: { row: number; col: number }; to: CellSpec }[]): EditPlan {
  const snap = snapshotFromWorkbook(wb, [SHEET]);
  const sheet = snap.sheets[0];
  const unique = [...new Map(edits.map((e) => [toA1(e.at.row, e.at.col), e])).values()];
  const cells = unique.map(({ at, to }) => editOf(toA1(at.row, at.col), to));
  const fills = unique.map(({ at, to }) => ({ color: to.fill, addresses: [toA1(at.row, at.col)] }));
  return {
    action: "recalculate",
    edits: [{ sheet: SHEET, cells, fills }],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: appendJournal(snap.journal, {
      action: "recalculate",
      at: "t",
      cells: unique.map((e) => backupOf(sheet!, e.at.row, e.at.col, e.to)),
      addedSheets: [],
      sheets: [],
    }),
    notes: [],
  };
}

/** The whole snapshot: every sheet in full, the sheet list and the journal. */
const state = (wb: Workbook) => snapshotFromWorkbook(wb);

test("any sequence of plans on any cells, then restore, gives the workbook back, also through a saved file", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: COLS, maxLength: COLS }), { minLength: ROWS, maxLength: ROWS }),
      fc.array(fc.array(fc.record({ at: position, to: cell }), { minLength: 1, maxLength: 8 }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.boolean(),
      async (grid, plans, saveBetween) => {
        let wb = build(grid);
        const original = state(await reopen(wb));
        for (const edits of plans) {
          applyPlan(wb, randomPlan(wb, edits));
          if (saveBetween) wb = await reopen(wb);
        }
        applyPlan(wb, planRestore(snapshotFromWorkbook(wb)));
        expectEqual(state(await reopen(wb)), original);
      },
    ),
    { numRuns: 20 * SCALE },
  );
});
