import { nameKey } from "../../../src/core/findings/consistency";
import { EXPERT_CODES } from "../../../src/core/findings/expert";
import type { Finding } from "../../../src/core/model";
import { annexWith, brief, findingsOf, workbookOf } from "./annex-sheet";

/**
 * Findings that the given edits add to those of the untouched annex (the count of numbers as text aside, and the
 * expert checks, whose messages quote the indicator's values: expert.test.ts has their own).
 */
function added(edits: Parameters<typeof annexWith>[0]): Finding[] {
  const key = (f: Finding): string => `${brief(f)} ${f.message.en}`;
  const before = new Set(findingsOf(workbookOf(annexWith())).map(key));
  return findingsOf(workbookOf(annexWith(edits))).filter(
    (f) => f.code !== "number_as_text" && !EXPERT_CODES.includes(f.code) && !before.has(key(f)),
  );
}

const briefs = (fs: Finding[]): string[] => fs.map(brief).sort();

describe("checks the 2023 annex does not trigger, on changed copies of it", () => {
  test("an Excel error value is an error, and no ratio is judged from it", () => {
    const found = added({ G5: "#DIV/0!" }); // W19_W 2022
    expect(briefs(found)).toEqual(["error excel_error G5"]);
    expect(found[0]!.message.pl).toContain("#DIV/0!");
  });

  test("a formula cell whose cached result disagrees with its components is a formula_mismatch", () => {
    // W39_W 2021: the reported 5,70% now comes from a formula (the denominator "6" still gives 566,67%).
    const found = findingsOf(workbookOf(annexWith({ G48: { text: "5,70%", formula: "=G49/596" } })));
    const at = found.filter((f) => f.address === "G48");
    expect(briefs(at)).toEqual(["error formula_mismatch G48"]);
    expect(at[0]!.message.en).toContain("the formula =G49/596 gives 5,70%");
  });

  test("a formula cell whose result matches gives nothing", () => {
    const found = findingsOf(workbookOf(annexWith({ F5: { text: "89%", formula: "=F6/F7" } }))); // 5 853 / 6 569 = 89.1 %
    expect(found.filter((f) => f.address === "F5")).toEqual([]);
  });

  test("a negative count is an error", () => {
    const found = added({ H6: "-6 138" }); // W19_W numerator 2023
    expect(briefs(found).filter((f) => f.includes("H6"))).toEqual(["error negative_count H6"]);
  });

  test("a negative indicator that is not a count (natural increase, W6_W) is fine", () => {
    expect(added({ G41: "-9,2" }).filter((f) => f.code === "negative_count")).toEqual([]);
  });

  test("a share above 100 % is an error; another percentage above 100 % a warning", () => {
    const share = added({ H5: "162%" }); // W19_W 2023: 6 138 / 9 837 is 62 %
    expect(briefs(share)).toEqual(["error ratio_mismatch H5", "error share_out_of_range H5"]);
    const other = added({ G12: "122%" }); // indicator 4, no components
    expect(briefs(other)).toEqual(["warning share_out_of_range G12"]);
  });

  test("a target on the wrong side of the baseline, for an increase and for a decrease", () => {
    expect(briefs(added({ D11: "50" }))).toEqual(["warning target_wrong_side D11"]); // increase from 58
    const decrease = added({ E48: "12%" }); // W39_W: decrease from 10,5 %
    expect(briefs(decrease)).toEqual(["warning target_wrong_side E48"]);
    expect(decrease[0]!.message.pl).toContain(
      "trend to spadek, a wartość docelowa 12% leży powyżej wartości bazowej 10,5%",
    );
  });

  test("the same component under another indicator with another value: the odd one out is reported", () => {
    // "liczba mieszkańców Krakowa" 2022 is 802 781 under W5_W, W11_W and W1_W; W11_W's copy is changed.
    const found = added({ H139: "802 000" }).filter((f) => f.code === "component_conflict");
    expect(briefs(found)).toEqual(["error component_conflict H139"]);
    expect(found[0]!.message.pl).toMatch(/802 000 tutaj, a 802 781 w wierszu 123 .* oraz 802 781 w wierszu 152/);
  });

  test("two rows that share a name but agree nowhere are different things, and no conflict", () => {
    // "liczba miejsc w mieszkaniach chronionych": rows 111 (seniors: 17, 24, 24, 24) and 171 (62, 62, 83, 82).
    const all = findingsOf(workbookOf(annexWith()));
    expect(all.filter((f) => f.row === 110 || f.row === 170)).toEqual([]);
    // Once they agree in one column they count as one quantity, and the rest of the row conflicts.
    const linked = added({ C171: "17" }).filter((f) => f.code === "component_conflict");
    expect(linked.length).toBeGreaterThan(0);
  });

  test("with two copies and no majority, both are reported", () => {
    // "liczba rodzin mających 3 i więcej dzieci" under W19_W (row 7) and W7_W (row 39), 2022.
    const found = added({ G39: "6 600" }).filter((f) => f.code === "component_conflict");
    expect(briefs(found)).toEqual(["error component_conflict G39", "error component_conflict G7"]);
  });

  test("a count a hundred times larger than the rest of its row is a jump too", () => {
    // W41_W denominator: 1 164, (2021 empty), 1 259, then 127 300 for 2023.
    expect(briefs(added({ H95: "127 300" })).filter((f) => f.includes("jump"))).toEqual([
      "warning implausible_jump H95",
    ]);
  });

  test("an empty cell in a row with data is missing; an x is not", () => {
    expect(briefs(added({ I51: "" }))).toEqual(["warning missing_value I51"]); // W56_Z 2023
    expect(added({ I51: "x" })).toEqual([]);
  });
});

describe("nameKey", () => {
  test("drops the STRADOM code, case, spacing and the final full stop", () => {
    expect(nameKey("Populacja  rodzin w Krakowie, wskaźnik W19_W (system STRADOM UMK).")).toBe(
      "populacja rodzin w krakowie",
    );
    expect(nameKey("Poziom umieszczania dzieci - wskaźnik W39_W (system STRADOM UMK)")).toBe(
      "poziom umieszczania dzieci",
    );
    expect(nameKey("Liczba wnioskodawców, miernik M13_M (system STRADOM UMK).")).toBe("liczba wnioskodawców");
    expect(nameKey("liczba mieszkańców Krakowa")).toBe(nameKey("Liczba mieszkańców  Krakowa."));
  });
});
