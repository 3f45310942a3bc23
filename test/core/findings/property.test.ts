import fc from "fast-check";
import { toA1 } from "../../../src/core/address";
import { SCALE } from "../../reliability/runs";
import { annexWith, findingsOf, workbookOf } from "./annex-sheet";

/** What staff type, and what breaks things: Polish numbers, percents, errors, markers, extremes. */
const typed = fc.oneof(
  fc.constantFrom("", "x", "b.d.", "brak danych", "#DIV/0!", "#N/A", "-0", "0", "0%", "100%", "1e308", "-1e308", "∞"),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n.toLocaleString("pl-PL")),
  fc.double({ min: -500, max: 500, noNaN: true }).map((d) => `${d.toFixed(2).replace(".", ",")}%`),
  fc.string({ maxLength: 12 }),
);

describe("validate on the annex with random cells retyped", () => {
  test("never throws, and every finding is well formed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2, max: 197 }), fc.integer({ min: 0, max: 8 }), typed), {
          minLength: 1,
          maxLength: 30,
        }),
        (edits) => {
          const sheet = annexWith(Object.fromEntries(edits.map(([r, c, text]) => [toA1(r, c), text])));
          for (const f of findingsOf(workbookOf(sheet))) {
            expect(["error", "warning", "info"]).toContain(f.severity);
            expect(f.code).toMatch(/^[a-z_]+$/);
            expect(f.address).toMatch(/^[A-Z]+\d+$/);
            expect(f.sheet).toBe("Załącznik 5");
            expect(f.message.pl).not.toMatch(/undefined|NaN|null/);
            expect(f.message.en).not.toMatch(/undefined|NaN|null/);
          }
        },
      ),
      { numRuns: 20 * SCALE },
    );
  });
});
