import { HostError } from "../../src/core/host";
import { JOURNAL_SHEET, type EditPlan, type Journal, type JournalEntry } from "../../src/core/plan";
import { emptySheet, type SheetSnapshot } from "../../src/core/snapshot";
import { toA1 } from "../../src/core/address";
import { REQUEST_BUDGET } from "../../src/excel/applyPlan";
import { ExcelHost } from "../../src/excel/excelHost";
import { BAND_CELLS } from "../../src/excel/readSheet";
import { expectEqual } from "../helpers/equal";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, fakeSheet, sheetFromSnapshot } from "./fakeExcel";
import { noJournal, serialiseJournal } from "../../src/core/journal";

/** An indicator-like grid: a name, a baseline and three years per row, some bold, some filled, one merge. */
function bigSheet(rows: number): SheetSnapshot {
  const s = emptySheet("Załącznik 5", rows, 6);
  for (let r = 0; r < rows; r++) {
    s.values[r] = [`wskaźnik ${r}`, r, r + 1, r + 2, r + 3, `${r},5%`];
    s.text[r] = s.values[r]!.map(String);
    s.numberFormat[r]![1] = "0";
    s.bold[r]![0] = r % 10 === 0;
    s.fill[r]![2] = r % 7 === 0 ? "#FFAABB" : null;
  }
  s.merges = ["A1:B1"];
  s.values[0]![1] = "";
  s.text[0]![1] = "";
  return s;
}

/** A journal of one entry whose cells hold `cells` texts of `length` characters each (long ones span chunks). */
function journalOf(cells = 0, length = 0, text = "ą"): Journal {
  const entry: JournalEntry = {
    action: "color",
    at: "2026-11-23T18:30:00Z",
    cells: Array.from({ length: cells }, (_, r) => ({
      sheet: "Załącznik 5",
      address: toA1(r, 0),
      before: { value: text.repeat(length) },
      after: {},
    })),
    addedSheets: [],
    sheets: [{ name: "Załącznik 5" }],
  };
  return { entries: [entry], generation: 1 };
}

function emptyPlan(over: Partial<EditPlan>): EditPlan {
  return {
    action: "color",
    edits: [],
    addSheets: [],
    deleteSheets: [],
    changes: [],
    journal: noJournal(),
    notes: [],
    ...over,
  };
}

function snapshotOf(excel: FakeExcel): Promise<SheetSnapshot> {
  return new ExcelHost(excel.run).readActiveSheet().then((wb) => wb.sheets[0]!);
}

describe("ExcelHost.readActiveSheet", () => {
  test.each([100, 1_000, 10_000])(
    "reads %i rows in one sync (in bands only past 5 MB) and gives back the sheet as it is",
    async (rows) => {
      const source = bigSheet(rows);
      const excel = new FakeExcel([sheetFromSnapshot(source), fakeSheet("Inny")]);
      const wb = await new ExcelHost(excel.run).readActiveSheet();
      // The whole sheet in one response is under 5 MB at 100 and 1 000 rows; at 10 000 that one response is refused
      // and the sheet is read again in bands, each response under the limit.
      const split = excel.payloads[0]!.returned > excel.maxPayloadBytes;
      expect(split).toBe(rows === 10_000);
      expect(excel.syncs).toBe(split ? 2 + Math.ceil(rows / Math.floor(BAND_CELLS / 6)) : 1);
      expect(Math.max(...excel.payloads.slice(split ? 1 : 0).map((p) => p.returned))).toBeLessThan(
        excel.maxPayloadBytes,
      );
      expect(excel.count("getCellProperties")).toBe(split ? 1 + excel.syncs - 2 : 1);
      expect(wb.sheetNames).toEqual(["Załącznik 5", "Inny"]);
      expect(wb.journal.entries).toEqual([]);
      const sheet = wb.sheets[0];
      expect(sheet!.values.length).toBe(rows);
      expect(sheet!.values[rows - 1]).toEqual(source.values[rows - 1]);
      expect(sheet!.bold.map((r) => r[0])).toEqual(source.bold.map((r) => r[0]));
      expect(sheet!.fill.map((r) => r[2])).toEqual(source.fill.map((r) => r[2]));
      expect(sheet!.merges).toEqual(["A1:B1"]);
      expect(sheet!.protected).toBe(false);
    },
  );

  test("a sheet too big for one response is read again in bands, giving the same snapshot", async () => {
    const source = bigSheet(10_000);
    const whole = await new ExcelHost(new FakeExcel([sheetFromSnapshot(source)]).run).readActiveSheet();
    const limited = new FakeExcel([sheetFromSnapshot(source)]);
    limited.maxCellsPerSync = 100_000;
    const banded = await new ExcelHost(limited.run).readActiveSheet();
    // Two fakes, two sheets with their own Office ids: the rest is the same.
    expectEqual({ ...banded, sheetIds: {} }, { ...whole, sheetIds: {} });
    // The failed attempt, the frame, then bands of whole rows of at most BAND_CELLS cells.
    expect(limited.syncs).toBe(2 + Math.ceil(10_000 / Math.floor(BAND_CELLS / 6)));
  });

  test("reads the 2023 annex seed, its offset and the journal (two chunks, parsed) in the same sync", async () => {
    const annex = annex2023Typed();
    const fake = sheetFromSnapshot(annex);
    const journal = fakeSheet(JOURNAL_SHEET);
    journal.visibility = "VeryHidden";
    const stored = journalOf(2, 20_000, "z");
    const chunks = serialiseJournal(stored);
    expect(chunks).toHaveLength(2);
    chunks.forEach((value, i) =>
      journal.cells.set(`A${i + 1}`, {
        value,
        text: "",
        formula: null,
        numberFormat: "General",
        fill: null,
        bold: false,
      }),
    );
    const excel = new FakeExcel([fake, journal]);
    const wb = await new ExcelHost(excel.run).readActiveSheet();
    expect(excel.syncs).toBe(1);
    expect(wb.journal).toEqual(stored);
    const sheet = wb.sheets[0];
    // The used range starts at the first non-empty cell: the grid is the seed's, offset by top/left.
    expect(sheet!.top).toBe(annex.values.findIndex((r) => r.some((v) => v !== null)));
    // Every cell of the read grids against the seed's cell at the same place, one grid at a time.
    const seed = <T>(grid: T[][], empty: T) =>
      sheet!.values.map((row, r) => row.map((_, c) => grid[sheet!.top + r]?.[sheet!.left + c] ?? empty));
    expectEqual(sheet!.values, seed(annex.values, null));
    expectEqual(sheet!.text, seed(annex.text, ""));
    expectEqual(sheet!.bold, seed(annex.bold, false));
  });
});

describe("ExcelHost.apply", () => {
  test("writes values, formulas and formats as rectangles, fills as one getRanges per colour, in ≤ 3 syncs", async () => {
    const excel = new FakeExcel([sheetFromSnapshot(bigSheet(1_000))]);
    const cells = Array.from({ length: 1_000 }, (_, r) => [
      { address: toA1(r, 3), formula: `=B${r + 1}/C${r + 1}`, numberFormat: "0,0%" },
      { address: toA1(r, 4), value: r * 2 },
    ]).flat();
    const plan = emptyPlan({
      edits: [
        {
          sheet: "Załącznik 5",
          cells,
          fills: [
            { color: "#44BB99", addresses: Array.from({ length: 400 }, (_, r) => toA1(r * 2, 2)) },
            { color: "#EE8866", addresses: Array.from({ length: 400 }, (_, r) => toA1(r * 2 + 1, 2)) },
            { color: null, addresses: ["F1", "F2", "F3"] },
          ],
        },
      ],
      journal: journalOf(),
    });
    await new ExcelHost(excel.run).apply(plan);
    // pre-check, backup (write-ahead), changes
    expect(excel.syncs).toBeLessThanOrEqual(3);
    // One rectangle D1:E1000 carries all 2 000 cell writes.
    expect(excel.count("set formulas")).toBe(2); // the rectangle, and the journal column
    expect(excel.count("getRanges")).toBe(3);
    expect(excel.count("suspendApiCalculationUntilNextSync")).toBeGreaterThanOrEqual(1);
    const sheet = excel.sheet("Załącznik 5")!;
    expect(sheet.cells.get("D10")!.formula).toBe("=B10/C10");
    expect(sheet.cells.get("D10")!.numberFormat).toBe("0,0%");
    expect(sheet.cells.get("E10")!.value).toBe(18);
    expect(sheet.cells.get("C1")!.fill).toBe("#44BB99");
    expect(sheet.cells.get("C2")!.fill).toBe("#EE8866");
    expect(sheet.cells.get("F1")!.fill).toBeNull();
    const journal = excel.sheet(JOURNAL_SHEET)!;
    expect(journal.visibility).toBe("VeryHidden");
    // Generation 1 goes to column B (generations alternate between A and B).
    expect(journal.cells.get("B1")!.value).toBe(serialiseJournal(journalOf())[0]);
  });

  test("the number of syncs does not grow with the sheet: 100, 1 000 and 10 000 rows", async () => {
    for (const rows of [100, 1_000, 10_000]) {
      const excel = new FakeExcel([sheetFromSnapshot(bigSheet(rows))]);
      const cells = Array.from({ length: rows }, (_, r) => ({ address: toA1(r, 4), value: r }));
      const fills = [{ color: "#99DDFF", addresses: Array.from({ length: rows }, (_, r) => toA1(r, 3)) }];
      await new ExcelHost(excel.run).apply(emptyPlan({ edits: [{ sheet: "Załącznik 5", cells, fills }] }));
      expect(excel.syncs).toBe(2);
      expect(excel.count("getRanges")).toBe(1);
    }
  });

  test("refuses a protected sheet with a Polish and English message, writing nothing", async () => {
    const source = bigSheet(20);
    source.protected = true;
    const excel = new FakeExcel([sheetFromSnapshot(source)]);
    const before = await snapshotOf(excel);
    const plan = emptyPlan({
      edits: [
        {
          sheet: "Załącznik 5",
          cells: [{ address: "E3", value: 1 }],
          fills: [{ color: "#44BB99", addresses: ["C3"] }],
        },
      ],
      journal: journalOf(),
    });
    const error = await new ExcelHost(excel.run).apply(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).pl).toContain("chroniony");
    expect((error as HostError).en).toContain("protected");
    expect(excel.calls.filter((c) => c.startsWith("set") || c.startsWith("clear") || c === "worksheets.add")).toEqual(
      [],
    );
    expect(excel.sheet(JOURNAL_SHEET)).toBeUndefined();
    expectEqual(await snapshotOf(excel), before);
  });

  test("refuses a write into a merged area and writes the top-left cell of one on its own", async () => {
    const excel = new FakeExcel([sheetFromSnapshot(bigSheet(5))]);
    const blocked = emptyPlan({ edits: [{ sheet: "Załącznik 5", cells: [{ address: "B1", value: 3 }], fills: [] }] });
    await expect(new ExcelHost(excel.run).apply(blocked)).rejects.toBeInstanceOf(HostError);
    expect(excel.count("set formulas")).toBe(0);
    // A1 is the top-left cell of A1:B1: it can be written, but not as part of the A1:C2 rectangle.
    const row = emptyPlan({
      edits: [
        {
          sheet: "Załącznik 5",
          cells: ["A1", "C1", "A2", "B2", "C2"].map((address) => ({ address, value: "nowy" })),
          fills: [],
        },
      ],
    });
    await new ExcelHost(excel.run).apply(row);
    expect(excel.sheet("Załącznik 5")!.cells.get("A1")!.value).toBe("nowy");
    expect(excel.sheet("Załącznik 5")!.cells.get("C2")!.value).toBe("nowy");
  });

  test("splits a plan larger than the request limit into several syncs and writes all of it", async () => {
    const excel = new FakeExcel([fakeSheet("Załącznik 5")]);
    const long = "ż".repeat(1_000);
    const rows = Math.ceil((REQUEST_BUDGET * 2.5) / 1_000);
    const cells = Array.from({ length: rows }, (_, r) => ({ address: toA1(r, 0), value: long }));
    await new ExcelHost(excel.run).apply(emptyPlan({ edits: [{ sheet: "Załącznik 5", cells, fills: [] }] }));
    expect(excel.syncs).toBeGreaterThanOrEqual(4);
    expect(excel.syncs).toBeLessThanOrEqual(6);
    expect(excel.sheet("Załącznik 5")!.cells.get(toA1(rows - 1, 0))!.value).toBe(long);
  });

  test("a journal over the request limit is written in several requests and reads back whole", async () => {
    const excel = new FakeExcel([fakeSheet("Załącznik 5")]);
    const journal = journalOf(Math.ceil((REQUEST_BUDGET * 1.5) / 30_000), 30_000);
    expect(serialiseJournal(journal).length).toBeGreaterThan(REQUEST_BUDGET / 32_000);
    await new ExcelHost(excel.run).apply(emptyPlan({ journal }));
    expect(excel.count("set formulas")).toBeGreaterThanOrEqual(2);
    expect(excel.syncs).toBeGreaterThanOrEqual(3);
    expect((await new ExcelHost(excel.run).readActiveSheet()).journal).toEqual(journal);
  });

  test("adds a new sheet after its source with table, chart, links, widths and frozen rows; deletes the one it replaces", async () => {
    const excel = new FakeExcel([fakeSheet("Załącznik 5"), fakeSheet("Podsumowanie"), fakeSheet("Inny")]);
    const plan = emptyPlan({
      action: "summary",
      deleteSheets: ["Podsumowanie"],
      addSheets: [
        {
          name: "Podsumowanie",
          after: "Załącznik 5",
          cells: [
            { address: "A1", value: "Podsumowanie", bold: true },
            { address: "A3", value: "Lp." },
            { address: "B3", value: "Nazwa" },
            { address: "A4", value: 1 },
            { address: "B4", value: "Liczba rodzin <b>objętych</b>" },
          ],
          fills: [{ color: "#44BB99", addresses: ["C4"] }],
          links: [{ address: "B4", target: "'Załącznik 5'!B7", text: "Liczba rodzin <b>objętych</b>" }],
          columnWidths: [6, 40],
          freezeRows: 3,
          table: { name: "Wskazniki", range: "A3:B4", style: "TableStyleMedium2" },
          chart: { kind: "stacked_bar", title: "Statusy", dataRange: "D3:F5", anchor: "H3", dataBarRange: "E4:F5" },
          print: { landscape: true, fitToWidth: true, paper: "A4", titleRows: "3:3", area: "A1:B4" },
        },
      ],
      journal: journalOf(),
    });
    await new ExcelHost(excel.run).apply(plan);
    expect(excel.syncs).toBe(3);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Załącznik 5", "Podsumowanie", "Inny", JOURNAL_SHEET]);
    const summary = excel.sheet("Podsumowanie")!;
    expect(summary.cells.get("A1")).toMatchObject({ value: "Podsumowanie", bold: true });
    expect(summary.cells.get("B4")!.value).toBe("Liczba rodzin <b>objętych</b>");
    expect(summary.hyperlinks.B4).toEqual({
      documentReference: "'Załącznik 5'!B7",
      textToDisplay: "Liczba rodzin <b>objętych</b>",
    });
    expect(summary.tables).toEqual([{ range: "A3:B4", name: "Wskazniki", style: "TableStyleMedium2" }]);
    expect(summary.charts).toEqual([{ type: "BarStacked", source: "D3:F5", title: "Statusy", anchor: "H3" }]);
    expect(summary.frozenRows).toBe(3);
    expect(summary).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$3:$3",
      printArea: "A1:B4",
    });
    expect(Object.keys(summary.columnWidths)).toEqual(["A:A", "B:B"]);
  });

  test("an empty journal removes the hidden journal sheet; restoring twice is harmless", async () => {
    const journal = fakeSheet(JOURNAL_SHEET);
    journal.visibility = "VeryHidden";
    const excel = new FakeExcel([fakeSheet("Załącznik 5"), journal]);
    const plan = emptyPlan({ action: "restore", deleteSheets: ["Podsumowanie"] });
    await new ExcelHost(excel.run).apply(plan);
    expect(excel.sheet(JOURNAL_SHEET)).toBeUndefined();
    await new ExcelHost(excel.run).apply(plan);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Załącznik 5"]);
  });

  test("refuses to add a sheet whose name a user's sheet already has", async () => {
    const excel = new FakeExcel([fakeSheet("Załącznik 5"), fakeSheet("Podsumowanie")]);
    const spec = {
      name: "Podsumowanie",
      after: "Załącznik 5",
      cells: [],
      fills: [],
      links: [],
      columnWidths: [],
      freezeRows: 0,
      table: null,
      chart: null,
      print: { landscape: true, fitToWidth: true },
    };
    await expect(new ExcelHost(excel.run).apply(emptyPlan({ addSheets: [spec] }))).rejects.toBeInstanceOf(HostError);
    expect(excel.count("worksheets.add")).toBe(0);
  });
});

describe("ExcelHost.select", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const excel = new FakeExcel([fakeSheet("Inny"), fakeSheet("Załącznik 5")]);
    await new ExcelHost(excel.run).select("Załącznik 5", "F12");
    expect(excel.syncs).toBe(1);
    expect(excel.active).toBe("Załącznik 5");
    expect(excel.selected).toEqual({ sheet: "Załącznik 5", address: "F12" });
  });
});
