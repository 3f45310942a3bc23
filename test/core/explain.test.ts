import { analyzeWorkbook } from "../../src/core/analyze";
import { explain, explainAll, liveStatuses } from "../../src/core/explain";
import { planColor } from "../../src/core/plans/color";
import { ruleTolerance } from "../../src/core/rules";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { annex2023Typed } from "../helpers/typed-sheet";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";
import { noJournal } from "../../src/core/journal";

const wb: WorkbookSnapshot = { sheetNames: ["Załącznik 5"], sheets: [annex2023Typed()], journal: noJournal() };
const analysis = analyzeWorkbook(wb, { tolerance: 0.05 });

describe("why this colour", () => {
  test("every yearly value cell of the 2023 annex is explained, with its hand-derived status", () => {
    const all = explainAll(analysis);
    expect(all).toHaveLength(121 * 3 - 7);
    const byRow = new Map(ANNEX_2023_STATUSES.map((e) => [e.row, e.statuses]));
    for (const e of all) {
      const row = Number(/\d+$/.exec(e.address)![0]);
      expect({ address: e.address, status: e.status }).toEqual({
        address: e.address,
        status: byRow.get(row)![String(e.year)],
      });
    }
  });

  test("a maintain row: the figures as shown, the tolerance and the comparison", () => {
    expect(explain(analysis, "Załącznik 5", "$F$5")).toMatchObject({
      year: 2021,
      value: "89%",
      baseline: "80%",
      trend: "maintain",
      status: "deviated",
      reason: {
        pl: "utrzymanie: |89% − 80%| > 5 % wartości bazowej → ≠ odchylenie",
        en: "maintain: |89% − 80%| > 5 % of the baseline → ≠ deviated",
      },
    });
  });

  test("an increase row with a target met, and a cell that is not a yearly value", () => {
    expect(explain(analysis, "Załącznik 5", "F11")?.reason.pl).toBe("wzrost: 132 ≥ cel 120 → ✔ cel osiągnięty");
    expect(explain(analysis, "Załącznik 5", "B5")).toBeNull();
  });
});

describe("what the rules show, for the preview", () => {
  test("after colouring, every covered cell has the engine's status, with the rules' own tolerance", () => {
    const wider = analyzeWorkbook(wb, { tolerance: 0.15 });
    const plan = planColor(wb, wider, { now: "2026-11-30T05:00:00Z" });
    const sheet = { ...wb.sheets[0]!, ownRules: plan.edits[0]!.rules!.map((r) => r.formula) };
    expect(ruleTolerance(sheet.ownRules)).toBe(0.15);
    const live = liveStatuses(sheet);
    expect(live.size).toBe(121 * 3 - 7);
    for (const e of explainAll(wider))
      expect({ address: e.address, status: live.get(e.address) }).toEqual({ address: e.address, status: e.status });
    // F5 (89 % against 80 %) is stable at 15 %, where 5 % called it deviated.
    expect(live.get("F5")).toBe("stable");
    expect(liveStatuses(wb.sheets[0]!).size).toBe(0);
  });
});
