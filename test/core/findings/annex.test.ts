import { analyzeWorkbook } from "../../../src/core/analyze";
import { EXPERT_CODES } from "../../../src/core/findings/expert";
import type { Finding } from "../../../src/core/model";
import { snapshotFromWorkbook } from "../../../src/xlsx/read";
import { openSeed } from "../../xlsx/helpers";
import { annexWith, brief, findingsOf, workbookOf } from "./annex-sheet";

/**
 * Every finding on the 2023 annex, checked by hand against the seed text, with why it is one.
 * Columns: the typed sheet keeps the seed's layout (baseline in C or D, years in F-H or G-I).
 */
const EXPECTED: [string, string][] = [
  ["error ratio_mismatch C5", "W19_W baseline 80 %, but 5 120 / 6 569 = 77.9 %"],
  ["info number_as_text C5", "every number of the typed sheet is text: one line for the sheet"],
  ["warning unknown_trend B13", "indicator 5 (refugees, social work) has values but no trend"],
  ["warning unknown_trend B14", "indicator 6 (refugees, counselling) has values but no trend"],
  ["warning missing_value H14", 'indicator 6, 2023 is "b.d."'],
  // W7_W C37 and F37 "3,10%" are no longer errors: 6 569 / 208 644 = 3.148 % reads 3,1 % and the zero is padding.
  ["error ratio_mismatch G48", "W39_W 2021 5,70 %, but 34 / 6 = 566.67 %: the denominator G50 is wrong, and named"],
  ["warning implausible_jump G50", "W39_W denominator 2021 is 6 between 585 and 642"],
  ["warning missing_value G57", "indicator 2 of direction 2 has no 2021 value"],
  ["warning missing_value G58", "refugees in families: no 2021 value"],
  ["warning missing_value F85", "minor refugees in foster care: no 2021 value"],
  // W13_W C87 "60,30%" is 213 / 353 = 60.34 % read as 60,3 % with a padding zero: no finding.
  ["error ratio_mismatch F87", "W13_W 2021 91 %, but 199 / 293 = 67.9 %"],
  ["warning missing_value F94", "W41_W reports 43 % for 2021 but its numerator is empty"],
  ["warning missing_value F95", "and so is its denominator"],
  ["warning missing_value C114", "indicator 5 of domain 2 direction 2: its components have no baseline"],
  ["warning missing_value C115", "the other component neither"],
  ["warning ratio_last_digit C121", "W5_W baseline 7,69 %, but 60 087 / 779 960 = 7.704 %: one unit in the last digit"],
  ["warning missing_value F124", "refugees in care homes: no 2021 value"],
  ["warning missing_value G144", "refugees in temporary accommodation: no 2021 value"],
  [
    "error duplicate_indicator H149",
    '"Liczba osób w rodzinach objętych pomocą MOPS" 2022: 25 328 here, 31 680 in row 57 and under W1_W',
  ],
  ["error duplicate_indicator I149", "the same indicator 2023: 24 503 here, 31 497 in row 57 and under W1_W"],
  [
    "warning ratio_last_digit D150",
    "W1_W baseline 4,1 %, but 31 230 / 779 960 = 4.004 % (4,0 %): one unit in the last digit",
  ],
  ["warning missing_value G153", "refugee benefits: no 2021 value"],
  ["warning missing_value G160", "W14_W reports 26,6 % for 2021 but KIS participants are empty"],
  ["warning missing_value G161", "and so are the unemployed on benefits"],
  ["warning numbering_gap B169", "domain 3 direction 4 goes 1, 2, 3, 5: no 4"],
  ["error ratio_mismatch C170", "baseline 0 %, but its components give 62 / 295 = 21 %"],
  ["warning ratio_last_digit F173", "W16_W 2021 98 %, but 985 / (985 + 30) = 97.04 %: one unit in the last digit"],
  ["warning numbering_repeat B177", "after 8 comes 6 again"],
  ["warning numbering_repeat B178", "and 7 again"],
  ["warning percent_sign_missing F185", 'W4_W 2021 typed "4,5" in a row of percentages'],
  ["warning multiple_values F196", '"MOPS KIS 17%" over "GUP 4%" in one cell'],
  ["warning multiple_values G196", "19 % over 11 %"],
  ["warning multiple_values H196", "19 % over 19 %"],
];

/** The expert checks' findings are listed and explained in expert.test.ts. */
const byCell = (fs: Finding[]): string[] =>
  fs
    .filter((f) => !EXPERT_CODES.includes(f.code))
    .map(brief)
    .sort();

describe("findings on the 2023 annex (typed)", () => {
  const wb = workbookOf(annexWith());
  const analysis = analyzeWorkbook(wb);
  const { findings } = analysis;

  test("are exactly the mistakes found by hand, no more", () => {
    expect(byCell(findings)).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  test("errors come first, largest first; the rest in sheet order, row by row", () => {
    const errors = findings.filter((f) => f.severity === "error");
    expect(findings.slice(0, errors.length)).toEqual(errors);
    // Two figures 100 % and 99 % apart, then 25 %, 22 %, 20 % and a 2 pp slip (80 % for 78 %).
    expect(errors.map((f) => f.address)).toEqual(["C170", "G48", "F87", "I149", "H149", "C5"]);
    const sizes = errors.map((f) => f.size ?? 0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const rest = findings.slice(errors.length).filter((f) => f.severity === "warning");
    expect(rest.map((f) => f.row)).toEqual([...rest.map((f) => f.row)].sort((a, b) => a - b));
  });

  test("say what is wrong and what was expected, in both languages", () => {
    const at = (address: string, code: string): Finding =>
      findings.find((f) => f.address === address && f.code === code)!;
    const w19 = at("C5", "ratio_mismatch");
    expect(w19).toMatchObject({
      sheet: "Załącznik 5",
      row: 4,
      column: "baseline",
      indicatorId: analysis.sheets[0]!.tables[0]!.indicators[0]!.id,
    });
    expect(w19.message.pl).toMatch(/W19_W.*wpisano 80%.*wychodzi 78%/);
    expect(w19.message.en).toMatch(/W19_W.*80% is reported.*give 78%/);
    expect(at("G48", "ratio_mismatch").message.pl).toContain(
      "wychodzi 566,67% (udział: 34 / 6). Przyczyną jest raczej składowa: G50 (6)",
    );
    expect(at("C121", "ratio_last_digit").message.pl).toMatch(/wpisano 7,69%.*wychodzi 7,70%.*jednej jednostki/);
    expect(at("F173", "ratio_last_digit").message.en).toContain("give 97% (coverage of need: 985 / (985 + 30))");
    expect(at("G50", "implausible_jump").message.pl).toMatch(/6 to ok\. 107 razy mniej.*585.*642/);
    expect(at("H149", "duplicate_indicator").message.pl).toMatch(
      /25 328 tutaj, a 31 680 w wierszu 57.*31 680 w wierszu 151/,
    );
    expect(at("F185", "percent_sign_missing").message.pl).toContain("odczytano jako 4,5%");
    expect(at("B177", "numbering_repeat").message.en).toMatch(/Number 6 repeats.*row 170.*9 was expected/);
    for (const f of findings) {
      expect(f.message.pl.length).toBeGreaterThan(20);
      expect(f.message.en.length).toBeGreaterThan(20);
    }
  });

  test("no error on a value that matches at the shown precision", () => {
    const errors = new Set(findings.filter((f) => f.severity === "error").map((f) => f.address));
    let matching = 0;
    for (const ind of analysis.sheets[0]!.tables[0]!.indicators) {
      const ratio = analysis.ratios[ind.id];
      if (!ratio) continue;
      for (const [key, match] of Object.entries(ratio.matches)) {
        const cell = key === "baseline" ? ind.baseline : ind.values[Number(key)];
        if (match !== true || !cell) continue;
        matching++;
        expect(errors).not.toContain(cell.address);
      }
    }
    expect(matching).toBeGreaterThan(60);
  });

  test("the annex with its mistakes corrected gives no error, and the jump goes with the typo", () => {
    const corrected = findingsOf(
      workbookOf(
        annexWith({
          C5: "78%",
          G50: "596", // 34 / 596 = 5,70 %, as reported
          F87: "68%",
          C121: "7,70%",
          D150: "4,0%",
          F173: "97%",
          H149: "31 680",
          I149: "31 497",
          C170: "21%",
        }),
      ),
    );
    expect(corrected.filter((f) => f.severity === "error")).toEqual([]);
    expect(byCell(corrected)).toEqual(
      EXPECTED.map(([f]) => f)
        .filter(
          (f) => !f.startsWith("error") && !f.includes("ratio_last_digit") && f !== "warning implausible_jump G50",
        )
        .sort(),
    );
  });
});

describe("findings on the 2023 annex as true numbers", () => {
  test("are the typed sheet's, less the numbers typed as text", async () => {
    const wb = snapshotFromWorkbook(await openSeed("annex-2023-numbers.xlsx"));
    const found = byCell(analyzeWorkbook(wb).findings);
    expect(found).toEqual(
      EXPECTED.map(([f]) => f)
        .filter((f) => !f.includes("number_as_text"))
        .sort(),
    );
  });
});
