/**
 * The bench's Office figures as a rule: the round trips of an action do not grow with the sheet while the plan
 * fits one request (colouring's rules included: rows that read alike share them), and colouring adds one
 * conditional format per rule and fills nothing. Counts through ExcelHost
 * on the recording fake, for the stacked 2023 annex at 100 and 1 000 rows.
 */
import { ACTIONS } from "../../scripts/bench/engine";
import { officeCounts } from "../../scripts/bench/office";
import { REQUEST_BUDGET } from "../../src/excel/applyPlan";

describe("Office round trips per action (bench)", () => {
  let small: Awaited<ReturnType<typeof officeCounts>>;
  let large: Awaited<ReturnType<typeof officeCounts>>;
  beforeAll(async () => {
    small = await officeCounts(100);
    large = await officeCounts(1_000);
  });

  it.each([...ACTIONS])(
    "%s: as many syncs at 1 000 rows as at 100; one read, at most four for a write (read, pre-check, backup, write)",
    (action) => {
      expect(large[action].syncs).toBe(small[action].syncs);
      expect(large[action].syncs).toBeLessThanOrEqual(action === "validate" ? 1 : 4);
    },
  );

  it("colour: rows that read alike share rules, so that all of them fit one request at 1 000 rows", () => {
    expect(large.color.syncs).toBe(4);
    expect(large.color.ruleChars).toBeLessThan(REQUEST_BUDGET / 4);
    // One rule per status per row's run would be over 3 000 rules and 2.5 MB of formulas here.
    expect(large.color.rules).toBeLessThan(300);
    expect(large.color.rules).toBeGreaterThan(small.color.rules);
  });

  it("colour: one conditional format per rule, no fill call (the rules colour the cells)", () => {
    expect(large.color.ruleCalls).toBe(large.color.rules);
    expect(large.color.fillCalls).toBe(0);
  });

  it("validate fills nothing; every action that writes makes more calls than the read alone", () => {
    expect(large.validate.fillCalls).toBe(0);
    for (const action of ["recalculate", "color", "summary", "restore"] as const)
      expect(large[action].calls).toBeGreaterThan(large.validate.calls);
  });
});
