import type { GuideRow } from "../../scripts/seeds/annex-guide";
import { groupings, readEditionRow } from "../../scripts/seeds/edition-rows";
import type { ValueLine } from "../../scripts/seeds/edition-values";

const line = (text: string, continues = false): ValueLine => ({
  line: 1,
  text,
  pieces: text.split(" ").map((p) => (p === "utrz" ? "utrzymanie wartości bazowej" : p)),
  continues,
});
const guide = (lp: string, base: string, target: string, trend: string, ...years: string[]): GuideRow => ({
  row: 1,
  lp,
  name: "n",
  base,
  target,
  trend,
  years: { 2021: years[0] ?? "", 2022: years[1] ?? "", 2023: years[2] ?? "" },
});

describe("groupings", () => {
  it("reads space-separated thousands every way they allow", () => {
    expect(groupings("58 120".split(" "))).toEqual([["58", "120"], ["58 120"]]);
    expect(groupings("5 120 5 853".split(" ")).filter((g) => g.length === 2)).toEqual([["5 120", "5 853"]]);
    expect(groupings("1,3 120".split(" "))).toEqual([["1,3", "120"]]);
    expect(groupings("1 047,39".split(" "))).toEqual([["1", "047,39"], ["1 047,39"]]);
  });
});

describe("readEditionRow", () => {
  it("places baseline, target, trend and years by the guide row", () => {
    const row = readEditionRow([line("3 58 120 wzrost 132 124")], guide("3", "58", "120", "wzrost", "132", "124", "142"), [2021, 2022]);
    expect(row).toMatchObject({ lp: "3", base: "58", target: "120", trend: "wzrost", years: { 2021: "132", 2022: "124" } });
  });

  it("keeps the edition's value where it differs from the guide's", () => {
    const row = readEditionRow([line("4 15% wzrost 13% 43%")], guide("4", "15%", "", "wzrost", "13%", "22%"), [2021, 2022]);
    expect(row?.years).toEqual({ 2021: "13%", 2022: "43%" });
  });

  it("puts a lone year value in the year the guide fills", () => {
    const row = readEditionRow([line("2 31 230 utrz", true), line("39 610")], guide("2", "31 230", "", "utrzymanie wartości bazowej", "", "31 680"), [2021, 2022]);
    expect(row).toMatchObject({ base: "31 230", trend: "utrzymanie wartości bazowej", years: { 2021: "", 2022: "39 610" } });
  });

  it("refuses a reading that two placements fit equally well", () => {
    expect(readEditionRow([line("17 24")], guide("", "17", "", "", "24", "24"), [2021, 2022])).toBeNull();
  });

  it("refuses an indicator line without its number", () => {
    expect(readEditionRow([line("20% utrz")], guide("1", "20%", "", "utrzymanie wartości bazowej"), [2021])).toBeNull();
  });
});
