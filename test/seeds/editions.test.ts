import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { ANNEX_SHEET } from "../../scripts/seeds/annex-workbook";
import { ANNEX_2021_TEXT, ANNEX_2022_TEXT, rebuildEditions, SEEDS_DIR } from "../../scripts/seeds/seed-files";
import { readSeedSheet } from "./seed-sheet";

const seedText = (name: string): string => readFileSync(join(SEEDS_DIR, name), "utf8");
const rowsOf = (ws: ExcelJS.Worksheet): string[][] => {
  const rows: string[][] = [];
  ws.eachRow((row, r) => {
    rows[r] = Array.from({ length: 8 }, (_, c) => {
      const value = row.getCell(c + 1).value;
      return value === null || value === undefined ? "" : String(value);
    });
  });
  return rows.filter(Boolean);
};
const VALUE_TOKEN = /^(-?\d+(,\d+)?%?|x|wzrost|spadek|utrzymanie|brak|danych)$/;
const HEADER_WORDS = new Set(["wartość bazowa", "zakładana wartość docelowa", "trend", "wartość wskaźnika"]);

describe.each([
  ["annex-2022.xlsx", ANNEX_2022_TEXT, ["rok 2021", "rok 2022"]],
  ["annex-2021.xlsx", ANNEX_2021_TEXT, ["rok 2021"]],
])("%s", (file, seed, yearHeaders) => {
  let rows: string[][];
  beforeAll(async () => {
    rows = rowsOf(await readSeedSheet(file, ANNEX_SHEET));
  });

  it("has four domains, each headed by its own year columns", () => {
    const headers = rows.filter((r) => r[2] === "wartość bazowa");
    expect(headers).toHaveLength(4);
    for (const header of headers) {
      expect(header.slice(3, 5 + yearHeaders.length)).toEqual(["zakładana wartość docelowa", "trend", ...yearHeaders]);
      expect(header[5 + yearHeaders.length]).toBe("");
    }
  });

  it("holds only values of the edition's value lines, in the edition's order", () => {
    // The edition's value tokens ("utrzymanie wartości bazowej" is split over two lines there, kept as one word here).
    const seedTokens = seedText(seed)
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((tokens) => tokens.every((t) => VALUE_TOKEN.test(t)))
      .flat();
    const sheetTokens = rows
      .filter((r) => r[1] !== "")
      .flatMap((r) => [r[0], ...r.slice(2)])
      .filter((cell) => cell !== "")
      .flatMap((cell) => (cell === "utrzymanie wartości bazowej" ? ["utrzymanie"] : cell!.split(/\s+/)));
    expect(sheetTokens.length).toBeGreaterThan(200);
    let at = 0;
    for (const token of sheetTokens) {
      const found = seedTokens.indexOf(token, at);
      expect([token, at, found >= 0]).toEqual([token, at, true]);
      at = found + 1;
    }
  });

  it("names every row as the edition's text spells it", () => {
    const text = seedText(seed).replace(/\s+/g, "");
    const names = rows.filter((r) => r[1] !== "" || r[0]!.startsWith("Kierunek")).map((r) => r[1] || r[0]);
    expect(names.length).toBeGreaterThan(60);
    for (const name of names) expect([name, text.includes(name!.replace(/\s+/g, ""))]).toEqual([name, true]);
  });

  it("puts no header words among the values", () => {
    for (const row of rows.filter((r) => r[1] !== "")) {
      expect(row.slice(2).some((cell) => HEADER_WORDS.has(cell))).toBe(false);
    }
  });
});

describe("the rebuilt editions keep their own values", () => {
  const row = async (file: string, namePrefix: string): Promise<string[]> => {
    const rows = rowsOf(await readSeedSheet(file, ANNEX_SHEET));
    const found = rows.filter((r) => r[1]!.startsWith(namePrefix));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    // [file, name prefix, Lp., baseline, target, trend, years…]; the 2023 annex differs where marked.
    ["annex-2022.xlsx", "Poziom wsparcia w formie zapomogi", ["4", "15%", "", "wzrost", "13%", "43%"]], // 2023: 22%
    ["annex-2022.xlsx", "Liczba osób w rodzinach uchodźców", ["3", "0", "", "wzrost", "", "49 132"]],
    ["annex-2022.xlsx", "Skala interwencji", ["3", "4,1%", "", "utrzymanie wartości bazowej", "3,6%", "4,9%"]], // 2023: 3,9%
    ["annex-2022.xlsx", "Poziom zaspokojenia potrzeb związanych z umieszczeniem w DPS osób z zaburzeniami", ["5", "97%", "", "utrzymanie wartości bazowej", "98%", "97%"]], // 2023: Lp. 7
    ["annex-2021.xlsx", "Populacja rodzin w Krakowie korzystających z Programu Krakowska", ["1", "80%", "", "utrzymanie wartości bazowej", "80%"]], // 2023: 89%
    ["annex-2021.xlsx", "Poziom wsparcia w formie zapomogi", ["2", "15%", "", "wzrost", "brak danych"]],
    ["annex-2021.xlsx", "Liczba wydawanych posiłków", ["4", "278 327", "240 000", "", "245 623"]],
    ["annex-2021.xlsx", "Liczba indywidualnych planów usamodzielnienia.", ["7", "353", "", "utrzymanie wartości bazowej", "293"]],
  ])("%s: %s", async (file, name, [lp, ...values]) => {
    const found = await row(file, name);
    expect([found[0], ...found.slice(2, 2 + values.length)]).toEqual([lp, ...values]);
  });

  it("places the districts' rows under their indicator with baseline and years", async () => {
    const rows = rowsOf(await readSeedSheet("annex-2022.xlsx", ANNEX_SHEET));
    const first = rows.findIndex((r) => r[1] === "Dzielnica I");
    expect(rows[first - 1]![1]).toMatch(/^Liczba miejsc w placówkach wsparcia dziennego/);
    expect(rows.slice(first, first + 18).map((r) => r[1])).toEqual(
      ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII"].map((n) => `Dzielnica ${n}`),
    );
    expect(rows[first + 11]!.slice(2, 7)).toEqual(["1,83%", "", "", "4,95%", "4,78%"]);
  });
});

describe("the left-out lines", () => {
  const readme = readFileSync(join(SEEDS_DIR, "README.md"), "utf8");
  const script = readFileSync(join(__dirname, "../../scripts/seeds/annex-edition.ts"), "utf8");

  // Rebuilding both editions from their text is the slow part: once for the two checks.
  let editions: ReturnType<typeof rebuildEditions>;
  beforeAll(() => {
    editions = rebuildEditions();
  });

  it("are each explained in seeds/README.md and listed at the top of the script", () => {
    expect(editions.map((e) => e.edition.leftOut.length)).toEqual([9, 7]);
    for (const { seed, edition } of editions) {
      for (const { line, text } of edition.leftOut) {
        expect(readme).toContain(`| ${seed.slice(0, 3)} | ${line} | \`${text}\` |`);
        expect(script).toContain(`${line} "${text}"`);
      }
    }
  });

  it("leave every domain and direction title found in the edition's text", () => {
    for (const { edition } of editions) expect(edition.titlesNotFound).toEqual([]);
  });
});
