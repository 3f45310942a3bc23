import { matchesShown, unitsOff } from "../../../src/core/ratio/precision";
import { parseText, parseValue } from "../../../src/core/values";

describe("matchesShown: a recalculated ratio against the value typed in the 2023 annex", () => {
  it.each([
    // [case, recalculated ratio, text typed in the sheet, matches?]
    ["W12_W 2021: 837/1187 = 70.51 %, typed rounded half-up to 0 decimals", 837 / 1187, "70%", true],
    ["W39_W 2022: 34/642 = 5.296 %, typed truncated to 2 decimals", 34 / 642, "5,29%", true],
    ["W39_W baseline: 62/585 = 10.598 %, typed truncated to 1 decimal", 62 / 585, "10,5%", true],
    ["W39_W 2023: 38/650 = 5.846 %, rounded half-up", 38 / 650, "5,85%", true],
    ["W15_W baseline: 1160/1177 = 98.556 %", 1160 / 1177, "98,56%", true],
    ["W19_W baseline: 5120/6569 = 77.94 % is neither 80 % rounded nor truncated", 5120 / 6569, "80%", false],
    ["W7_W baseline: 6569/208644 = 3.148 % is 3,1 %, typed with a padding zero as 3,10", 6569 / 208644, "3,10%", true],
    ["W13_W baseline: 213/353 = 60.34 % is 60,3 %, typed with a padding zero as 60,30", 213 / 353, "60,30%", true],
    ["a padding zero is not any digit: 3.148 % is not 3,20 nor 3,15 read as 3,2", 6569 / 208644, "3,20%", false],
    ["W5_W baseline: 60087/779960 = 7.704 % is not 7,69 %", 60087 / 779960, "7,69%", false],
    ["W16_W 2021: 985/(985+30) = 97.04 % is not 98 %", 985 / 1015, "98%", false],
  ])("%s", (_, recalculated, typed, expected) => {
    expect(matchesShown(recalculated, parseText(typed), "percent")).toBe(expected);
  });

  it("counts how many units of the last shown digit apart a reported value is (7,69 % for 7,704 % is one)", () => {
    expect(unitsOff(60087 / 779960, parseText("7,69%"), "percent")).toBe(1);
    expect(unitsOff(985 / 1015, parseText("98%"), "percent")).toBe(1);
    expect(unitsOff(31230 / 779960, parseText("4,1%"), "percent")).toBe(1);
    expect(unitsOff(5120 / 6569, parseText("80%"), "percent")).toBe(2);
    expect(unitsOff(837 / 1187, parseText("70%"), "percent")).toBe(0);
    // A padding zero read away does not shrink a real difference: 3,20 against 3,148 is five units of 3,1x.
    expect(unitsOff(6569 / 208644, parseText("3,20%"), "percent")).toBe(5);
  });

  it("reads a bare number typed in a percent row as percentage points (W4_W 2021: '4,5' for 4827/107460 = 4.49 %)", () => {
    expect(matchesShown(4827 / 107460, parseText("4,5"), "percent")).toBe(true);
    expect(matchesShown(4827 / 107460, parseText("4,6"), "percent")).toBe(false);
  });

  it("reads a true number up to 1 under a plain format in a percent row as a fraction, the way Excel stores percents", () => {
    expect(matchesShown(4827 / 107460, parseValue(0.0449, "0,0449", "General"), "percent")).toBe(true);
    expect(matchesShown(4827 / 107460, parseValue(0.0451, "0,0451", "General"), "percent")).toBe(false);
  });

  it("compares a true number with a percent format like the typed percent", () => {
    expect(matchesShown(837 / 1187, parseValue(0.7, "70%", "0%"), "percent")).toBe(true);
    expect(matchesShown(5120 / 6569, parseValue(0.8, "80%", "0%"), "percent")).toBe(false);
  });

  it("compares rates and hours as plain numbers (W11_W 2022: 1806/802781 × 1000 = 2.2497; W10_W 2021: 714590/1945/52 = 7.065)", () => {
    expect(matchesShown((1806 / 802781) * 1000, parseText("2,25"), "per_1000")).toBe(true);
    expect(matchesShown(714590 / 1945 / 52, parseText("7,1"), "hours_per_week")).toBe(true);
    expect(matchesShown(714590 / 1945 / 52, parseText("7,2"), "hours_per_week")).toBe(false);
  });

  it("never lets a percent stand for a rate or hours, however small the rate (W1_W: 4,1 % against 0.0008 hours)", () => {
    expect(matchesShown(31230 / 779960 / 52, parseText("4,1%"), "hours_per_week")).toBe(false);
  });

  it("has nothing to compare against 'b.d.', 'x', text or a two-value cell", () => {
    for (const typed of ["b.d.", "x", "", "brak danych", "MOPS KIS 17%\nGUP 4%"]) {
      expect(matchesShown(0.17, parseText(typed), "percent")).toBeNull();
    }
  });
});
