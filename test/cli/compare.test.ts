/** `mops-indicators compare`: the seed editions as files, the JSON, the text, the exit codes and bad input. */
import { join } from "path";
import { cliRunner } from "../helpers/cli";
import type { CompareReport } from "../../src/core/compare/report";
import { plCount as plural } from "../../src/core/plural";
import { SEEDS } from "../xlsx/helpers";

jest.setTimeout(60_000);

const seed = (name: string) => join(SEEDS, name);
const E2022 = seed("annex-2022.xlsx");
const TYPED = seed("annex-2023-typed.xlsx");

const run = cliRunner("pl_PL.UTF-8", "2026-11-30T01:00:00Z");

describe("compare", () => {
  test("--json lists every revision of the 2022 edition's figures at its cell in the 2023 annex; exit 1", async () => {
    const r = await run("compare", E2022, TYPED, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as CompareReport;
    expect(report).toMatchObject({
      schemaVersion: 1,
      old: { file: E2022, sheet: "Załącznik 5" },
      new: { file: TYPED, sheet: "Załącznik 5" },
      matched: 96,
    });
    expect(report.revisions.map((x) => [x.sheet, x.address, x.row, x.field, x.year, x.old.text, x.new.text])).toEqual([
      ["Załącznik 5", "F5", 5, "value", 2021, "80%", "89%"],
      ["Załącznik 5", "H57", 57, "value", 2022, "39 610", "31 680"],
      ["Załącznik 5", "H59", 59, "value", 2022, "43%", "22%"],
      ["Załącznik 5", "H60", 60, "component", 2022, "1 757", "902"],
      ["Załącznik 5", "H150", 150, "value", 2022, "4,9%", "3,9%"],
      ["Załącznik 5", "H151", 151, "component", 2022, "39 610", "31 680"],
    ]);
    // old and new are report cells: the old one at its own address in the 2022 sheet
    expect(report.revisions[0]!.old).toEqual({ address: "F4", text: "80%", value: 0.8, kind: "percent" });
    expect(report.revisions[0]!.new).toEqual({ address: "F5", text: "89%", value: 0.89, kind: "percent" });
    expect(report.revisions[0]!.indicator).toMatchObject({ id: "Załącznik 5!5", row: 5, number: "1", code: "W19_W" });
    expect(report.revisions[3]!.component).toEqual({
      row: 60,
      name: expect.stringMatching(/^liczba osób objętych wsparciem w formie zapomogi/),
    });
    expect(report.renumbered.map((x) => [x.row, x.address, x.oldNumber, x.newNumber, x.new?.code])).toEqual([
      [173, "B173", "5", "7", "W16_W"],
    ]);
    expect(report.added.map((x) => x.row)).toEqual([63, 176, 196]);
    expect(report.removed).toEqual([]);
    expect(report.renamed.map((x) => x.row)).toEqual([90, 102, 133, 154]);
  });

  test("prints the groups in Polish with Polish plurals", async () => {
    const r = await run("compare", E2022, TYPED);
    expect(r.out).toContain(
      "W obu edycjach: 96 wskaźników. Zmienione: 6 liczb; dodane: 3 wskaźniki; usunięte: 0 wskaźników; ze zmienioną nazwą: 4 wskaźniki; ze zmienionym numerem: 1 wskaźnik.",
    );
    expect(r.out).toContain("Zmienione liczby (6):\n  Załącznik 5!F5: wskaźnik W19_W, rok 2021: było 80%, jest 89%.\n");
    expect(r.out).toContain("Zmienione nazwy i numery (5):");
    expect(r.out).toContain("Załącznik 5!B173: wskaźnik W16_W: zmieniony numer z 5 na 7.");
  });

  test("exit 0 when nothing was revised (the 2023 annex as text and as numbers)", async () => {
    const r = await run("compare", seed("annex-2023-numbers.xlsx"), TYPED);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Żadna liczba wspólna dla obu edycji nie została zmieniona.");
  });

  test.each([
    [["compare", E2022], "Podaj dwa pliki"],
    [["compare", E2022, TYPED, seed("annex-2021.xlsx")], "Podaj dwa pliki"],
    [["compare", seed("brak.xlsx"), TYPED], "Nie ma pliku"],
    [["compare", E2022, seed("README.md")], "To nie jest plik Excela .xlsx"],
    [["compare", E2022, seed("county-pcpr.xlsx")], "nie ma w pliku tabeli wskaźników do porównania"],
    [["compare", E2022, TYPED, "--sheet", "Arkusz9"], "W skoroszycie nie ma arkusza „Arkusz9”"],
    [["compare", E2022, TYPED, "--old-sheet", "Arkusz9"], "W skoroszycie nie ma arkusza „Arkusz9”"],
  ])("bad input %j: exit 2 and says why", async (argv, message) => {
    const r = await run(...argv);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(message)]);
  });
});

test.each([
  [1, "1 liczba"],
  [2, "2 liczby"],
  [4, "4 liczby"],
  [5, "5 liczb"],
  [12, "12 liczb"],
  [22, "22 liczby"],
  [0, "0 liczb"],
])("Polish plural of %d", (n, text) => {
  expect(plural(n, { one: "liczba", few: "liczby", many: "liczb" })).toBe(text);
});
