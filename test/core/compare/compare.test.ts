/** Matching and comparing on small typed sheets: each rule of the comparison on its own. */
import { compareEditions } from "../../../src/core/compare";
import { compareFigures } from "../../../src/core/compare/figures";
import { nameSimilarity } from "../../../src/core/compare/names";
import { recognizeSheet } from "../../../src/core/recognize";
import { parseValue } from "../../../src/core/values";
import { typedSheet } from "../../helpers/typed-sheet";

const HEADER = [
  "Dziedzina - Aktywna polityka na rzecz rodzin",
  "",
  "wartość bazowa",
  "zakładana wartość docelowa",
  "trend",
];

/** An annex of one domain with the given years; rows start with a direction title or [Lp., name, base, target, trend, ...years]. */
function annex(years: number[], rows: string[][]) {
  return recognizeSheet(typedSheet("Załącznik 5", [[...HEADER, ...years.map((y) => `rok ${y}`)], ...rows]));
}
const DIR1 = ["Kierunek działań 1. Zapewnienie warunków"];
const DIR2 = ["Kierunek działań 2. Zapewnienie dostępu do świadczeń"];

const v = (text: string, format = "General") => parseValue(text, text, format);

describe("figures compared as printed", () => {
  it.each([
    ["3,10%", "3,1%", "same"],
    ["8000", "8 000", "same"],
    ["7,69%", "7,7%", "same"],
    ["7,69%", "7,6%", "same"],
    ["4,5", "4,5%", "same"],
    ["80%", "89%", "revised"],
    ["39 610", "31 680", "revised"],
    ["x", "5%", "revised"],
    ["x", "x", "same"],
    ["b.d.", "5%", "absent"],
    ["5%", "", "absent"],
  ])("%s and %s: %s", (a, b, expected) => {
    expect(compareFigures(v(a), v(b))).toBe(expected);
  });

  it("reads a true number with a percent format as the percent it shows", () => {
    expect(compareFigures(v("89%"), parseValue(0.89, "89%", "0%"))).toBe("same");
    expect(compareFigures(v("80%"), parseValue(0.89, "89%", "0%"))).toBe("revised");
  });
});

describe("names", () => {
  it("are alike when retyped and unlike when they measure something else", () => {
    expect(
      nameSimilarity(
        "Liczba indywidualnych planów usamodzielnienia.",
        "Liczba indywidualnych planów usamodzielniania.",
      ),
    ).toBeGreaterThan(0.9);
    expect(
      nameSimilarity(
        "Przyrost naturalny, wskaźnik W6 _W (system STRADOM UMK).",
        "Przyrost naturalny, wskaźnik W6_W (system STRADOM UMK).",
      ),
    ).toBe(1);
    expect(
      nameSimilarity(
        "Liczba osób bezdomnych objętych pomocą finansową",
        "Liczba miejsc w schroniskach dla osób bezdomnych.",
      ),
    ).toBeLessThan(0.6);
  });
});

describe("comparing editions", () => {
  it("matches by STRADOM code across directions and renumbering, and reports revised values at their new cells", () => {
    const before = annex(
      [2021],
      [DIR1, ["1", "Populacja rodzin, wskaźnik W19_W (system STRADOM UMK).", "80%", "", "wzrost", "80%"]],
    );
    const after = annex(
      [2021, 2022],
      [DIR2, ["3", "Populacja rodzin korzystających z karty, wskaźnik W19_W.", "80%", "", "wzrost", "89%", "91%"]],
    );
    const c = compareEditions(before, after);
    expect(
      c.revisions.map((r) => [r.address, r.field, r.year, r.old.parsed.text, r.new.parsed.text, r.message.pl]),
    ).toEqual([["F3", "value", 2021, "80%", "89%", "wskaźnik W19_W, rok 2021: było 80%, jest 89%."]]);
    // 2022 is only in the new edition: not a revision
    expect(c.renumbered.map((x) => [x.old?.number, x.new?.number])).toEqual([["1", "3"]]);
    expect(c.added).toEqual([]);
  });

  it("matches uncoded indicators by name within their direction, tolerating rewording and renumbering", () => {
    const before = annex(
      [2021],
      [
        DIR1,
        ["1", "Liczba rodzin objętych wsparciem asystenta.", "35", "", "wzrost", "34"],
        ["2", "Liczba klubów rodziców.", "43", "", "wzrost", "44"],
        ["3", "Liczba porad.", "10", "", "wzrost", "12"],
        DIR2,
        ["1", "Liczba rodzin objętych wsparciem asystenta.", "5", "", "wzrost", "6"],
      ],
    );
    const after = annex(
      [2021],
      [
        DIR1,
        ["1", "Liczba klubów rodziców w Krakowie.", "43", "", "spadek", "44"],
        ["2", "Liczba rodzin objętych wsparciem asystenta rodziny.", "35", "40", "wzrost", "34"],
        DIR2,
        ["1", "Liczba rodzin objętych wsparciem asystenta.", "5", "", "wzrost", "7"],
      ],
    );
    const c = compareEditions(before, after);
    expect(c.revisions.map((r) => [r.address, r.field, r.message.pl])).toEqual([
      // the target 40 is new, where there was none: present in one edition only, not a revision
      ["E3", "trend", "wskaźnik 1. „Liczba klubów rodziców w Krakowie.”: trend był „wzrost”, jest „spadek”."],
      ["F6", "value", "wskaźnik 1. „Liczba rodzin objętych wsparciem asystenta.”, rok 2021: było 6, jest 7."],
    ]);
    expect(c.renumbered.map((x) => [x.address, x.old?.number, x.new?.number])).toEqual([
      ["B3", "2", "1"],
      ["B4", "1", "2"],
    ]);
    expect(c.renamed.map((x) => x.address)).toEqual(["B3", "B4"]);
    // the removed row points at the indicator that now follows where it was
    expect(c.removed.map((x) => [x.old?.name, x.address])).toEqual([["Liczba porad.", "B6"]]);
    expect(c.added).toEqual([]);
  });

  it("compares the components of a ratio by name, and their baselines", () => {
    const rows = (num: string, base: string) => [
      DIR1,
      ["1", "Poziom wsparcia, wskaźnik W18_W.", "15%", "", "wzrost", "13%"],
      ["", "liczba urodzeń żywych", "9 054", "", "", "8 671"],
      ["", "liczba osób objętych wsparciem", base, "", "", num],
    ];
    const c = compareEditions(annex([2021], rows("1 115", "1 374")), annex([2021], rows("1 116", "1 375")));
    expect(c.revisions.map((r) => [r.address, r.field, r.column, r.component?.name])).toEqual([
      ["C5", "component", "baseline", "liczba osób objętych wsparciem"],
      ["F5", "component", "2021", "liczba osób objętych wsparciem"],
    ]);
  });

  it("finds nothing between an edition and itself", () => {
    const rows = [DIR1, ["1", "Liczba porad.", "10", "20", "wzrost", "12"]];
    const c = compareEditions(annex([2021], rows), annex([2021], rows));
    expect([c.matched, c.revisions, c.added, c.removed, c.renamed, c.renumbered]).toEqual([1, [], [], [], [], []]);
  });
});
