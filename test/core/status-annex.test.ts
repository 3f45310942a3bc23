import type { Indicator, IndicatorTable, SubRow } from "../../src/core/model";
import { recognizeSheet } from "../../src/core/recognize";
import { indicatorStatuses, rowStatuses } from "../../src/core/status";
import { annex2023Typed } from "../helpers/typed-sheet";
import { ANNEX_2023_STATUSES } from "./status-annex-expected";

const recognition = recognizeSheet(annex2023Typed());
const table: IndicatorTable = recognition.tables[0]!;

/** Every indicator and sub-row of the table, by 1-based sheet row. */
const rows = new Map<number, { indicator: Indicator; sub: SubRow | null }>();
for (const indicator of table.indicators) {
  rows.set(indicator.row + 1, { indicator, sub: null });
  for (const sub of indicator.subRows) rows.set(sub.row + 1, { indicator, sub });
}

describe("statuses on the 2023 annex (typed), tolerance 5 %", () => {
  test("the seed reads as one table over 2021-2023, and the expectations cover every indicator and sub-row", () => {
    expect(recognition.tables).toHaveLength(1);
    expect(table.years).toEqual([2021, 2022, 2023]);
    expect(ANNEX_2023_STATUSES.map((e) => e.row).sort((a, b) => a - b)).toEqual([...rows.keys()].sort((a, b) => a - b));
  });

  test.each(ANNEX_2023_STATUSES.map((e) => [e.row, e.label, e] as const))("row %i (%s)", (row, label, expected) => {
    const found = rows.get(row);
    expect(found).toBeDefined();
    const { indicator, sub } = found!;
    // The label names the row: its code, its Lp., or (for a sub-row) a piece of its name.
    if (sub) expect(sub.name.toLowerCase()).toContain(label.toLowerCase());
    else expect([indicator.code, indicator.number?.replace(/\.$/, "")]).toContain(label);
    const statuses = sub
      ? rowStatuses(sub, sub.trend, table.years, 0.05)
      : indicatorStatuses(indicator, table.years, 0.05);
    expect(statuses).toEqual(expected.statuses);
  });

  test("the tolerance moves W1_W 2021 (3,6 % against 4,1 %) from deviated to stable at 15 %", () => {
    const w1 = table.indicators.find((i) => i.code === "W1_W")!;
    expect(indicatorStatuses(w1, table.years, 0.05)["2021"]).toBe("deviated");
    expect(indicatorStatuses(w1, table.years, 0.15)["2021"]).toBe("stable");
  });
});
