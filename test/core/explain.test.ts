import { analyseWorkbook } from "../../src/core/analyse";
import { explain, explainAll } from "../../src/core/explain";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { annex2023Typed } from "../helpers/typed-sheet";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";

const wb: WorkbookSnapshot = { sheetNames: ["Załącznik 5"], sheets: [annex2023Typed()], journal: [] };
const analysis = analyseWorkbook(wb, { tolerance: 0.05 });

describe("why this colour", () => {
  test("every yearly value cell of the 2023 annex is explained, with its hand-derived status", () => {
    const all = explainAll(analysis);
    expect(all).toHaveLength(121 * 3 - 7);
    const byRow = new Map(ANNEX_2023_STATUSES.map((e) => [e.row, e.statuses]));
    for (const e of all) {
      const row = Number(/\d+$/.exec(e.address)![0]);
      expect({ address: e.address, status: e.status }).toEqual({ address: e.address, status: byRow.get(row)![String(e.year)] });
    }
  });

  test("a maintain row: the figures as shown, the tolerance and the comparison", () => {
    expect(explain(analysis, "Załącznik 5", "$F$5")).toMatchObject({
      year: 2021,
      value: "89%",
      baseline: "80%",
      trend: "maintain",
      status: "deviated",
      reason: { pl: "utrzymanie: |89% − 80%| > 5 % wartości bazowej → ≠ odchylenie", en: "maintain: |89% − 80%| > 5 % of the baseline → ≠ deviated" },
    });
  });

  test("an increase row with a target met, and a cell that is not a yearly value", () => {
    expect(explain(analysis, "Załącznik 5", "F11")?.reason.pl).toBe("wzrost: 132 ≥ cel 120 → ✔ cel osiągnięty");
    expect(explain(analysis, "Załącznik 5", "B5")).toBeNull();
  });
});
