import { readFileSync } from "fs";
import { join } from "path";
import { Workbook } from "exceljs";
import { parseAnnexTsv } from "../../scripts/seeds/annex-tsv";
import { parseValue } from "../../src/core/values";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { openSeed, reopen, SEEDS } from "./helpers";
import { protectSheet } from "../helpers/protect";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(60_000);

/** The 2023 annex as the seeds engineer's parser reads seed text 000: one grid row per sheet row from A1. */
const seed = parseAnnexTsv(readFileSync(join(SEEDS, "000_0f54954b8cafc992.txt"), "utf8"));

const norm = (s: string) => s.replace(/[\u00a0\s]+/g, " ").trim();

describe("snapshotFromWorkbook on the seed annexes", () => {
  test.each(["annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"])("%s shows the seed's texts", async (file) => {
    const snap = snapshotFromWorkbook(await openSeed(file));
    expect(snap.sheetNames).toEqual(["Załącznik 5"]);
    expect(snap.journal.entries).toEqual([]);
    const sheet = snap.sheets[0];
    // Every non-empty seed cell is shown with the same text (spaces normalised: Excel shows a no-break space).
    let compared = 0;
    seed.cells.forEach((line, i) => {
      line.forEach((seedText, col) => {
        const expected = norm(seedText);
        if (expected === "") return;
        const r = i - sheet!.top;
        const c = col - sheet!.left;
        expect({ at: `${r},${c}`, text: norm(sheet!.text[r]?.[c] ?? "") }).toEqual({ at: `${r},${c}`, text: expected });
        if (col <= 1)
          expect({ at: `${r},${c}`, bold: sheet!.bold[r]![c] }).toEqual({ at: `${r},${c}`, bold: seed.bold[i] });
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(900);
  });

  test("the true-number annex holds numbers whose shown text reads back as the same value", async () => {
    const sheet = snapshotFromWorkbook(await openSeed("annex-2023-numbers.xlsx")).sheets[0];
    let numbers = 0;
    sheet!.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "number") return;
        numbers++;
        const fromText = parseValue(sheet!.text[r]![c]!, sheet!.text[r]![c]!, "General");
        expect(fromText.value).not.toBeNull();
        expect(fromText.value as number).toBeCloseTo(v, 10);
      }),
    );
    expect(numbers).toBeGreaterThan(500);
  });
});

describe("snapshotFromWorkbook on built cells", () => {
  test("formulas with cached results, errors, rich text, bold, fills, merges, protection", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Arkusz");
    ws.getCell("B2").value = 3;
    ws.getCell("B3").value = 4;
    ws.getCell("B4").value = { formula: "B2/B3", result: 0.75 };
    ws.getCell("B4").numFmt = "0.0%";
    ws.getCell("B5").value = { formula: "B2/0", result: { error: "#DIV/0!" } };
    ws.getCell("B6").value = {
      richText: [
        { text: "Kierunek ", font: { bold: true } },
        { text: "działań 1.", font: { bold: true } },
      ],
    };
    ws.getCell("B7").value = { richText: [{ text: "pół", font: { bold: true } }, { text: "tłusty" }] };
    ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFA6D96A" } };
    ws.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
    ws.getCell("C4").value = "wartość";
    ws.getCell("C4").font = { bold: true };
    ws.mergeCells("D2:E3");
    ws.getCell("D2").value = "scalone";
    await protectSheet(ws, "tajne");

    const sheet = snapshotFromWorkbook(await reopen(wb)).sheets[0];
    expect([sheet!.top, sheet!.left, sheet!.values.length, sheet!.values[0]!.length]).toEqual([1, 1, 6, 4]);
    const at = (a: string) => {
      const r = Number(a.slice(1)) - 1 - sheet!.top;
      const c = a.charCodeAt(0) - 65 - sheet!.left;
      return {
        v: sheet!.values[r]![c],
        t: sheet!.text[r]![c],
        f: sheet!.formulas[r]![c],
        b: sheet!.bold[r]![c],
        fill: sheet!.fill[r]![c],
      };
    };
    expect(at("B4")).toEqual({ v: 0.75, t: "75,0%", f: "=B2/B3", b: false, fill: null });
    expect(at("B5")).toMatchObject({ v: "#DIV/0!", t: "#DIV/0!", f: "=B2/0" });
    expect(at("B6")).toMatchObject({ v: "Kierunek działań 1.", b: true });
    expect(at("B7")).toMatchObject({ v: "półtłusty", b: false });
    expect(at("C2").fill).toBe("#A6D96A");
    expect(at("C3").fill).toBe("#4472C4");
    expect(at("C4")).toMatchObject({ v: "wartość", b: true });
    expect(at("D2").v).toBe("scalone");
    // the other cells of a merged area read empty, as in Excel
    expect(at("E3")).toMatchObject({ v: null, t: "" });
    expect(sheet!.merges).toEqual(["D2:E3"]);
    expect(sheet!.protected).toBe(true);
  });

  test("an empty sheet gives an empty grid", () => {
    const wb = new Workbook();
    wb.addWorksheet("Pusty");
    const sheet = snapshotFromWorkbook(wb).sheets[0];
    expect(sheet!.values).toEqual([]);
    expect(sheet!.protected).toBe(false);
  });
});
