/**
 * The bench's Office figures as a rule: the round trips of an action do not grow with the sheet while the plan
 * fits one request, and colouring needs at most one fill call per colour. Counts through ExcelHost on the
 * recording fake, for the stacked 2023 annex at 100 and 1 000 rows.
 */
import { ACTIONS } from "../../scripts/bench/engine";
import { officeCounts } from "../../scripts/bench/office";

describe("Office round trips per action (bench)", () => {
  let small: Awaited<ReturnType<typeof officeCounts>>;
  let large: Awaited<ReturnType<typeof officeCounts>>;
  beforeAll(async () => {
    small = await officeCounts(100);
    large = await officeCounts(1_000);
  });

  it.each([...ACTIONS])("%s: as many syncs at 1 000 rows as at 100; one read, at most four for a write (read, pre-check, backup, write)", (action) => {
    expect(large[action].syncs).toBe(small[action].syncs);
    expect(large[action].syncs).toBeLessThanOrEqual(action === "validate" ? 1 : 4);
  });

  it("colour: one fill call per colour (the annex has several statuses)", () => {
    expect(large.color.colours).toBeGreaterThan(1);
    expect(large.color.fillCalls).toBe(large.color.colours);
  });

  it("validate fills nothing; every action that writes makes more calls than the read alone", () => {
    expect(large.validate.fillCalls).toBe(0);
    for (const action of ["recalculate", "color", "summary", "restore"] as const) expect(large[action].calls).toBeGreaterThan(large.validate.calls);
  });
});
