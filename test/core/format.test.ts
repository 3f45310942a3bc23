import fc from "fast-check";
import { formatValue } from "../../src/core/format";
import { parseValue } from "../../src/core/values";

const NBSP = "\u00a0";

describe("formatValue (pl-PL display)", () => {
  test.each<[number | string | boolean | null, string, string]>([
    [0.89, "0%", "89%"],
    [0.0954, "0.00%", "9,54%"],
    [0.021, "0.0%", "2,1%"],
    [5120, "#,##0", `5${NBSP}120`],
    [5120, "# ##0", `5${NBSP}120`],
    [208644, "General", "208644"],
    [1234567.891, "#,##0.00", `1${NBSP}234${NBSP}567,89`],
    [-0.92, "0.00", "-0,92"],
    [1.3, "0.0", "1,3"],
    [4.5, "0", "5"],
    [1.005, "0.00", "1,01"],
    [9.995, "0.00", "10,00"],
    [0.9999, "0%", "100%"],
    [-0.001, "0.00", "0,00"],
    [0.1 + 0.2, "General", "0,3"],
    [2 / 3, "General", "0,666666667"],
    [1e12, "General", "1E+12"],
    [-1234.5, "#,##0;[Red]-#,##0", `-1${NBSP}235`],
    [-1234.5, '#,##0;"minus "#,##0', `minus 1${NBSP}235`],
    [0, '0.00;-0.00;"-"', "-"],
    [778703.58, '#,##0.00 "zł"', `778${NBSP}703,58 zł`],
    [778703.58, "#,##0.00\\ [$zł-415]", `778${NBSP}703,58 zł`],
    [26, '0" asystentów"', "26 asystentów"],
    [123456789, "#,##0,", `123${NBSP}457`],
    [12345, "0.00E+00", "1,23E+04"],
    [45000, "yyyy-mm-dd", "2023-03-15"],
    [45000.5, "dd.mm.yyyy hh:mm", "15.03.2023 12:00"],
    [45000, "d mmm yyyy", "15 mar 2023"],
    [45000, "mmmmm", "m"],
    // Excel's 1900 leap-year bug: serial 60 is a 29 February that never was, the days before it one day on.
    [1, "yyyy-mm-dd", "1900-01-01"],
    [59, "yyyy-mm-dd", "1900-02-28"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    [0, "yyyy-mm-dd", "1900-01-00"],
    // Out of the date range Excel fills the cell with "#".
    [-1, "yyyy-mm-dd", "######"],
    [2958466, "yyyy-mm-dd", "######"],
    [45000.99999, "hh:mm:ss", "23:59:59"],
    [1.005, "0.00E+00", "1,01E+00"],
    [9.995, "0.00E+00", "1,00E+01"],
    [-0.501, '"ok. "0', "-ok. 1"],
    [5120, "@", "5120"],
    [0.5, "# ?/?", "0,5"],
    ["$&", '"kod "@', "kod $&"],
    ["b.d.", "0%", "b.d."],
    ["x", "General", "x"],
    [true, "General", "PRAWDA"],
    [false, "0", "FAŁSZ"],
    [null, "0%", ""],
  ])("%p under %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  test("fixed decimals always show exactly that many digits after a comma", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const format = d === 0 ? "0" : `0.${"0".repeat(d)}`;
        const text = formatValue(x, format);
        const shown = Number(text.replace(",", "."));
        expect(text.split(",")[1]?.length ?? 0).toBe(d);
        expect(Math.abs(shown - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-14);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("formatValue and parseValue round trip", () => {
  const FORMATS = ["General", "0", "0.0", "0.00", "0%", "0.0%", "0.00%", "#,##0", "# ##0", "#,##0.00"];

  const shownDecimals = (format: string) => /\.(0+)/.exec(format)?.[1]?.length ?? 0;

  test("the shown text, typed back in by hand, reads as the number at the precision shown", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.constantFrom(...FORMATS.filter((f) => f !== "General")),
        (x, format) => {
          const text = formatValue(x, format);
          const typed = parseValue(text, text, "General");
          const percent = format.includes("%");
          expect(typed.kind).toBe(percent ? "percent" : "number");
          expect(typed.typedAsText).toBe(true);
          const d = shownDecimals(format);
          expect(typed.decimals ?? 0).toBe(d);
          const unit = 10 ** -d * (percent ? 0.01 : 1);
          expect(Math.abs((typed.value as number) - x)).toBeLessThanOrEqual(unit / 2 + Math.abs(x) * 1e-12);
          // and showing the read number again gives the same text
          expect(formatValue(typed.value, format)).toBe(text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("General shows up to 10 significant digits, which read back exactly at that precision", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e10, max: 1e10, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-6),
        (x) => {
          const text = formatValue(x, "General");
          const typed = parseValue(text, text, "General");
          expect(typed.value).not.toBeNull();
          expect(Math.abs((typed.value as number) - x)).toBeLessThanOrEqual(Math.abs(x) * 5e-10 + 1e-9);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("a true number keeps its value and the decimals its format shows", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.constantFrom(...FORMATS.slice(1)),
        (x, format) => {
          const parsed = parseValue(x, formatValue(x, format), format);
          expect(parsed.value).toBe(x);
          expect(parsed.typedAsText).toBe(false);
          expect(parsed.decimals).toBe(shownDecimals(format));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
