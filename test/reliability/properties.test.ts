/**
 * Property tests over the value reader, the recogniser and the whole engine with every plan: random and damaged
 * sheets never make it throw, and it always answers with tables or a reason. About 2 400 cases in all here for
 * `npm test`; `npm run test:nightly` runs the same properties with 100 times as many (scripts/nightly.ts).
 */
import fc from "fast-check";
import { parseJournal } from "../../src/core/journal";
import { JOURNAL_SHEET } from "../../src/core/plan";
import { recognizeSheet } from "../../src/core/recognize";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { parseValue } from "../../src/core/values";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { openSeed } from "../xlsx/helpers";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FORMATS, anyNumber, cellText, damagedSheet, randomSheet } from "./arbitraries";
import { checkEngine } from "./engine-checks";
import { RUNS, SCALE, journalChunks } from "./runs";

// Many analyzes of whole sheets: slow on a busy machine, never a timing check.
jest.setTimeout(120_000 * SCALE);

const KINDS = ["number", "percent", "missing", "not_applicable", "text", "error", "multiple"];

test("parseValue reads any value, text and format without throwing, as a known kind with a finite number or none", () => {
  const raw = fc.oneof(cellText, anyNumber, fc.boolean(), fc.constant(null));
  fc.assert(
    fc.property(
      raw,
      fc.oneof(cellText, fc.string()),
      fc.oneof(fc.constantFrom(...FORMATS), fc.string({ maxLength: 12 })),
      (value, text, format) => {
        const parsed = parseValue(value, text, format);
        expect(KINDS).toContain(parsed.kind);
        expect(typeof parsed.text).toBe("string");
        if (parsed.kind === "number" || parsed.kind === "percent") expect(Number.isFinite(parsed.value)).toBe(true);
        else expect(parsed.value).toBeNull();
        for (const part of parsed.parts ?? []) expect(Number.isFinite(part.value.value)).toBe(true);
      },
    ),
    { numRuns: RUNS.values },
  );
});

test("recognizeSheet gives tables with indicators, or a reason, on any sheet", () => {
  fc.assert(
    fc.property(randomSheet(), (sheet) => {
      const result = recognizeSheet(sheet);
      expect(result.sheet).toBe(sheet.name);
      if (result.tables.length === 0) expect(result.message?.pl).toBeTruthy();
      for (const t of result.tables) expect(t.indicators.length).toBeGreaterThan(0);
    }),
    { numRuns: RUNS.recognize },
  );
});

describe("the whole engine and every plan", () => {
  let seeds: SheetSnapshot[] = [];
  beforeAll(async () => {
    const numbers = await Promise.all(
      ["annex-2023-numbers.xlsx", "annex-2022.xlsx", "declaration-2025.xlsx", "county-pcpr.xlsx"].map(openSeed),
    );
    seeds = [annex2023Typed(), ...numbers.map((wb) => snapshotFromWorkbook(wb).sheets[0]!)];
  });

  /** One to three sheets, random or damaged real ones, with the names a workbook may already have, and a journal. */
  const workbook = (sheet: () => fc.Arbitrary<SheetSnapshot>): fc.Arbitrary<WorkbookSnapshot> =>
    fc
      .record({
        sheets: fc.array(sheet(), { minLength: 1, maxLength: 3 }),
        names: fc.shuffledSubarray(["Podsumowanie", "podsumowanie (2)", JOURNAL_SHEET, "Wykres1"]),
        journal: journalChunks,
      })
      .map(({ sheets, names, journal }) => {
        const named = sheets.map((s, i) => ({ ...s, name: i === 0 ? s.name : `${s.name} ${i + 1}` }));
        return { sheetNames: [...named.map((s) => s.name), ...names], sheets: named, journal: parseJournal(journal) };
      });

  test("random sheets", () => {
    fc.assert(
      fc.property(
        workbook(() => randomSheet()),
        (wb) => void checkEngine(wb),
      ),
      { numRuns: RUNS.randomWorkbooks },
    );
  });

  test("damaged real sheets (annex, true-number annex, 2022 edition, declaration, county table)", () => {
    let withTables = 0;
    fc.assert(
      fc.property(
        workbook(() => fc.constantFrom(...seeds).chain(damagedSheet)),
        (wb) => {
          const analysis = checkEngine(wb);
          if (analysis.sheets.some((s) => s.tables.length > 0)) withTables++;
        },
      ),
      { numRuns: RUNS.damagedWorkbooks },
    );
    // the damage must leave most sheets recognisable, or the plans would only ever see empty analyzes
    expect(withTables).toBeGreaterThan(RUNS.damagedWorkbooks / 2);
  });
});
