import { parseA1, toA1 } from "../../src/core/address";
import { noJournal } from "../../src/core/journal";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { Analysis, IndicatorTable } from "../../src/core/model";
import { STATUS_STYLES, statusOfFill } from "../../src/core/palette";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { formulaForCell, isOwnRule, ruleCells, ruleRange, ruleStatus, trendStatuses } from "../../src/core/rules";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { annex2023Typed } from "../helpers/typed-sheet";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";

const NOW = "2026-11-23T18:00:00Z";

const analyze = (wb: WorkbookSnapshot, tolerance = 0.05): Analysis => analyzeWorkbook(wb, { tolerance });

/** What an adapter does with a colour plan: set the fills, replace the add-in's rules, store the journal. */
function applyFills(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  const next: WorkbookSnapshot = structuredClone(wb);
  for (const edit of plan.edits) {
    const sheet = next.sheets.find((s) => s.name === edit.sheet)!;
    expect(edit.cells).toEqual([]);
    for (const fill of edit.fills) for (const a of fill.addresses) setFill(sheet, a, fill.color);
    if (edit.rules) sheet.ownRules = edit.rules.map((r) => r.formula);
  }
  next.journal = plan.journal;
  return next;
}

/** The cells each rule covers, with its status: "F5" -> ["stable", "deviated", "no_data"]. */
function ruleStatusesByCell(plan: EditPlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of plan.edits.flatMap((e) => e.rules ?? [])) {
    for (const address of ruleCells(rule.formula)) out.set(address, [...(out.get(address) ?? []), rule.status]);
  }
  return out;
}

function cellAt(sheet: SheetSnapshot, address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1 - sheet.top, col - sheet.left];
}
function setFill(sheet: SheetSnapshot, address: string, color: string | null): void {
  const [r, c] = cellAt(sheet, address);
  sheet.fill[r]![c] = color;
}
function fillOf(sheet: SheetSnapshot, address: string): string | null {
  const [r, c] = cellAt(sheet, address);
  return sheet.fill[r]![c]!;
}

/** Addresses whose fill differs between two snapshots of a sheet; any other difference fails the test. */
function changedFills(before: SheetSnapshot, after: SheetSnapshot): Set<string> {
  const { fill: f1, ownRules: _r1, ...rest1 } = before;
  const { fill: f2, ownRules: _r2, ...rest2 } = after;
  expect(rest2).toEqual(rest1);
  const out = new Set<string>();
  f1.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== f2[r]![c]) out.add(`${String.fromCharCode(65 + c + before.left)}${r + 1 + before.top}`);
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
        out.set(cell.address, STATUS_STYLES[byRow.get(row.row + 1)![String(year)]!].fill);
      }
    }
  }
  return out;
}

const annex = (): WorkbookSnapshot => ({
  sheetNames: ["Załącznik 5"],
  sheets: [annex2023Typed()],
  journal: noJournal(),
});

describe("planColor on the 2023 annex", () => {
  const wb = annex();
  const analysis = analyze(wb);
  const plan = planColor(wb, analysis, { now: NOW });
  const after = applyFills(wb, plan);
  const expected = expectedFills(analysis.sheets[0]!.tables[0]!);

  test("rules cover exactly the yearly value cells, one per status the row's trend can give", () => {
    const byCell = ruleStatusesByCell(plan);
    expect([...byCell.keys()].sort()).toEqual([...expected.keys()].sort());
    // 99 indicators and 22 sub-rows over three years, less the seven "x" cells (rows 18, 63 and 176).
    expect(expected.size).toBe(121 * 3 - 7);
    const table = analysis.sheets[0]!.tables[0];
    for (const row of table!.indicators.flatMap((i) => [i, ...i.subRows])) {
      for (const year of table!.years) {
        const cell = row.values[year];
        if (!cell || cell.parsed.kind === "not_applicable") continue;
        const want = trendStatuses(row.trend, row.target !== null);
        expect({ address: cell.address, statuses: [...byCell.get(cell.address)!].sort() }).toEqual({
          address: cell.address,
          statuses: [...want].sort(),
        });
      }
    }
    for (const rule of plan.edits[0]!.rules!) {
      expect(rule.fill).toBe(STATUS_STYLES[rule.status].fill);
      expect(isOwnRule(rule.formula)).toBe(true);
      expect(ruleStatus(rule.formula)).toBe(rule.status);
      expect(ruleRange(rule.formula)).toBe(rule.range);
    }
  });

  test("rows that read alike share their rules: areas of one column span, top to bottom, the marker under 255", () => {
    const rules = plan.edits[0]!.rules!;
    const shared = rules.filter((r) => r.range.includes(","));
    expect(shared.length).toBeGreaterThan(rules.length / 2);
    // Far fewer rules than one set per row's run: 121 rows, three to five statuses each.
    expect(rules.length).toBeLessThan(150);
    for (const rule of rules) {
      const areas = rule.range.split(",").map((a) => {
        const [p, q] = a.split(":");
        return { start: parseA1(p!), end: parseA1((q ?? p)!) };
      });
      // The first area's top-left cell is the range's: Excel, the file format and LibreOffice read from it alike.
      expect(areas.every((a) => a.start.col === areas[0]!.start.col && a.end.col === areas[0]!.end.col)).toBe(true);
      expect(areas.every((a, i) => i === 0 || a.start.row > areas[i - 1]!.end.row + 1)).toBe(true);
      expect(/N\("([^"]*)"\)/.exec(rule.formula)![1]!.length).toBeLessThanOrEqual(255);
    }
  });

  test("no cell is written and no fill set: the rules colour the cells, not the add-in", () => {
    expect(plan.edits).toHaveLength(1);
    expect(plan.edits[0]!.fills).toEqual([]);
    expect(changedFills(wb.sheets[0]!, after.sheets[0]!)).toEqual(new Set());
  });

  test("the journal records the sheet the rules went on, and the preview lists each cell with its status now", () => {
    const entries = plan.journal.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "color",
      at: NOW,
      addedSheets: [],
      cells: [],
      rules: ["Załącznik 5"],
      sheets: [{ name: "Załącznik 5" }],
    });
    expect(plan.changes).toHaveLength(expected.size);
    expect(plan.changes.find((c) => c.address === "F5")).toEqual({
      sheet: "Załącznik 5",
      address: "F5",
      before: { pl: "bez wypełnienia", en: "no fill" },
      after: { pl: "≠ odchylenie (kolor na żywo)", en: "≠ deviated (live colour)" },
    });
    for (const [address, fill] of expected) {
      const change = plan.changes.find((c) => c.address === address)!;
      expect({ address, after: change.after.pl }).toEqual({
        address,
        after: expect.stringContaining(STATUS_STYLES[statusOfFill(fill)!].label.pl),
      });
    }
    // No colour codes in what the user reads.
    expect(
      plan.changes.filter((c) => /#[0-9a-f]{6}/i.test(`${c.before.pl} ${c.after.pl} ${c.before.en} ${c.after.en}`)),
    ).toEqual([]);
  });

  test("colouring again changes nothing and keeps the journal as it is", () => {
    const again = planColor(after, analyze(after), { now: NOW });
    expect(again.edits).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.journal).toBe(after.journal);
    expect(again.notes.map((n) => n.en)).toContain("The colours are up to date: nothing to change.");
  });

  test("rows inserted above the table: the rules Excel moved with it name their old range, so they are replaced", () => {
    const moved: WorkbookSnapshot = structuredClone(after);
    moved.sheets[0]!.top += 2;
    // As Excel keeps a rule over inserted rows: its areas and relative references move, its marker's text does not.
    const down = (a: string) => toA1(parseA1(a).row + 2, parseA1(a).col);
    moved.sheets[0]!.ownRules = plan.edits[0]!.rules!.map((r) => {
      const anchor = r.range.split(/[,:]/)[0];
      return formulaForCell(r.formula, anchor!, down(anchor!));
    });
    const again = planColor(moved, analyze(moved), { now: NOW });
    const rules = again.edits[0]!.rules!;
    expect(rules.map((r) => r.range)).toEqual(
      plan.edits[0]!.rules!.map((r) => r.range.replace(/[A-Z]+\d+/g, (a) => down(a))),
    );
    // The same conditions as Excel's moved rules; only the marker tells that they were made for other cells.
    const unmarked = (f: string) => f.replace(/N\("[^"]*"\)/, "");
    expect(rules.map((r) => unmarked(r.formula))).toEqual(moved.sheets[0]!.ownRules.map(unmarked));
  });

  test("a wider tolerance replaces the rules, with the new tolerance built into the maintain rows", () => {
    const wider = planColor(after, analyze(after, 0.15), { now: NOW });
    const rules = wider.edits[0]!.rules!;
    expect(rules.filter((r) => r.status === "stable").every((r) => r.formula.includes("<=0.15*ABS("))).toBe(true);
    expect(rules.filter((r) => r.status === "improved").some((r) => r.formula.includes("*ABS("))).toBe(false);
    // W19_W 2021 (89 % against 80 %) and W1_W 2021 (3,6 % against 4,1 %) become stable at 15 %; 62 % stays deviated.
    const shown = (a: string) => wider.changes.find((c) => c.address === a)?.after.pl;
    expect([shown("F5"), shown("G150"), shown("H5")]).toEqual([
      "≈ stabilnie (kolor na żywo)",
      "≈ stabilnie (kolor na żywo)",
      "≠ odchylenie (kolor na żywo)",
    ]);
    const entries = wider.journal.entries;
    expect(entries.map((e) => e.rules)).toEqual([["Załącznik 5"], ["Załącznik 5"]]);
  });

  test("the tolerance is stated in the plan's notes", () => {
    expect(plan.notes).toContainEqual({
      pl: "Tolerancja dla trendu „utrzymanie wartości bazowej”: 5 % wartości bazowej.",
      en: 'Tolerance for "maintain the baseline": 5 % of the baseline.',
    });
  });
});

describe("recolouring over the user's own fills", () => {
  test("fills of an earlier, static colouring go back to what the cells had before; the user's later fills stay", () => {
    const wb = annex();
    setFill(wb.sheets[0]!, "F11", "#FFFF00"); // the user's yellow on indicator 3, 2021
    // An older version filled F11, G11 and H11 with status colours, backed up in its journal.
    const old = {
      F11: STATUS_STYLES.target_met.fill,
      G11: STATUS_STYLES.target_met.fill,
      H11: STATUS_STYLES.improved.fill,
    };
    const cells = Object.entries(old).map(([address, fill]) => ({
      sheet: "Załącznik 5",
      address,
      before: { fill: address === "F11" ? "#FFFF00" : null },
      after: { fill },
    }));
    wb.journal = {
      entries: [{ action: "color", at: NOW, cells, addedSheets: [], sheets: [{ name: "Załącznik 5" }] }],
      generation: 1,
    };
    for (const [a, fill] of Object.entries(old)) setFill(wb.sheets[0]!, a, fill);
    setFill(wb.sheets[0]!, "H11", "#FF0000"); // the user re-filled H11 by hand since
    const plan = planColor(wb, analyze(wb), { now: NOW });
    const result = applyFills(wb, plan);
    expect([
      fillOf(result.sheets[0]!, "F11"),
      fillOf(result.sheets[0]!, "G11"),
      fillOf(result.sheets[0]!, "H11"),
    ]).toEqual(["#FFFF00", null, "#FF0000"]);
    expect(changedFills(wb.sheets[0]!, result.sheets[0]!)).toEqual(new Set(["F11", "G11"]));
    // The journal backs up the fills it gives back.
    const entries = plan.journal.entries;
    expect(entries[1]!.cells.map((c) => [c.address, c.before.fill, c.after.fill])).toEqual([
      ["F11", STATUS_STYLES.target_met.fill, "#FFFF00"],
      ["G11", STATUS_STYLES.target_met.fill, null],
    ]);
    expect(entries[1]!.rules).toEqual(["Załącznik 5"]);
  });

  test("a sheet without an indicator table gets nothing, and says why", () => {
    const wb = annex();
    const sheet = wb.sheets[0];
    sheet!.values = sheet!.values.map((line) => line.map(() => null));
    sheet!.text = sheet!.text.map((line) => line.map(() => ""));
    const plan = planColor(wb, analyze(wb), { now: NOW });
    expect(plan.edits).toEqual([]);
    expect(plan.notes.map((n) => n.en)).toEqual([
      "No indicator table was recognised here, so there is nothing to colour.",
    ]);
  });

  test("a protected sheet is left alone, with a note", () => {
    const wb = annex();
    wb.sheets[0]!.protected = true;
    const plan = planColor(wb, analyze(wb), { now: NOW });
    expect(plan.edits).toEqual([]);
    expect(plan.journal.entries).toEqual([]);
    expect(plan.notes[0]!.en).toBe('Sheet "Załącznik 5" is protected: it was not coloured.');
  });
});
