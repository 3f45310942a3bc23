import fc from "fast-check";
import { JOURNAL_SHEET } from "../../../src/core/plan";
import {
  MAX_SHEET_NAME,
  baseSummaryName,
  chooseSummaryName,
  summariesOf,
  summaryTableName,
  userSheetNames,
  validSheetName,
} from "../../../src/core/summary/sheet-name";

const FORBIDDEN = /[\\/?*[\]:]/;

describe("summary sheet name", () => {
  it("is Podsumowanie for a one-sheet workbook, and names the source when there are more", () => {
    expect(baseSummaryName("Załącznik 5", 1)).toBe("Podsumowanie");
    expect(baseSummaryName("Załącznik 5", 2)).toBe("Podsumowanie – Załącznik 5");
  });

  it("keeps to 31 characters and drops the characters Excel forbids", () => {
    const name = baseSummaryName("Zał. nr 5 [2023]: MOPS/Kraków?*\\ sprawozdanie", 3);
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(name).not.toMatch(FORBIDDEN);
    expect(name).toBe("Podsumowanie – Zał. nr 5 2023 M");
    const numbered = chooseSummaryName(name, [name], [], []).name;
    expect(numbered).toBe("Podsumowanie – Zał. nr 5 20 (2)");
    expect(numbered.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it("is always a valid Excel sheet name, whatever the source sheet is called", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40, unit: "grapheme" }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 5 }),
        (source, others) => {
          const base = baseSummaryName(source, 2);
          const { name } = chooseSummaryName(base, [base, ...others], [], []);
          expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          expect(name).not.toMatch(FORBIDDEN);
          expect(name).not.toMatch(/^'|'$/);
          expect(name).not.toMatch(/[\ud800-\udbff]$/);
          expect([base, ...others].map((s) => s.toLowerCase())).not.toContain(name.toLowerCase());
        },
      ),
    );
  });

  it("does not split a character outside the basic plane when cutting", () => {
    expect(validSheetName("Podsumowanie – Załącznik 5 ab😀😀")).toBe("Podsumowanie – Załącznik 5 ab😀");
    expect(validSheetName("Podsumowanie – Załącznik 5 abc😀")).toBe("Podsumowanie – Załącznik 5 abc");
  });

  it("replaces a sheet only when the add-in added it, comparing names as Excel does, regardless of case", () => {
    expect(chooseSummaryName("Podsumowanie", ["Dane", "PODSUMOWANIE"], ["Podsumowanie"], ["podsumowanie"])).toEqual({
      name: "Podsumowanie",
      replaces: "PODSUMOWANIE",
      avoided: null,
    });
    expect(chooseSummaryName("Podsumowanie", ["Dane", "podsumowanie", "Podsumowanie (2)"], [], [])).toEqual({
      name: "Podsumowanie (3)",
      replaces: null,
      avoided: "podsumowanie",
    });
    // A summary pushed to "(2)" keeps being replaced there, even once the user's sheet is gone.
    expect(
      chooseSummaryName("Podsumowanie", ["Dane", "Podsumowanie (2)"], ["Podsumowanie (2)"], ["Podsumowanie (2)"]),
    ).toMatchObject({
      name: "Podsumowanie (2)",
      replaces: "Podsumowanie (2)",
    });
  });

  it("leaves another source's summary alone when the names were cut to the same 31 characters", () => {
    const base = baseSummaryName("Załącznik nr 5 - 2023", 3);
    expect(base).toBe(baseSummaryName("Załącznik nr 5 - 2022", 3));
    const entries = [
      {
        action: "summary" as const,
        at: "",
        cells: [],
        addedSheets: [base],
        sheets: [],
        summaryOf: "Załącznik nr 5 - 2022",
      },
    ];
    expect(summariesOf(entries, "Załącznik nr 5 - 2023")).toEqual([]);
    expect(summariesOf(entries, "załącznik nr 5 - 2022")).toEqual([base.toLowerCase()]);
    const names = ["Załącznik nr 5 - 2022", "Załącznik nr 5 - 2023", base];
    expect(chooseSummaryName(base, names, [base], summariesOf(entries, "Załącznik nr 5 - 2023"))).toEqual({
      name: `${base.slice(0, 27).trimEnd()} (2)`,
      replaces: null,
      avoided: null,
    });
  });

  it("counts as the user's only sheets that neither the add-in added nor the journal is", () => {
    expect(userSheetNames(["Załącznik 5", "Podsumowanie", JOURNAL_SHEET], ["Podsumowanie"])).toEqual(["Załącznik 5"]);
  });

  it("names the table after the sheet, in letters, digits and underscores", () => {
    expect(summaryTableName("Podsumowanie")).toBe("Podsumowanie_wskaznikow");
    expect(summaryTableName("Podsumowanie – Załącznik Łódź (2)")).toBe("Podsumowanie_wskaznikow_Zalacznik_Lodz_2");
  });
});
