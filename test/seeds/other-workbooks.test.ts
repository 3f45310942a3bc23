import { readFileSync } from "fs";
import { join } from "path";
import { COUNTY_SHEET } from "../../scripts/seeds/county-workbook";
import { DECLARATION_SHEET } from "../../scripts/seeds/declaration-workbook";
import { COUNTY_TEXT, SEEDS_DIR } from "../../scripts/seeds/seed-files";
import { filledCells, readSeedSheet } from "./seed-sheet";

describe("declaration-2025.xlsx", () => {
  it.each([
    ["A3", "Lp."],
    ["B3", "Tak, aby:"],
    ["C3", "Wskaźnik"],
    ["D3", "Waga"],
    ["E3", "Wartość bazowa"],
    ["F3", "Wartość znakomita"],
    ["G3", "Przedział"],
    ["G4", "Min"],
    ["H4", "max"],
    ["I3", "Wartość za 2023"],
    ["A5", "1."],
    ["C5", "W39_W"],
    ["D5", null],
    ["E5", "10,5%"],
    ["F5", "5%"],
    ["G5", null],
    ["I5", "5,85%"],
    ["C6", "W38_W"],
    ["E6", "0,4 %"],
    ["F6", "1,2%"],
    ["I6", "0,9%"],
    ["A7", "3."],
    ["E7", "2,10 %"],
    ["I7", "1,7%"],
    ["A8", null],
  ])("%s holds %j", async (address, expected) => {
    const ws = await readSeedSheet("declaration-2025.xlsx", DECLARATION_SHEET);
    expect(ws.getCell(address).value).toEqual(expected);
  });

  it("spans 'Przedział' over Min and max, and the other headers over both header rows", async () => {
    const ws = await readSeedSheet("declaration-2025.xlsx", DECLARATION_SHEET);
    expect([...ws.model.merges].sort()).toEqual(["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:H3", "I3:I4"]);
    expect(String(ws.getCell("B5").value)).toMatch(/^poziom umieszczania dzieci w pieczy zastępczej/);
  });
});

describe("county-pcpr.xlsx", () => {
  const seedLines = new Set(
    readFileSync(join(SEEDS_DIR, COUNTY_TEXT), "utf8")
      .split("\n")
      .map((line) => line.trim()),
  );

  it("holds only lines of the seed, character for character", async () => {
    const ws = await readSeedSheet("county-pcpr.xlsx", COUNTY_SHEET);
    const cells = [...filledCells(ws).values()];
    expect(cells.length).toBeGreaterThan(60);
    for (const cell of cells) {
      for (const line of String(cell.value).split("\n")) expect([cell.address, seedLines.has(line)]).toEqual([cell.address, true]);
    }
  });

  it("repeats the header for each of four operational goals and closes each with its remark", async () => {
    const ws = await readSeedSheet("county-pcpr.xlsx", COUNTY_SHEET);
    const cells = [...filledCells(ws).values()];
    const headers = cells.filter((c) => c.value === "Kierunki działań");
    expect(headers.map((c) => Number(c.col))).toEqual([1, 1, 1, 1]);
    for (const header of headers) {
      expect(ws.getCell(Number(header.row), 3).value).toBe("Stan wskaźnika\n(wzrost - spadek)\n2023");
      expect(String(ws.getCell(Number(header.row) + 1, 1).value)).toMatch(/^Cel operacyjny \d:/);
    }
    expect(cells.filter((c) => String(c.value).startsWith("Cel operacyjny został zrealizowany"))).toHaveLength(4);
  });

  it("keeps multi-value state cells as the seed writes them", async () => {
    const ws = await readSeedSheet("county-pcpr.xlsx", COUNTY_SHEET);
    const stateOf = (indicator: string): unknown => {
      const cell = [...filledCells(ws).values()].find((c) => Number(c.col) === 2 && c.value === indicator);
      return cell && ws.getCell(Number(cell.row), 3).value;
    };
    expect(stateOf("Liczba asystentów rodzin")).toBe("26 asystentów\nWzrost");
    expect(stateOf("Liczba spotkań z przedstawicielami sądów w celu omówienia sytuacji prawnej dziecka i rodziny")).toBe(
      "Wzrost\n71 w tym:\nWydział Edukacji: 56\nGOPS: 8\nPCPR: 7",
    );
    expect(stateOf("Kwota wydatków na wsparcie wychowanków pieczy zastępczej w kształceniu się i rozwoju zawodowym  (zł)")).toBe(
      "PCPR:\nRodziny zastępcze:\n125\u00a0047,39\nPOW:\n53\u00a0669,70\nwzrost",
    );
    expect(stateOf("Kwota środków finansowych przeznaczonych na likwidację barier architektonicznych (zł)")).toBe("778.703,58zł");
  });

  it("merges each goal's directions beside all of its indicators", async () => {
    const ws = await readSeedSheet("county-pcpr.xlsx", COUNTY_SHEET);
    const vertical = ws.model.merges.filter((m) => /^A\d+:A\d+$/.test(m));
    const heights = vertical.map((m) => m.split(":").map((a) => Number(a.slice(1)))).map(([a, b]) => b! - a! + 1);
    expect(heights).toEqual([4, 5, 6]);
  });
});

describe("plain-data.xlsx", () => {
  it("is a table of years and counts, as numbers, with no annex vocabulary", async () => {
    const ws = await readSeedSheet("plain-data.xlsx", "Arkusz1");
    expect([ws.getCell("A2").value, ws.getCell("B2").value, ws.getCell("C2").value]).toEqual([2019, 615, 84]);
    expect([ws.getCell("A4").value, ws.getCell("B4").value, ws.getCell("C4").value]).toEqual([2021, 589, 124]);
    expect(String(ws.getCell("B1").value)).toMatch(/^Liczba rodzin z dziećmi z niepełnosprawnością/);
    const texts = [...filledCells(ws).values()].map((c) => String(c.value).toLowerCase());
    for (const word of ["wartość bazowa", "trend", "wzrost", "spadek", "kierunek"]) {
      expect(texts.some((t) => t.includes(word))).toBe(false);
    }
  });

  it("has a second plain table on its second sheet", async () => {
    const ws = await readSeedSheet("plain-data.xlsx", "Arkusz2");
    expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual(["rok", 'Liczba odsłon zakładki "Dla rodziny"']);
    expect([ws.getCell("A4").value, ws.getCell("B4").value]).toEqual([2021, 22367]);
  });
});
