import { readJournal } from "../../src/core/journal";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { Analysis, IndicatorTable } from "../../src/core/model";
import { STATUS_STYLES, statusOfFill } from "../../src/core/palette";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { annex2023Typed } from "../helpers/typed-sheet";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";

const NOW = "2026-11-23T18:00:00Z";

const analyze = (wb: WorkbookSnapshot, tolerance = 0.05): Analysis => analyzeWorkbook(wb, { tolerance });

/** What an adapter does with a colour plan: set the fills, store the journal. */
function applyFills(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  const next: WorkbookSnapshot = structuredClone(wb);
  for (const edit of plan.edits) {
    const sheet = next.sheets.find((s) => s.name === edit.sheet)!;
    expect(edit.cells).toEqual([]);
    for (const fill of edit.fills) for (const a of fill.addresses) setFill(sheet, a, fill.color);
  }
  next.journal = plan.journal;
  return next;
}

function cellAt(sheet: SheetSnapshot, address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1 - sheet.top, col - sheet.left];
}
function setFill(sheet: SheetSnapshot, address: string, color: string | null): void {
  const [r, c] = cellAt(sheet, address);
  sheet.fill[r][c] = color;
}
function fillOf(sheet: SheetSnapshot, address: string): string | null {
  const [r, c] = cellAt(sheet, address);
  return sheet.fill[r][c];
}

/** Addresses whose fill differs between two snapshots of a sheet; any other difference fails the test. */
function changedFills(before: SheetSnapshot, after: SheetSnapshot): Set<string> {
  const { fill: f1, ...rest1 } = before;
  const { fill: f2, ...rest2 } = after;
  expect(rest2).toEqual(rest1);
  const out = new Set<string>();
  f1.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== f2[r][c]) out.add(`${String.fromCharCode(65 + c + before.left)}${r + 1 + before.top}`);
    }),
  );
  return out;
}

/** Every yearly value cell of the table's indicators and sub-rows, "x" excepted, with its expected status. */
function expectedFills(table: IndicatorTable): Map<string, string> {
  const out = new Map<string, string>();
  const byRow = new Map(ANNEX_2023_STATUSES.map((e) => [e.row, e.statuses]));
  for (const ind of table.indicators) {
    for (const row of [ind, ...ind.subRows]) {
      for (const year of table.years) {
        const cell = row.values[year];
        if (!cell || cell.parsed.kind === "not_applicable") continue;
        out.set(cell.address, STATUS_STYLES[byRow.get(row.row + 1)![String(year)]].fill);
      }
    }
  }
  return out;
}

const annex = (): WorkbookSnapshot => ({ sheetNames: ["Załącznik 5"], sheets: [annex2023Typed()], journal: [] });

describe("planColor on the 2023 annex", () => {
  const wb = annex();
  const analysis = analyze(wb);
  const plan = planColor(wb, analysis, { now: NOW });
  const after = applyFills(wb, plan);
  const expected = expectedFills(analysis.sheets[0].tables[0]);

  test("fills exactly the yearly value cells, each with its hand-derived status colour", () => {
    const changed = changedFills(wb.sheets[0], after.sheets[0]);
    expect([...changed].sort()).toEqual([...expected.keys()].sort());
    for (const [address, color] of expected) expect({ address, fill: fillOf(after.sheets[0], address) }).toEqual({ address, fill: color });
    // 99 indicators and 22 sub-rows over three years, less the seven "x" cells (rows 18, 63 and 176).
    expect(expected.size).toBe(121 * 3 - 7);
  });

  test("components, baselines, targets, names and the x cells keep their fill", () => {
    const table = analysis.sheets[0].tables[0];
    const untouched = table.indicators.flatMap((i) => [
      i.nameAddress,
      ...[i.baseline, i.target].flatMap((c) => (c ? [c.address] : [])),
      ...i.components.flatMap((c) => Object.values(c.values).flatMap((v) => (v ? [v.address] : []))),
      ...Object.values(i.values).flatMap((v) => (v && v.parsed.kind === "not_applicable" ? [v.address] : [])),
    ]);
    expect(untouched.length).toBeGreaterThan(100);
    for (const a of untouched) expect(plan.edits[0].fills.flatMap((f) => f.addresses)).not.toContain(a);
  });

  test("one fill edit per colour, each a palette colour, no address twice", () => {
    const colors = plan.edits[0].fills.map((f) => f.color);
    expect(new Set(colors).size).toBe(colors.length);
    for (const c of colors) expect(statusOfFill(c)).not.toBeNull();
    const all = plan.edits[0].fills.flatMap((f) => f.addresses);
    expect(new Set(all).size).toBe(all.length);
  });

  test("the journal keeps the previous fill of every cell written, and the preview lists each one", () => {
    const entries = readJournal(plan.journal);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "color", at: NOW, addedSheets: [] });
    expect(entries[0].cells.map((c) => c.address).sort()).toEqual([...expected.keys()].sort());
    expect(entries[0].cells.every((c) => c.before.fill === null && c.sheet === "Załącznik 5")).toBe(true);
    const w19 = entries[0].cells.find((c) => c.address === "F5")!;
    // Colouring backs up fills only, with what it wrote and the row's name as its identity.
    expect(w19).toEqual({
      sheet: "Załącznik 5",
      address: "F5",
      before: { fill: null },
      after: { fill: STATUS_STYLES.deviated.fill },
      row: { col: 1, text: expect.stringContaining("W19_W") },
    });
    expect(plan.changes).toHaveLength(expected.size);
    expect(plan.changes.find((c) => c.address === "F5")).toEqual({
      sheet: "Załącznik 5",
      address: "F5",
      before: "bez wypełnienia",
      after: "≠ odchylenie",
      en: { before: "no fill", after: "≠ deviated" },
    });
    // No colour codes in what the user reads.
    expect(plan.changes.filter((c) => /#[0-9a-f]{6}/i.test(`${c.before} ${c.after}`))).toEqual([]);
  });

  test("colouring again changes nothing and keeps the journal as it is", () => {
    const again = planColor(after, analyze(after), { now: NOW });
    expect(again.edits).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.journal).toBe(after.journal);
    expect(again.notes.map((n) => n.en)).toContain("The colours are up to date: nothing to change.");
  });

  test("a wider tolerance recolours only the cells whose status moves", () => {
    const wider = planColor(after, analyze(after, 0.15), { now: NOW });
    const moved = wider.changes.map((c) => c.address);
    // W19_W 2021 (89 % against 80 %) and W1_W 2021 (3,6 % against 4,1 %) become stable at 15 %.
    expect(moved).toEqual(expect.arrayContaining(["F5", "G150"]));
    expect(moved).not.toContain("H5"); // 62 % stays deviated
    for (const c of wider.changes) expect(c.after).toContain("stabilnie");
    const entries = readJournal(wider.journal);
    expect(entries).toHaveLength(2);
    // Compacted: one record per cell, the first fill before and the last one written.
    expect(entries[1].cells.find((c) => c.address === "F5")).toBeUndefined();
    expect(entries[0].cells.find((c) => c.address === "F5")).toMatchObject({ before: { fill: null }, after: { fill: STATUS_STYLES.stable.fill } });
  });

  test("the tolerance is stated in the plan's notes", () => {
    expect(plan.notes).toContainEqual({
      pl: "Tolerancja dla trendu „utrzymanie wartości bazowej”: 5 % wartości bazowej.",
      en: 'Tolerance for "maintain the baseline": 5 % of the baseline.',
    });
  });
});

describe("recolouring over the user's own fills", () => {
  test("a cell that loses its status returns to the fill it had before the first colouring", () => {
    const wb = annex();
    setFill(wb.sheets[0], "F11", "#FFFF00"); // the user's yellow on indicator 3, 2021
    setFill(wb.sheets[0], "G11", "#00B0F0"); // and blue on 2022
    const coloured = applyFills(wb, planColor(wb, analyze(wb), { now: NOW }));
    expect(fillOf(coloured.sheets[0], "F11")).toBe(STATUS_STYLES.target_met.fill);

    // The user then marks 2021 and 2022 of indicator 3 as not applicable, and re-fills H11 by hand.
    const sheet = coloured.sheets[0];
    for (const a of ["F11", "G11"]) {
      const [r, c] = cellAt(sheet, a);
      sheet.values[r][c] = "x";
      sheet.text[r][c] = "x";
    }
    setFill(sheet, "G11", "#FF0000");
    const plan = planColor(coloured, analyze(coloured), { now: NOW });
    const result = applyFills(coloured, plan);
    expect(fillOf(result.sheets[0], "F11")).toBe("#FFFF00"); // back to the user's yellow
    expect(fillOf(result.sheets[0], "G11")).toBe("#FF0000"); // the user's later red stays
    expect(plan.changes.map((c) => c.address)).toEqual(["F11"]);
    expect(changedFills(coloured.sheets[0], result.sheets[0])).toEqual(new Set(["F11"]));
  });

  test("a sheet without an indicator table gets nothing, and says why", () => {
    const wb = annex();
    const sheet = wb.sheets[0];
    sheet.values = sheet.values.map((line) => line.map(() => null));
    sheet.text = sheet.text.map((line) => line.map(() => ""));
    const plan = planColor(wb, analyze(wb), { now: NOW });
    expect(plan.edits).toEqual([]);
    expect(plan.notes.map((n) => n.en)).toEqual(["No indicator table was recognised here, so there is nothing to colour."]);
  });

  test("a protected sheet is left alone, with a note", () => {
    const wb = annex();
    wb.sheets[0].protected = true;
    const plan = planColor(wb, analyze(wb), { now: NOW });
    expect(plan.edits).toEqual([]);
    expect(plan.journal).toEqual([]);
    expect(plan.notes[0].en).toBe('Sheet "Załącznik 5" is protected: it was not coloured.');
  });
});
