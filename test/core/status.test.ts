import fc from "fast-check";
import type { ParsedValue, Trend, ValueCell } from "../../src/core/model";
import {
  isPercentRow,
  lostPercentSign,
  numberInRow,
  rowStatuses,
  statusOfValue,
  type ValueRow,
} from "../../src/core/status";

/** A value cell as the value reader gives it, built by hand. */
function cell(kind: ParsedValue["kind"], value: number | null, text: string, typedAsText = true): ValueCell {
  const col = 5;
  const decimals = value === null ? null : (text.split(",")[1] ?? "").replace(/\D/g, "").length;
  return {
    row: 4,
    col,
    address: `${String.fromCharCode(65 + col)}5`,
    parsed: { kind, value, decimals, text, typedAsText },
    formula: null,
    numberFormat: "General",
  };
}
const pct = (value: number, text: string): ValueCell => cell("percent", value, text);
const num = (value: number, text = String(value)): ValueCell => cell("number", value, text);
const missing = (text: string): ValueCell => cell("missing", null, text);

function row(baseline: ValueCell | null, values: (ValueCell | null)[], target: ValueCell | null = null): ValueRow {
  return { baseline, target, values: Object.fromEntries(values.map((v, i) => [2021 + i, v])) };
}
const YEARS = [2021, 2022, 2023];

describe("statusOfValue", () => {
  test("increase: target reached (inclusive), better, same or worse than the baseline", () => {
    expect(statusOfValue("increase", 58, 120, 132, 0.05)).toBe("target_met");
    expect(statusOfValue("increase", 58, 120, 120, 0.05)).toBe("target_met");
    expect(statusOfValue("increase", 58, 120, 119, 0.05)).toBe("improved");
    expect(statusOfValue("increase", 58, null, 58, 0.05)).toBe("unchanged");
    expect(statusOfValue("increase", 0.02, null, 0.017, 0.05)).toBe("worsened");
  });

  test("decrease is the mirror image", () => {
    expect(statusOfValue("decrease", 0.105, 0.05, 0.05, 0.05)).toBe("target_met");
    expect(statusOfValue("decrease", 0.105, 0.05, 0.0585, 0.05)).toBe("improved");
    expect(statusOfValue("decrease", 502, null, 502, 0.05)).toBe("unchanged");
    expect(statusOfValue("decrease", 0.0047, null, 0.0051, 0.05)).toBe("worsened");
  });

  test("maintain: within the tolerance of the baseline, inclusive", () => {
    expect(statusOfValue("maintain", 0.8, null, 0.84, 0.05)).toBe("stable");
    expect(statusOfValue("maintain", 0.8, null, 0.76, 0.05)).toBe("stable");
    expect(statusOfValue("maintain", 0.8, null, 0.8401, 0.05)).toBe("deviated");
    expect(statusOfValue("maintain", 0.8, null, 0.89, 0.05)).toBe("deviated");
    expect(statusOfValue("maintain", 0.8, null, 0.89, 0.15)).toBe("stable");
    // A target equal to the baseline (indicator 12 of the annex) changes nothing.
    expect(statusOfValue("maintain", 35, 35, 45, 0.05)).toBe("deviated");
  });

  test("maintain: a zero baseline is stable only at zero", () => {
    expect(statusOfValue("maintain", 0, null, 0, 0.05)).toBe("stable");
    expect(statusOfValue("maintain", 0, null, 0.001, 0.5)).toBe("deviated");
  });

  test("no data without a value or a baseline; unknown trend said as such", () => {
    expect(statusOfValue("increase", null, 20, 25, 0.05)).toBe("no_data");
    expect(statusOfValue("increase", 5, null, null, 0.05)).toBe("no_data");
    expect(statusOfValue("unknown", 0, null, 533, 0.05)).toBe("unknown_trend");
    expect(statusOfValue("unknown", 0, null, null, 0.05)).toBe("no_data");
  });

  test("property: decrease on numbers equals increase on their negatives", () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, fc.option(n), n, (b, t, v) => {
        const mirrored = statusOfValue("increase", -b, t === null ? null : -t, -v, 0.05);
        expect(statusOfValue("decrease", b, t, v, 0.05)).toBe(mirrored);
      }),
    );
  });

  test("property: maintain is stable exactly within the tolerance band", () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, fc.double({ min: 0, max: 1, noNaN: true }), (b, v, tol) => {
        const gap = Math.abs(v - b);
        const status = statusOfValue("maintain", b, null, v, tol);
        if (gap < tol * Math.abs(b) * (1 - 1e-6)) expect(status).toBe("stable");
        if (gap > tol * Math.abs(b) * (1 + 1e-6) + 1e-6) expect(status).toBe("deviated");
      }),
    );
  });
});

describe("rowStatuses", () => {
  test("W19_W (maintain, baseline 80 %): every year deviates at 5 %, only 62 % at 15 %", () => {
    const w19 = row(pct(0.8, "80%"), [pct(0.89, "89%"), pct(0.91, "91%"), pct(0.62, "62%")]);
    expect(rowStatuses(w19, "maintain", YEARS, 0.05)).toEqual({
      2021: "deviated",
      2022: "deviated",
      2023: "deviated",
      latest: "deviated",
    });
    expect(rowStatuses(w19, "maintain", YEARS, 0.15)).toEqual({
      2021: "stable",
      2022: "stable",
      2023: "deviated",
      latest: "deviated",
    });
  });

  test("latest is the latest year that has a number (indicator 6: 2023 is b.d.)", () => {
    const r = row(num(0), [num(0), num(2226, "2 226"), missing("b.d.")]);
    expect(rowStatuses(r, "increase", YEARS, 0.05)).toEqual({
      2021: "unchanged",
      2022: "improved",
      2023: "no_data",
      latest: "improved",
    });
  });

  test("a row with no value at all has no latest status", () => {
    const r = row(null, [cell("not_applicable", null, "x"), cell("not_applicable", null, "x"), null]);
    expect(rowStatuses(r, "increase", YEARS, 0.05)).toEqual({
      2021: "no_data",
      2022: "no_data",
      2023: "no_data",
      latest: "no_data",
    });
  });

  test("two values in one cell cannot be judged against one baseline", () => {
    const two = cell("multiple", null, "MOPS KIS 17%\nGUP 4%");
    expect(rowStatuses(row(pct(0.2, "20%"), [two]), "maintain", [2021], 0.05)["2021"]).toBe("no_data");
  });

  test("W39_W (decrease, baseline 10,5 %, target 5 %)", () => {
    const w39 = row(
      pct(0.105, "10,5%"),
      [pct(0.057, "5,70%"), pct(0.0529, "5,29%"), pct(0.0585, "5,85%")],
      pct(0.05, "5%"),
    );
    expect(rowStatuses(w39, "decrease", YEARS, 0.05)).toEqual({
      2021: "improved",
      2022: "improved",
      2023: "improved",
      latest: "improved",
    });
  });

  test("years are taken in order whatever order they are given in", () => {
    const r = row(num(10), [num(11), num(9)]);
    const statuses = rowStatuses(r, "increase" as Trend, [2022, 2021], 0.05);
    expect(statuses).toEqual({ 2021: "improved", 2022: "worsened", latest: "worsened" });
  });
});

describe("a percent row whose value lost its % sign", () => {
  // W4_W of the 2023 annex: baseline 5,3 %, 2021 typed "4,5", 2022 5 %, 2023 4,7 %.
  const w4 = row(pct(0.053, "5,3%"), [num(4.5, "4,5"), pct(0.05, "5%"), pct(0.047, "4,7%")]);

  test("is read as the percentage it means, so 4,5 is worse than 5,3 %", () => {
    expect(isPercentRow(w4)).toBe(true);
    expect(lostPercentSign(w4.values[2021] as ValueCell, w4)).toBe(true);
    expect(numberInRow(w4.values[2021], w4)).toBeCloseTo(0.045, 12);
    expect(rowStatuses(w4, "increase", YEARS, 0.05)["2021"]).toBe("worsened");
  });

  test("a true number already in Excel's units (0,045 in General format) is not divided again", () => {
    const r = row(pct(0.053, "5,3%"), [cell("number", 0.045, "0,045", false), pct(0.05, "5%")]);
    expect(lostPercentSign(r.values[2021] as ValueCell, r)).toBe(false);
    expect(numberInRow(r.values[2021], r)).toBe(0.045);
  });

  test("a true number above 1 is percentage points: no share is above 100 %", () => {
    const r = row(pct(0.053, "5,3%"), [cell("number", 4.5, "4,5", false), pct(0.05, "5%")]);
    expect(numberInRow(r.values[2021], r)).toBeCloseTo(0.045, 12);
  });

  test("zero has lost nothing", () => {
    const r = row(pct(0.053, "5,3%"), [num(0, "0"), pct(0.05, "5%")]);
    expect(lostPercentSign(r.values[2021] as ValueCell, r)).toBe(false);
    expect(numberInRow(r.values[2021], r)).toBe(0);
  });

  test("a count row is not a percent row", () => {
    const r = row(num(5120, "5 120"), [num(5853, "5 853"), num(5956, "5 956")]);
    expect(isPercentRow(r)).toBe(false);
    expect(numberInRow(r.values[2021], r)).toBe(5853);
  });
});
