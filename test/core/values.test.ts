import { formatDecimals, parseValue, readNumberText } from "../../src/core/values";

const typed = (s: string) => parseValue(s, s, "General");

describe("parseValue on text typed by hand (every form in DOMAIN.md)", () => {
  test.each([
    ["5 120", "number", 5120, 0],
    ["208\u00a0644", "number", 208644, 0],
    ["9,54%", "percent", 0.0954, 2],
    ["2,1%", "percent", 0.021, 1],
    ["89%", "percent", 0.89, 0],
    ["-0,92", "number", -0.92, 2],
    ["1,3", "number", 1.3, 1],
    ["4,5", "number", 4.5, 1],
    ["125 047,39", "number", 125047.39, 2],
    ["778.703,58zł", "number", 778703.58, 2],
    ["26 asystentów", "number", 26, 0],
    ["0,4 %", "percent", 0.004, 1],
    ["2,10 %", "percent", 0.021, 2],
    ["1030", "number", 1030, 0],
    ["1,5E-07", "number", 1.5e-7, 8],
    ["2,5E+11", "number", 2.5e11, 0],
  ])("%s", (text, kind, value, decimals) => {
    const v = typed(text);
    expect(v.kind).toBe(kind);
    expect(v.value).toBeCloseTo(value as number, 12);
    expect(v.decimals).toBe(decimals);
    expect(v.typedAsText).toBe(true);
    expect(v.text).toBe(text);
  });

  test.each([
    ["b.d.", "missing"],
    ["brak danych", "missing"],
    ["", "missing"],
    ["x", "not_applicable"],
    ["X", "not_applicable"],
    ["#DIV/0!", "error"],
    ["#N/A", "error"],
    ["#REF!", "error"],
    ["utrzymanie wartości bazowej", "text"],
    ["71 w tym: Wydział Edukacji: 56", "text"],
    ["Dzielnica XII", "text"],
  ])("%s is %s", (text, kind) => {
    const v = typed(text);
    expect(v.kind).toBe(kind);
    expect(v.value).toBeNull();
  });

  test("two values in one cell keep both, labelled", () => {
    const v = typed("MOPS KIS 17%\nGUP 4%");
    expect(v.kind).toBe("multiple");
    expect(v.parts?.map((p) => [p.label, p.value.value])).toEqual([
      ["MOPS KIS", 0.17],
      ["GUP", 0.04],
    ]);
  });

  test("a space that is not a thousands separator makes it text", () => {
    expect(typed("12 34 5").kind).toBe("text");
    expect(readNumberText("1 2")).toBeNull();
  });
});

describe("parseValue on true numbers with a number format", () => {
  test("a percent format gives a percent with the shown decimals", () => {
    expect(parseValue(0.0954, "9,54%", "0.00%")).toMatchObject({
      kind: "percent",
      value: 0.0954,
      decimals: 2,
      typedAsText: false,
    });
  });
  test("decimals come from the displayed text, else from the format", () => {
    expect(parseValue(5120, "5 120", "#,##0")).toMatchObject({ kind: "number", value: 5120, decimals: 0 });
    expect(parseValue(6.8666, "", "0.00")).toMatchObject({ kind: "number", decimals: 2 });
    expect(parseValue(0.89, "", "0%")).toMatchObject({ kind: "percent", decimals: 0 });
  });
  test("formatDecimals reads format codes", () => {
    expect(formatDecimals("0.00%")).toBe(2);
    expect(formatDecimals("#,##0")).toBe(0);
    expect(formatDecimals('#,##0.0" zł"')).toBe(1);
    expect(formatDecimals("General")).toBeNull();
  });
});
