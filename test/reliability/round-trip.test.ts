/**
 * Reading then formatting a number, at the edges that test/core/format.test.ts (±1e7, General to ±1e10) leaves out:
 * the whole range of doubles (1e308, 5e-324, -0) under every format staff use, odd ones included, and typed
 * integers up to the 15 significant digits Excel keeps (General switches to "1E+11" from 11 digits: typed as text,
 * that reads as text, not as a number).
 */
import fc from "fast-check";
import { formatValue } from "../../src/core/format";
import { parseValue } from "../../src/core/values";
import { FORMATS, anyNumber } from "./arbitraries";
import { RUNS } from "./runs";

test("a true number of any size keeps its value, and its text shows the same again, under any format", () => {
  fc.assert(
    fc.property(anyNumber, fc.constantFrom(...FORMATS), (x, format) => {
      const text = formatValue(x, format);
      const parsed = parseValue(x, text, format);
      expect(parsed.value).toBe(x);
      expect(["number", "percent"]).toContain(parsed.kind);
      expect(formatValue(parsed.value, format)).toBe(text);
    }),
    { numRuns: RUNS.formatRoundTrip },
  );
});

test("an integer of up to 15 digits, shown with or without grouping and typed back as text, reads as itself", () => {
  const integer = fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 });
  fc.assert(
    fc.property(integer, fc.constantFrom("0", "#,##0", "# ##0"), (x, format) => {
      const text = formatValue(x, format);
      const typed = parseValue(text, text, "General");
      expect(typed).toMatchObject({ kind: "number", value: x, decimals: 0, typedAsText: true });
    }),
    { numRuns: RUNS.formatRoundTrip },
  );
});
