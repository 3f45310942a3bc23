import { parseA1 } from "../../../src/core/address";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellEdit, EditPlan } from "../../../src/core/plan";
import { planRecalculate, type RecalculateOptions } from "../../../src/core/plans/recalculate";
import { parseJournal, serialiseJournal } from "../../../src/core/journal";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { applyPlan, snapshotFromWorkbook } from "../../../src/xlsx";
import { evaluate } from "./formula-eval";
import { readSeedSnapshot, readSeedWorkbook } from "./seed-snapshot";

const NOW = "2026-11-23T18:30:00.000Z";
const analyze = (wb: WorkbookSnapshot) => analyzeWorkbook(wb, { tolerance: 0.05 });
/** Everything recalculated, changed and suspect figures included (the reviewer ticked them all). */
const recalculate = (wb: WorkbookSnapshot, mode: "formulas" | "values" = "formulas"): EditPlan =>
  planRecalculate(wb, analyze(wb), { mode, now: NOW, includeChanged: true, includeSuspect: true });
/** The default: only figures that read as before. */
const safe = (wb: WorkbookSnapshot, extra: Partial<RecalculateOptions> = {}): EditPlan =>
  planRecalculate(wb, analyze(wb), { mode: "formulas", now: NOW, ...extra });
const cells = (plan: EditPlan): CellEdit[] => plan.edits.flatMap((e) => e.cells);
/** Excel pl-PL groups thousands with a no-break space where staff typed a plain one: the same to the eye. */
const seen = (text: string | undefined): string | undefined => text?.replace(/\u00a0/g, " ");
const edit = (plan: EditPlan, address: string): CellEdit | undefined => cells(plan).find((c) => c.address === address);

/** The seed with a plan applied through the xlsx adapter, read back: what the CLI's output file holds. */
async function applied(p: EditPlan): Promise<WorkbookSnapshot> {
  const wb = await readSeedWorkbook("annex-2023-typed.xlsx");
  applyPlan(wb, p);
  return snapshotFromWorkbook(wb);
}

let annex: WorkbookSnapshot;
let plan: EditPlan;
beforeAll(async () => {
  annex = await readSeedSnapshot("annex-2023-typed.xlsx");
  plan = recalculate(annex);
});

test("a figure typed with hundreds of decimals gets a number format Excel takes (30 decimals at most), and its backup reads back", () => {
  const wb = structuredClone(annex);
  const sheet = wb.sheets[0]!;
  const { row, col } = parseA1("C5");
  const typed = `0,${"0".repeat(300)}1%`;
  sheet.values[row - sheet.top]![col - sheet.left] = typed;
  sheet.text[row - sheet.top]![col - sheet.left] = typed;
  const p = recalculate(wb);
  expect(edit(p, "C5")?.numberFormat).toBe(`0.${"0".repeat(30)}%`);
  expect(parseJournal(serialiseJournal(p.journal)).problem).toBeUndefined();
});

describe("planRecalculate on the 2023 annex, live formulas", () => {
  it.each([
    ["C5", "=C6/C7", "0%", "W19_W baseline, share, typed 80%"],
    ["C37", "=C39/C38", "0.00%", "W7_W baseline, share with all families listed first, typed 3,10%"],
    ["D48", "=D49/D50", "0.0%", "W39_W baseline in the row shifted one column right, typed 10,5%"],
    ["C105", "=C106/C107/52", "0.00", "W10_W baseline, weekly hours per person, typed 6,87"],
    ["C110", "=C111/(C111+C112)", "0%", "elderly protected housing, coverage, typed 68%"],
    ["F113", "=F115/F114", "0.00%", "specialist places 2021, share_reversed, typed 4,48%"],
    ["D137", "=D138/D139*1000", "0.0", "W11_W baseline, per 1 000, typed 2,5"],
    ["H137", "=H138/H139*1000", "0.00", "W11_W 2022, typed 2,25"],
    ["F185", "=F186/F187", "0.0%", "W4_W 2021, typed 4,5 without the % sign"],
  ])("%s gets %s under %s (%s)", (address, formula, numberFormat) => {
    expect(edit(plan, address)).toMatchObject({ address, formula, numberFormat });
  });

  it("writes one formula per baseline and year cell of the 25 ratio indicators, except the 3 without counts", () => {
    const formulas = cells(plan).filter((c) => c.formula !== undefined);
    expect(formulas.length).toBe(25 * 4 - 3);
    // W41_W 2021 and W14_W 2021 have empty component cells, the specialist places no baseline counts.
    for (const address of ["F93", "G159", "C113"]) expect(edit(plan, address)).toBeUndefined();
    expect(plan.notes.map((n) => n.en)).toEqual([
      'Indicator cells that hold no number to replace ("x", "b.d.", text, two values) or lack a component count stay as they are: 3.',
    ]);
  });

  it("turns the counts typed as text into numbers that display exactly as before", () => {
    expect(edit(plan, "C6")).toEqual({ address: "C6", value: 5120, numberFormat: "#,##0" });
    expect(edit(plan, "H71")).toEqual({ address: "H71", value: 1030, numberFormat: "0" });
    const counts = cells(plan).filter((c) => c.formula === undefined);
    expect(counts.length).toBeGreaterThan(150);
    for (const c of counts) {
      const change = plan.changes.find((ch) => ch.address === c.address);
      expect([c.address, seen(change?.after.pl)]).toEqual([c.address, change?.before.pl]);
    }
  });

  it("lists every cell it writes once in the preview, with the text before and after", () => {
    expect(plan.changes.map((c) => c.address).sort()).toEqual(
      cells(plan)
        .map((c) => c.address)
        .sort(),
    );
    expect(new Set(plan.changes.map((c) => c.address)).size).toBe(plan.changes.length);
    expect(plan.changes.find((c) => c.address === "C5")).toEqual({
      sheet: "Załącznik 5",
      address: "C5",
      before: { pl: "80%", en: "80%" },
      after: { pl: "78% (=C6/C7)", en: "78% (=C6/C7)" },
    });
  });

  it("writes formulas that compute the recalculated values, and carries them as cached results", async () => {
    const after = await applied(plan);
    const analysis = analyze(annex);
    const sheet = after.sheets[0];
    let checked = 0;
    for (const ind of analysis.sheets[0]!.tables.flatMap((t) => t.indicators)) {
      const ratio = analysis.ratios[ind.id];
      if (!ratio) continue;
      for (const [key, value] of Object.entries(ratio.recalculated)) {
        const cell = key === "baseline" ? ind.baseline : ind.values[Number(key)];
        const written = cell && edit(plan, cell.address)?.formula;
        if (!written || value === null) continue;
        expect([cell.address, evaluate(sheet!, written)]).toEqual([cell.address, value]);
        expect(edit(plan, cell.address)?.value).toBe(value);
        checked++;
      }
    }
    expect(checked).toBe(97);
  });

  it("changes the text shown only where the typed value disagreed, was truncated, or lost its % sign", async () => {
    const after = await applied(plan);
    const shown = (address: string): string | undefined => {
      const { row, col } = parseA1(address);
      const sheet = after.sheets[0];
      return seen(sheet!.text[row - sheet!.top]![col - sheet!.left]);
    };
    const changedText = plan.changes.filter((c) => shown(c.address) !== c.before.pl);
    expect(changedText.map((c) => `${c.address} ${c.before.pl} -> ${c.after.pl.replace(/ \(.*/, "")}`).sort()).toEqual(
      [
        // the ten disagreements (three of them a padding zero, three one unit in the last digit)
        "C5 80% -> 78%", // W19_W baseline 5120/6569
        "C37 3,10% -> 3,15%", // W7_W baseline 6569/208644
        "F37 3,10% -> 3,15%", // W7_W 2021
        "G48 5,70% -> 566,67%", // W39_W 2021 34/6
        "C87 60,30% -> 60,34%", // W13_W baseline 213/353
        "F87 91% -> 68%", // W13_W 2021 199/293
        "C121 7,69% -> 7,70%", // W5_W baseline 60087/779960
        "D150 4,1% -> 4,0%", // W1_W baseline 31230/779960
        "C170 0% -> 21%", // intellectual disability housing baseline 62/295
        "F173 98% -> 97%", // W16_W 2021 985/1015
        // typed truncated, shown rounded: 62/585 = 10.598 %, 34/642 = 5.296 %, 837/1187 = 70.51 %
        "D48 10,5% -> 10,6%",
        "H48 5,29% -> 5,30%",
        "F70 70% -> 71%",
        // W4_W 2021 typed without its % sign
        "F185 4,5 -> 4,5%",
      ].sort(),
    );
  });

  it("backs up every cell it writes in the journal", () => {
    const entries = plan.journal.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "recalculate", at: NOW, addedSheets: [] });
    expect(entries[0]!.cells.map((b) => b.address).sort()).toEqual(
      cells(plan)
        .map((c) => c.address)
        .sort(),
    );
    const c5 = entries[0]!.cells.find((b) => b.address === "C5")!;
    expect(c5).toMatchObject({
      sheet: "Załącznik 5",
      address: "C5",
      before: { value: "80%", formula: null, numberFormat: "General" },
    });
    // What the add-in wrote, so that restore can tell the user's later edits from its own.
    const written = cells(plan).find((c) => c.address === "C5")!;
    expect(c5.after).toEqual({ value: written.value, formula: written.formula, numberFormat: written.numberFormat });
    expect(Object.keys(c5.before).sort()).toEqual(["formula", "numberFormat", "value"]);
  });

  it("changes nothing the second time", async () => {
    const once = await applied(plan);
    const again = recalculate(once);
    expect(cells(again)).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.journal).toEqual(plan.journal);
    expect(again.notes.map((n) => n.en)).toContain("The indicators are already recalculated: nothing to change.");
  });
});

describe("planRecalculate, other cases", () => {
  it("writes values only when asked, leaving the components as they are, and changes nothing the second time", async () => {
    const values = recalculate(annex, "values");
    expect(cells(values).every((c) => c.formula === undefined && typeof c.value === "number")).toBe(true);
    expect(cells(values)).toHaveLength(97);
    expect(edit(values, "C6")).toBeUndefined();
    expect(edit(values, "C5")).toEqual({ address: "C5", value: 5120 / 6569, numberFormat: "0%" });
    expect(cells(recalculate(await applied(values), "values"))).toEqual([]);
  });

  it("leaves 'b.d.', 'x' and two-value cells alone and writes the rest of the row", () => {
    const wb = structuredClone(annex);
    const sheet = wb.sheets[0];
    const type = (address: string, text: string): void => {
      const { row, col } = parseA1(address);
      sheet!.values[row - sheet!.top]![col - sheet!.left] = text;
      sheet!.text[row - sheet!.top]![col - sheet!.left] = text;
    };
    // W19_W's 2021-2023 cells
    type("F5", "b.d.");
    type("G5", "x");
    type("H5", "MOPS KIS 89%\nGUP 4%");
    const p = recalculate(wb);
    expect(["C5", "F5", "G5", "H5"].map((a) => edit(p, a)?.formula ?? null)).toEqual(["=C6/C7", null, null, null]);
  });

  it("writes nothing on a protected sheet, and says so", () => {
    const wb = structuredClone(annex);
    wb.sheets[0]!.protected = true;
    const p = recalculate(wb);
    expect(p.edits).toEqual([]);
    expect(p.journal.entries).toEqual([]);
    expect(p.notes.map((n) => n.pl)).toContain(
      "Arkusz „Załącznik 5” jest chroniony: wskaźniki w nim nie zostaną przeliczone.",
    );
  });
});

describe("planRecalculate on the annex with true numbers (seeds/annex-2023-numbers.xlsx)", () => {
  it("writes only the 97 ratio formulas, the counts being numbers already, and gives '4,5' back its % sign", async () => {
    const numbers = await readSeedSnapshot("annex-2023-numbers.xlsx");
    const p = recalculate(numbers);
    expect(cells(p).filter((c) => c.formula !== undefined)).toHaveLength(97);
    expect(cells(p).filter((c) => c.formula === undefined)).toEqual([]);
    expect(edit(p, "F185")).toMatchObject({ formula: "=F186/F187", numberFormat: "0.0%" });
  });
});

describe("planRecalculate by default: a reviewed change that keeps every published figure", () => {
  const groups = (p: EditPlan, group: string): string[] =>
    (p.review?.items ?? []).filter((i) => i.group === group).map((i) => i.address);

  it("writes only the figures that read as before, and the counts their formulas need", () => {
    const p = safe(annex);
    const written = new Set(
      cells(p)
        .filter((c) => c.formula !== undefined)
        .map((c) => c.address),
    );
    expect([...written].sort()).toEqual(groups(p, "same").sort());
    // 12 changed figures, G48 suspect, and H59 (W18_W 2022, whose live births H61 halve: component_swing).
    expect(written.size).toBe(97 - 14);
    for (const c of p.changes.filter((ch) => written.has(ch.address))) {
      // "4,5" gets its % sign back; every other figure reads exactly as published.
      expect([c.address, seen(c.after.pl.replace(/ \(.*/, ""))]).toEqual([
        c.address,
        c.address === "F185" ? "4,5%" : c.before.pl,
      ]);
    }
    expect(p.review?.conversions).toBe(cells(p).filter((c) => c.formula === undefined).length);
  });

  it("lists the figures that would change, largest first, each with its reason", () => {
    const p = safe(annex);
    const changed = (p.review?.items ?? []).filter((i) => i.group === "changed");
    expect(changed.map((i) => `${i.address} ${i.before} -> ${i.after}`)).toEqual([
      "C170 0% -> 21%",
      "F87 91% -> 68%",
      "C5 80% -> 78%",
      "D150 4,1% -> 4,0%",
      "C37 3,10% -> 3,15%",
      "F37 3,10% -> 3,15%",
      "F173 98% -> 97%",
      "D48 10,5% -> 10,6%",
      "F70 70% -> 71%",
      "C121 7,69% -> 7,70%",
      "H48 5,29% -> 5,30%",
      "C87 60,30% -> 60,34%",
    ]);
    expect(changed.every((i) => !i.included && i.reason !== null)).toBe(true);
    const reason = (address: string): string => changed.find((i) => i.address === address)?.reason?.pl ?? "";
    expect(reason("F70")).toContain("obciętą (dokładnie 70,51%)");
    expect(reason("C37")).toContain("dopisane zero");
    expect(reason("C121")).toContain("jednej jednostki");
    expect(reason("F87")).toContain("nie zgadza się ze składowymi (dokładnie 67,92%)");
  });

  it("holds back W39_W 2021 (566,67 % for 5,70 %) and names G50, the mistyped denominator", () => {
    const p = safe(annex);
    expect(groups(p, "suspect")).toEqual(["G48", "H59"]);
    const g48 = p.review?.items.find((i) => i.address === "G48");
    expect(g48?.included).toBe(false);
    expect(g48?.reason?.pl).toMatch(/niemożliwy.*G50 \(6\) odstaje od reszty swojego wiersza/);
    expect(edit(p, "G48")).toBeUndefined();
  });

  it("widens to the changed and suspect figures when asked, and follows the choice made per cell", () => {
    expect(edit(safe(annex, { includeChanged: true }), "F70")?.formula).toBe("=F71/F72");
    expect(edit(safe(annex, { includeChanged: true }), "G48")).toBeUndefined();
    expect(edit(safe(annex, { includeSuspect: true }), "G48")?.formula).toBe("=G49/G50");
    const chosen = safe(annex, { choices: { "Załącznik 5!F70": true, "Załącznik 5!F5": false } });
    expect(edit(chosen, "F70")?.formula).toBe("=F71/F72");
    expect(edit(chosen, "F5")).toBeUndefined();
    expect(chosen.review?.items.find((i) => i.address === "F5")?.included).toBe(false);
  });

  it("judges W10_W 2023 as shown: 6,9 beside a baseline of 6,87 is higher, whatever 6,8675 sits behind it", async () => {
    const numbers = await readSeedSnapshot("annex-2023-numbers.xlsx");
    const analysis = analyze(numbers);
    const w10 = analysis.sheets[0]!.tables.flatMap((t) => t.indicators).find((i) => i.code === "W10_W");
    expect(w10?.values[2023]?.parsed.text).toBe("6,9");
    expect(analysis.statuses[w10?.id ?? ""]!["2023"]).toBe("improved");
  });

  it.each([
    "annex-2023-typed.xlsx",
    "annex-2023-numbers.xlsx",
    "annex-2022.xlsx",
    "annex-2021.xlsx",
    "declaration-2025.xlsx",
  ])(
    "changes no status on %s; writing everything changes only the statuses of the figures that change",
    async (file) => {
      const wb = await readSeedWorkbook(file);
      const before = snapshotFromWorkbook(wb);
      const p = safe(before);
      applyPlan(wb, p);
      const after = snapshotFromWorkbook(wb);
      expect(analyze(after).statuses).toEqual(analyze(before).statuses);

      const all = await readSeedWorkbook(file);
      const everything = recalculate(before);
      applyPlan(all, everything);
      const [was, now] = [analyze(before), analyze(snapshotFromWorkbook(all))];
      const changedCells = new Set(
        (everything.review?.items ?? []).filter((i) => i.group !== "same").map((i) => `${i.indicatorId} ${i.column}`),
      );
      for (const [id, statuses] of Object.entries(was.statuses)) {
        for (const [year, status] of Object.entries(statuses)) {
          // A changed baseline rejudges its whole row (C170: 0 % becomes 21 %).
          if (year === "latest" || changedCells.has(`${id} ${year}`) || changedCells.has(`${id} baseline`)) continue;
          expect([id, year, now.statuses[id]?.[year]]).toEqual([id, year, status]);
        }
      }
    },
  );
});
