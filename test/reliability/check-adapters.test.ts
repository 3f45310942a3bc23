/**
 * The pre-write check (src/core/check.ts) through both adapters: one table of workbooks and plans, each refused
 * with the same message by the Office adapter (its fake) and the .xlsx writer, or written by both.
 */
import { Workbook } from "exceljs";
import { appendJournal, noJournal } from "../../src/core/journal";
import { HostError } from "../../src/core/host";
import { JOURNAL_SHEET, type EditPlan, type NewSheet } from "../../src/core/plan";
import { ExcelHost } from "../../src/excel/excelHost";
import { applyPlan } from "../../src/xlsx/write";
import { fakeOf } from "./harness";

const SHEET = "Dane";

/** A small sheet: a header over a merged area B1:C1, numbers under it (the used range covers the area). */
function workbook(change: (wb: Workbook) => void = () => undefined): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("A1").value = "Wskaźnik";
  ws.getCell("B1").value = "2023";
  ws.mergeCells("B1:C1");
  ws.getCell("B2").value = 5;
  ws.getCell("C2").value = 6;
  change(wb);
  return wb;
}

const newSheet = (name: string): NewSheet => ({
  name,
  after: SHEET,
  cells: [{ address: "A1", value: "x" }],
  fills: [],
  links: [],
  columnWidths: [],
  freezeRows: 0,
  table: null,
  chart: null,
  print: { landscape: false, fitToWidth: false },
});

function plan(parts: Partial<EditPlan>): EditPlan {
  return {
    action: "recalculate",
    edits: [],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: appendJournal(noJournal(), {
      action: "recalculate",
      at: "2026-11-23T18:30:00Z",
      cells: [],
      addedSheets: [],
      sheets: [],
    }),
    notes: [],
    ...parts,
  };
}

const write = (address: string, sheet = SHEET) => ({ edits: [{ sheet, cells: [{ address, value: 1 }], fills: [] }] });

const CASES: [string, (wb: Workbook) => void, Partial<EditPlan>, RegExp | null][] = [
  ["a write to a plain cell", () => undefined, write("B2"), null],
  ["the top-left cell of a merged area", () => undefined, write("B1"), null],
  [
    "a cell a merged area hides",
    () => undefined,
    write("C1"),
    /^Cell C1 of sheet "Dane" lies inside the merged area B1:C1\. .*Nothing was changed\.$/,
  ],
  [
    "a sheet that is not there",
    () => undefined,
    write("A1", "Brak"),
    /^Sheet "Brak" was not found\. Nothing was changed\.$/,
  ],
  [
    "a protected sheet",
    (wb) => void wb.getWorksheet(SHEET)?.protect("", {}),
    write("B2"),
    /^Sheet "Dane" is protected\. Unprotect it .*Nothing was changed\.$/,
  ],
  [
    "a new sheet whose name a sheet has, in other letter case",
    () => undefined,
    { addSheets: [newSheet("dane")] },
    /^A sheet named "dane" already exists .*Nothing was changed\.$/,
  ],
  [
    "a new sheet with a name Excel refuses",
    () => undefined,
    { addSheets: [newSheet("Podsumowanie 2023/2024")] },
    /is not a valid Excel sheet name .*Nothing was changed\.$/,
  ],
  [
    "deleting the only sheet",
    () => undefined,
    { deleteSheets: [SHEET] },
    /^The plan would delete every sheet of the workbook\. Nothing was changed\.$/,
  ],
  [
    "deleting the backup sheet",
    (wb) => void wb.addWorksheet(JOURNAL_SHEET),
    { deleteSheets: [JOURNAL_SHEET] },
    /cannot be deleted\. Nothing was changed\.$/,
  ],
  [
    "a cell changed since the preview",
    () => undefined,
    { ...write("B2"), expect: [{ sheet: SHEET, address: "B2", formula: 4 }] },
    /^Cell B2 of sheet "Dane" changed after the preview was made\. .*Nothing was changed\.$/,
  ],
  [
    "a cell as it was at the preview",
    () => undefined,
    { ...write("B2"), expect: [{ sheet: SHEET, address: "B2", formula: 5 }] },
    null,
  ],
  [
    "a plan that carries its own refusal",
    () => undefined,
    { refusal: { pl: "Kopia nieczytelna.", en: "The backup cannot be read." } },
    /^The backup cannot be read\.$/,
  ],
];

async function officeOutcome(wb: Workbook, p: EditPlan): Promise<string | null> {
  try {
    await new ExcelHost(fakeOf(wb).run).apply(p);
    return null;
  } catch (e) {
    if (e instanceof HostError) return e.en;
    throw e;
  }
}

function xlsxOutcome(wb: Workbook, p: EditPlan): string | null {
  try {
    applyPlan(wb, p);
    return null;
  } catch (e) {
    if (e instanceof HostError) return e.en;
    throw e;
  }
}

describe("one pre-write check, the same through both adapters", () => {
  test.each(CASES)("%s", async (_label, change, parts, refused) => {
    const p = plan(parts);
    const office = await officeOutcome(workbook(change), p);
    const xlsx = xlsxOutcome(workbook(change), p);
    expect(xlsx).toBe(office);
    if (refused === null) expect(office).toBeNull();
    else expect(office).toMatch(refused);
  });
});
