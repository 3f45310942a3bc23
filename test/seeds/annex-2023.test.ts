import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { ANNEX_SHEET } from "../../scripts/seeds/annex-workbook";
import { ANNEX_2023_TSV, SEEDS_DIR } from "../../scripts/seeds/seed-files";
import { displayPolish, filledCells, readSeedSheet } from "./seed-sheet";

/** The seed read the plainest way: line n is row n, tab-separated cells from column A, <b> tags dropped. */
const seedLines = readFileSync(join(SEEDS_DIR, ANNEX_2023_TSV), "utf8")
  .split("\n")
  .map((line) => line.split("\t").map((cell) => cell.replace(/^<b>|<\/b>$/g, "")));
/** Line 197 ("GUP 4%" …) holds the second lines of line 196's cells; before them, lines and rows coincide. */
const LAST_UNFOLDED_LINE = 195;

let typed: ExcelJS.Worksheet;
let numbers: ExcelJS.Worksheet;
beforeAll(async () => {
  typed = await readSeedSheet("annex-2023-typed.xlsx", ANNEX_SHEET);
  numbers = await readSeedSheet("annex-2023-numbers.xlsx", ANNEX_SHEET);
});

describe("annex-2023-typed.xlsx", () => {
  it("holds every cell of the seed's first 195 lines at the same row and column, as text except Lp. numbers", () => {
    let compared = 0;
    for (let r = 1; r <= LAST_UNFOLDED_LINE; r++) {
      seedLines[r - 1]!.forEach((text, c) => {
        const cell = typed.getCell(r, c + 1);
        if (text.trim() === "") {
          expect([cell.address, cell.value]).toEqual([cell.address, null]);
          return;
        }
        const expected = c === 0 && /^\d+$/.test(text) ? Number(text) : text;
        expect([cell.address, cell.value]).toEqual([cell.address, expected]);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    ["A3", "Dziedzina - Aktywna polityka na rzecz rodzin"],
    ["C3", "wartość bazowa"],
    ["H3", "rok 2023"],
    ["F4", "wartość wskaźnika"],
    ["A5", 1],
    ["C5", "80%"],
    ["E5", "utrzymanie wartości bazowej"],
    ["C6", "5 120"],
    ["C20", "6,92%"],
    ["H37", "4,77%"],
    ["G14", "2 226"],
    ["H14", "b.d."],
    // Domain 1, from Lp. 10: everything one column right, components' names two columns right.
    ["A44", 13],
    ["D44", "43"],
    ["E44", "52"],
    ["F44", "wzrost"],
    ["I44", "46"],
    ["D57", "31 230"],
    ["H57", "31 680"],
    ["I59", "19,9%"],
    ["D60", "1 374"],
    ["A73", 2],
    ["C73", "77"],
    ["C78", "978"],
    ["F114", "848"],
    ["C118", "1 160"],
    // Domain 3: headers two columns right, then indicators from Lp. 7 one column right.
    ["E126", "wartość bazowa"],
    ["G126", "trend"],
    ["H126", "rok 2021"],
    ["I127", "wartość wskaźnika"],
    ["C128", "761"],
    ["D135", "312"],
    ["I135", "325"],
    ["C147", "liczba rodzin objętych pracą socjalną"],
    ["D148", "18 866"],
    ["I160", "546"],
    // Domain 4: "4,5" in a % row, and the header without the word "Dziedzina".
    ["A180", "Aktywne włączenie osób z niepełnosprawnościami"],
    ["F185", "4,5"],
    ["H190", "111 000"],
    ["F196", "MOPS KIS 17%\nGUP 4%"],
    ["G196", "19%\n11%"],
  ])("%s holds %j", (address, expected) => {
    expect(typed.getCell(address).value).toEqual(expected);
  });

  it("keeps the two rows after the multi-line cell, one row up", () => {
    expect(typed.getCell("B197").value).toBe(seedLines[197]![1]);
    expect(typed.getCell("C198").value).toBe("0,72");
    expect(typed.getCell("A199").value).toBeNull();
  });

  it("makes bold exactly the rows the seed wraps in <b>", () => {
    const boldRows = new Set<number>();
    typed.eachRow((row, r) => row.eachCell((cell) => cell.font?.bold && boldRows.add(r)));
    const expected = readFileSync(join(SEEDS_DIR, ANNEX_2023_TSV), "utf8")
      .split("\n")
      .flatMap((line, i) => (line.includes("<b>") ? [i + 1] : []));
    expect([...boldRows].sort((a, b) => a - b)).toEqual(expected);
    expect(expected).toHaveLength(11);
  });

  it("shows the multi-line cell with its line break", () => {
    expect(typed.getCell("F196").alignment?.wrapText).toBe(true);
  });

  it("has no merged cells and no number formats", () => {
    expect(typed.model.merges).toEqual([]);
    for (const cell of filledCells(typed).values()) expect(cell.numFmt ?? "General").toBe("General");
  });
});

describe("annex-2023-numbers.xlsx", () => {
  it("has the typed workbook's cells at the same positions, numbers displaying as the text typed", () => {
    const typedCells = filledCells(typed);
    const numberCells = filledCells(numbers);
    expect([...numberCells.keys()].sort()).toEqual([...typedCells.keys()].sort());
    let converted = 0;
    for (const [address, cell] of typedCells) {
      const other = numberCells.get(address)!;
      if (typeof other.value === "number") {
        const shown = typeof cell.value === "number" ? String(cell.value) : String(cell.value).replace(/\u00a0/g, " ");
        expect([address, displayPolish(other.value, other.numFmt)]).toEqual([address, shown]);
        if (typeof cell.value === "string") converted++;
      } else {
        expect([address, other.value]).toEqual([address, cell.value]);
      }
    }
    expect(converted).toBeGreaterThan(650);
  });

  it("leaves no number typed as text", () => {
    for (const [address, cell] of filledCells(numbers)) {
      if (typeof cell.value === "string") expect([address, /^-?[\d ]+(,\d+)?%?$/.test(cell.value)]).toEqual([address, false]);
    }
  });

  it.each([
    ["C5", 0.8, "0%"],
    ["C6", 5120, "#,##0"],
    ["C20", 0.0692, "0.00%"],
    ["I59", 0.199, "0.0%"],
    ["D44", 43, undefined],
    ["I44", 46, undefined],
    ["F185", 4.5, "0.0"],
    ["G41", -0.92, "0.00"],
    ["I41", -0.6, "0.0"],
    ["D41", 1.3, "0.0"],
    ["C1", null, undefined],
  ])("%s is %p with format %p", (address, value, numFmt) => {
    const cell = numbers.getCell(address);
    expect(cell.value).toBe(value);
    expect(cell.numFmt).toBe(numFmt);
  });

  it("keeps no-data marks, 'x' and the multi-line cell as text", () => {
    expect(numbers.getCell("H14").value).toBe("b.d.");
    expect(numbers.getCell("F18").value).toBe("x");
    expect(numbers.getCell("F196").value).toBe("MOPS KIS 17%\nGUP 4%");
  });

  it("merges baseline, target and trend headers over the row below, in all four domains", () => {
    const merges = [...numbers.model.merges].sort();
    expect(merges).toEqual(
      ["C3:C4", "D3:D4", "E3:E4", "C97:C98", "D97:D98", "E97:E98", "E126:E127", "F126:F127", "G126:G127"]
        .concat(["C180:C181", "D180:D181", "E180:E181"])
        .sort(),
    );
    expect(numbers.getCell("C4").value).toBe("wartość bazowa");
  });
});
