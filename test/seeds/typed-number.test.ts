import { typedNumber } from "../../scripts/seeds/typed-number";

describe("typedNumber", () => {
  it.each([
    ["89%", 0.89, "0%"],
    ["9,54%", 0.0954, "0.00%"],
    ["2,1%", 0.021, "0.0%"],
    ["0,00%", 0, "0.00%"],
    ["5 120", 5120, "#,##0"],
    ["208\u00a0644", 208644, "#,##0"],
    ["1030", 1030, "General"],
    ["-0,92", -0.92, "0.00"],
    ["1,3", 1.3, "0.0"],
    ["4,5", 4.5, "0.0"],
    ["125 047,39", 125047.39, "#,##0.00"],
  ])("reads %j as %p shown with %j", (text, value, numFmt) => {
    expect(typedNumber(text)).toEqual({ value, numFmt });
  });

  it.each(["b.d.", "brak danych", "x", "MOPS KIS 17%\nGUP 4%", "rok 2021", "5 12", "1 2345", "778.703,58zł", ""])(
    "leaves %j as text",
    (text) => {
      expect(typedNumber(text)).toBeNull();
    },
  );
});
