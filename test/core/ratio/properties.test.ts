import fc from "fast-check";
import { inferRatio } from "../../../src/core/ratio";
import { FORMULAS } from "../../../src/core/ratio/formulas";
import { matchesShown } from "../../../src/core/ratio/precision";
import { parseText } from "../../../src/core/values";
import { typedIndicator } from "./fixtures";

/** How staff type a value: to `decimals`, rounded half-up or truncated, with a decimal comma and optionally "%". */
function typed(shown: number, decimals: number, truncate: boolean, percent: boolean): string {
  const scale = 10 ** decimals;
  // Relative slack: a/b × 100 in binary may fall a hair below the exact decimal a person computes.
  const exact = shown * scale * (1 + 1e-12);
  const digits = truncate ? Math.floor(exact) : Math.floor(exact + 0.5);
  return (digits / scale).toFixed(decimals).replace(".", ",") + (percent ? "%" : "");
}

const counts = fc.integer({ min: 1, max: 900_000 });

describe("ratio properties", () => {
  it("a share typed rounded or truncated to any shown decimals always matches its recalculation", () => {
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 0, max: 3 }), fc.boolean(), (a, b, decimals, truncate) => {
        const share = a / b;
        expect(matchesShown(share, parseText(typed(share * 100, decimals, truncate, true)), "percent")).toBe(true);
      }),
    );
  });

  it("a value two shown steps away does not match, unless its last zeros may be padding", () => {
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 0, max: 3 }), (a, b, decimals) => {
        const pct = (a / b) * 100;
        const off = typed(pct + 2 / 10 ** decimals, decimals, false, true);
        // "213,80%" may be 213,8 % with a padding zero, which 213,78 % is: that is a match by design.
        fc.pre(!/,\d*0%$/.test(off));
        expect(matchesShown(a / b, parseText(off), "percent")).toBe(false);
      }),
    );
  });

  it("inference finds a formula reproducing every value typed from any family's results", () => {
    const years = [2021, 2022, 2023];
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMULAS),
        fc.array(fc.tuple(counts, counts), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        (formula, pairs, decimals, truncate) => {
          const keys = ["baseline", ...years.map(String)];
          const reported: Record<string, string> = {};
          const first: Record<string, string> = {};
          const second: Record<string, string> = {};
          keys.forEach((key, i) => {
            const [a, b] = pairs[i]!;
            const value = formula.compute(a, b) as number;
            const percent = formula.unit === "percent";
            reported[key] = typed(percent ? value * 100 : value, decimals, truncate, percent);
            // share_reversed: the sheet lists the denominator first.
            [first[key], second[key]] = formula.reversed ? [String(b), String(a)] : [String(a), String(b)];
          });
          const ind = typedIndicator(3, "Wskaźnik", null, reported, [
            ["liczba A", first],
            ["liczba B", second],
          ]);
          const { result } = inferRatio(ind);
          // Not necessarily the same family: "0,0" four times fits hours and a tiny coverage alike.
          expect(Object.values(result?.matches ?? {})).toEqual([true, true, true, true]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
