/**
 * A colouring whose only other write is blocked still writes its rules: "does this edit write anything?" counts
 * rules, in the guard, in the journal entry it rebuilds and in the pane's "nothing to apply".
 */
import { readFileSync } from "fs";
import { join } from "path";
import { isEmptyPlan } from "../../src/core/actions";
import { analyzeWorkbook } from "../../src/core/analyze";
import { guardPlan } from "../../src/core/guard";
import { planColor } from "../../src/core/plans/color";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../xlsx/helpers";

const NOW = "2026-11-30T08:00:00Z";
const SHEET = "Załącznik 5";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = snapshotFromWorkbook(await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx"))), [SHEET]);
});

/**
 * The seed as an older version left it: one value cell statically filled with a palette colour (its journal entry
 * says it had no fill), and since then given a pattern over that colour, which the backup could not give back.
 */
function staticallyColouredUnderPattern(): { wb: WorkbookSnapshot; address: string } {
  const sheet = seed.sheets[0]!;
  const table = analyzeWorkbook(seed).sheets[0]!.tables[0]!;
  const cell = Object.values(table.indicators[0]!.values)[0]!;
  const fill = sheet.fill.map((row) => [...row]);
  fill[cell.row - sheet.top]![cell.col - sheet.left] = "#22C5A4";
  const wb: WorkbookSnapshot = {
    ...seed,
    sheets: [{ ...sheet, fill, features: { [cell.address]: ["patternFill"] } }],
    journal: {
      generation: 1,
      entries: [
        {
          action: "color",
          at: "2025-01-01T00:00:00Z",
          cells: [{ sheet: SHEET, address: cell.address, before: { fill: null }, after: { fill: "#22C5A4" } }],
          addedSheets: [],
          sheets: [{ name: SHEET }],
        },
      ],
    },
  };
  return { wb, address: cell.address };
}

test("colouring keeps its rules and their backup when its one fill write is blocked", () => {
  const { wb, address } = staticallyColouredUnderPattern();
  const plan = planColor(wb, analyzeWorkbook(wb), { now: NOW });
  // Unguarded, the plan puts the fill back and adds the rules in one edit.
  expect(plan.edits).toHaveLength(1);
  expect(plan.edits[0]!.fills.flatMap((f) => f.addresses)).toEqual([address]);
  expect(plan.edits[0]!.rules!.length).toBeGreaterThan(0);

  const guarded = guardPlan(wb, plan);
  expect(guarded.changes.find((c) => c.address === address)?.after.en).toMatch(/left as is: a pattern fill/);
  expect(guarded.edits).toEqual([{ sheet: SHEET, cells: [], fills: [], rules: plan.edits[0]!.rules }]);
  expect(isEmptyPlan({ ...guarded, changes: [] })).toBe(false);
  // The entry that tells restore to delete the rules is kept, naming the sheet; the blocked cell is not recorded.
  const entry = guarded.journal.entries[guarded.journal.entries.length - 1]!;
  expect(guarded.journal.entries).toHaveLength(2);
  expect(entry.rules).toEqual([SHEET]);
  expect(entry.cells).toEqual([]);
  expect(entry.sheets.map((s) => s.name)).toEqual([SHEET]);
});
