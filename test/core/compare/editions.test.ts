/**
 * The 2022 edition (seed 001, rebuilt as seeds/annex-2022.xlsx) against the 2023 annex (seed 000): every figure the
 * 2023 edition revised, found by reading the two texts side by side, each at its cell in the 2023 sheet, and nothing
 * else. Lines the seed generator left out of the 2022 workbook (seeds/README.md) are not revisions.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { compareEditions, type Comparison } from "../../../src/core/compare";
import type { SheetRecognition } from "../../../src/core/model";
import { recognizeSheet } from "../../../src/core/recognize";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { snapshotFromWorkbook } from "../../../src/xlsx/read";
import { SEEDS } from "../../helpers/typed-sheet";

async function sheetOf(file: string): Promise<SheetSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SEEDS, file));
  return snapshotFromWorkbook(wb).sheets[0]!;
}

const brief = (c: Comparison) => ({
  revisions: c.revisions.map((r) => [r.address, r.field, r.column, r.old.parsed.text, r.new.parsed.text]),
  added: c.added.map((x) => [x.address, x.new?.number, x.new?.name]),
  removed: c.removed.map((x) => [x.address, x.old?.number, x.old?.name]),
  renamed: c.renamed.map((x) => [x.address, x.old?.name, x.new?.name]),
  renumbered: c.renumbered.map((x) => [
    x.address,
    x.new?.code ?? x.new?.name.slice(0, 30),
    x.old?.number,
    x.new?.number,
  ]),
});

describe("comparing the 2022 edition with the 2023 annex", () => {
  let e2022: SheetRecognition;
  let typed: SheetRecognition;
  let numbers: SheetRecognition;
  beforeAll(async () => {
    [e2022, typed, numbers] = (
      await Promise.all(["annex-2022.xlsx", "annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"].map(sheetOf))
    ).map(recognizeSheet) as [SheetRecognition, SheetRecognition, SheetRecognition];
  });

  it("names every revised figure at its cell in the 2023 sheet, and nothing that did not change", () => {
    expect(brief(compareEditions(e2022, typed)).revisions).toEqual([
      // 001 line 16 "80% 91%" under W19_W; 000 row 5: 89% for 2021
      ["F5", "value", "2021", "80%", "89%"],
      // 001 line 224: the 2022 edition's only figure for "Liczba osób w rodzinach objętych pomocą MOPS" (family
      // policy, direction 2); 000 row 57 has 31 680
      ["H57", "value", "2022", "39 610", "31 680"],
      // 001 lines 228-230: W18_W 43% from 1 757 / 4 074; 000 rows 59-60: 22% from 902 / 4 074
      ["H59", "value", "2022", "43%", "22%"],
      ["H60", "component", "2022", "1 757", "902"],
      // 001 lines 697-699: W1_W 4,9% from 39 610 / 802 781; 000 rows 150-151: 3,9% from 31 680
      ["H150", "value", "2022", "4,9%", "3,9%"],
      ["H151", "component", "2022", "39 610", "31 680"],
    ]);
  });

  it("finds the same revisions when the 2023 figures are true numbers with formats", () => {
    const fromNumbers = compareEditions(e2022, numbers);
    expect(fromNumbers.revisions.map((r) => [r.address, r.field, r.column, r.old.parsed.text])).toEqual(
      compareEditions(e2022, typed).revisions.map((r) => [r.address, r.field, r.column, r.old.parsed.text]),
    );
    expect(fromNumbers.revisions.find((r) => r.address === "F5")?.new.parsed.value).toBeCloseTo(0.89, 10);
  });

  it("says which indicators were renumbered and renamed", () => {
    const c = brief(compareEditions(e2022, typed));
    // 001 line 793 "5 97%": W16_W was Lp. 5 of integration's direction 4 in 2022 (after the dropped 4), 7 in 2023
    expect(c.renumbered).toEqual([["B173", "W16_W", "5", "7"]]);
    const ending = (s: string) => expect.stringMatching(new RegExp(`${s}$`));
    expect(c.renamed).toEqual([
      ["B90", "Liczba indywidualnych planów usamodzielnienia.", "Liczba indywidualnych planów usamodzielniania."],
      ["B102", ending("w wieku poprodukcjnym."), ending("w wieku poprodukcyjnym.")],
      ["B133", ending("dla osób bezdomnch"), ending("dla osób bezdomnych")],
      // 001 line 909 has no STRADOM reference; 000 row 154 adds "wskaźnik W40_W (system STRADOM UMK)"
      ["B154", ending("kryterium dochodowego"), ending("W40_W \\(system STRADOM UMK\\)")],
    ]);
    expect(c.removed).toEqual([]);
  });

  it("lists as added only the rows the seed generator left out of the 2022 workbook", () => {
    // seeds/README.md, "Left out": 001 line 236 "6 x", line 799 "8 100% 100%", lines 934-964 (two values per cell)
    expect(brief(compareEditions(e2022, typed)).added).toEqual([
      ["B63", "6", "Średni czas oczekiwania na otrzymanie pomocy wyrażony w dniach."],
      ["B176", "8", "Poziom zaspokojenia potrzeb związanych ze skierowaniem do ŚDS osób z zaburzeniami psychicznymi"],
      [
        "B196",
        "1",
        expect.stringMatching(/^Liczba osób bezrobotnych z niepełnosprawnościami korzystających z poradnictwa/),
      ],
    ]);
  });

  it("compares the 2023 annex with itself as unchanged", () => {
    const c = compareEditions(typed, numbers);
    expect([
      c.matched,
      c.revisions.length,
      c.added.length,
      c.removed.length,
      c.renamed.length,
      c.renumbered.length,
    ]).toEqual([99, 0, 0, 0, 0, 0]);
  });
});

describe("the indicator the 2023 edition dropped", () => {
  /** A copy of the sheet with one typed row inserted above a 0-based sheet row. */
  function withRow(sheet: SheetSnapshot, above: number, cells: string[]): SheetSnapshot {
    const at = above - sheet.top;
    const width = sheet.values[0]!.length;
    const row = <T>(fill: (c: number) => T): T[] => Array.from({ length: width }, (_, c) => fill(c));
    const text = row((c) => cells[c - sheet.left] ?? "");
    const insert = <T>(grid: T[][], r: T[]): T[][] => [...grid.slice(0, at), r, ...grid.slice(at)];
    return {
      ...sheet,
      values: insert(
        sheet.values,
        text.map((t) => (t === "" ? null : t)),
      ),
      text: insert(sheet.text, text),
      numberFormat: insert(
        sheet.numberFormat,
        row(() => "General"),
      ),
      formulas: insert(
        sheet.formulas,
        row(() => null),
      ),
      bold: insert(
        sheet.bold,
        row(() => false),
      ),
      fill: insert(
        sheet.fill,
        row(() => null),
      ),
    };
  }

  it("is reported as removed, pointing at the row now in its place", async () => {
    // seeds/README.md: 001 line 783 "4 21% 30% wzrost 21% 30%" was left out of annex-2022.xlsx for want of a 2023 row;
    // its name is 001 line 881. Put back above Lp. 5 of integration's direction 4, it is the row the 2023 edition dropped.
    const sheet = await sheetOf("annex-2022.xlsx");
    const five = recognizeSheet(sheet).tables[0]!.indicators.find((i) =>
      i.name.startsWith("Poziom zaspokojenia potrzeb związanych z pomocą w formie pobytu"),
    );
    const name = "Poziom zaspokojenia potrzeb związanych z umieszczeniem w mieszkaniach chronionych.";
    const restored = recognizeSheet(withRow(sheet, five!.row, ["4", name, "21%", "30%", "wzrost", "21%", "30%"]));
    const c = compareEditions(restored, recognizeSheet(await sheetOf("annex-2023-typed.xlsx")));
    expect(brief(c).removed).toEqual([["B169", "4", name]]);
    expect(c.removed[0]!.message.pl).toBe(
      `Usunięty wskaźnik 4. „${name.slice(0, 59)}…”: był w poprzedniej edycji (arkusz „Załącznik 5”, wiersz 158), w tej go nie ma.`,
    );
    // the rest keep their numbers in 2023 (1, 2, 3, then 5, 6): only W16_W, a second "5" in 2022, became 7
    expect(brief(c).renumbered).toEqual([["B173", "W16_W", "5", "7"]]);
    expect(c.revisions).toHaveLength(6);
  });
});

describe("comparing the 2021 edition with the 2022 edition", () => {
  it("finds the targets the 2022 edition changed and the indicators it renumbered", async () => {
    const [e2021, e2022] = (await Promise.all(["annex-2021.xlsx", "annex-2022.xlsx"].map(sheetOf))).map(recognizeSheet);
    const c = compareEditions(e2021!, e2022!);
    // 002 vs 001: integration, direction 1, rows 5, 7 and 8: targets 400, 330, 200 became 600, 332, 300
    expect(brief(c).revisions).toEqual([
      ["D123", "target", "target", "400", "600"],
      ["D125", "target", "target", "330", "332"],
      ["D126", "target", "target", "200", "300"],
    ]);
    // the seven refugee indicators came with the 2022 edition
    expect(c.added.map((x) => x.new?.name).filter((n) => /uchodźc/.test(n ?? ""))).toHaveLength(7);
    expect(brief(c).renumbered).toContainEqual(["B55", "W18_W", "2", "4"]);
    expect(c.removed).toEqual([]);
  });
});
