import { analyzeWorkbook } from "../../../src/core/analyze";
import { EXPERT_CODES } from "../../../src/core/findings/expert";
import { contentStems, relatedNames } from "../../../src/core/findings/twins";
import { nameKey } from "../../../src/core/findings/consistency";
import type { Finding } from "../../../src/core/model";
import { buildReport } from "../../../src/core/report";
import { snapshotFromWorkbook } from "../../../src/xlsx/read";
import { openSeed } from "../../xlsx/helpers";
import { annexWith, brief, findingsOf, workbookOf } from "./annex-sheet";

const expert = (fs: Finding[]): Finding[] => fs.filter((f) => EXPERT_CODES.includes(f.code));
const briefs = (fs: Finding[]): string[] => expert(fs).map(brief).sort();
const seedFindings = async (file: string): Promise<Finding[]> =>
  analyzeWorkbook(snapshotFromWorkbook(await openSeed(file))).findings;

/**
 * Every expert finding on the 2023 annex, each checked against the seed texts (000 the 2023 annex, 001 the 2022
 * edition). Columns: the typed sheet keeps the seed's layout (baseline in C or D, years in F-H or G-I).
 */
const ANNEX_2023: [string, string][] = [
  [
    "info carried_over H7",
    "W19_W's denominator, families with 3+ children: 6 569 for the baseline, 2021 and 2022 (the 2022 edition too), then 9 837; " +
      "W19_W falls from 91 % to 62 % on that alone (6 138 / 9 837), where 6 138 / 6 569 would be 93 %",
  ],
  ["info carried_over H39", "the same 6 569 → 9 837 as W7_W's numerator, which it moves from 3,37 % to 4,77 %"],
  [
    "warning component_swing H61",
    "W18_W's denominator, live births in Kraków: 9 054, 8 671, then 4 074 and 3 787 (the 2022 edition also has 4 074): " +
      "half a city's births in one year; W18_W goes from 13 % to 22 %",
  ],
  [
    "warning baseline_out_of_line C75",
    "persons at information meetings: baseline 53 and target 150, then 3 223, 1 358, 1 671 (25 to 61 times more): another unit or definition",
  ],
  [
    "warning same_quantity_two_names F109",
    "sheltered flats for seniors: the indicator reads 17 | 23, 24, 24 and the next indicator's component 'liczba miejsc w " +
      "mieszkaniach chronionych' 17 | 24, 24, 24: the same places, 23 and 24 for 2021 (its coverage, 24 / (24 + 0) = 100 %, uses 24)",
  ],
  [
    "info identical_figures B153",
    "'Liczba uchodźców objętych pomocą w formie świadczeń' reads 0 / – / 49 132 / 6 994, as 'Liczba osób w rodzinach " +
      "uchodźców objętych pomocą MOPS' in domain 1: refugee families' members and refugees on benefits are not the same by name",
  ],
  [
    "warning baseline_out_of_line C169",
    "coverage for persons with multiple disabilities: baseline 56 %, then 3 %, 4 %, 4 %. The 2022 edition has this row " +
      "with a baseline and no values, beside a row of 21 %, 30 % the 2023 edition dropped, whose values now sit in the next " +
      "row (baseline 0 %): the rows were reshuffled, and 56 % fits none of the values now beside it",
  ],
  [
    "warning name_formula_mismatch B170",
    "'Poziom zaspokojenia potrzeb…' (coverage: places / (places + waiting)) whose components are places and persons using " +
      "specialist care services, and whose values fit a share: 21 % = 62 / 295, 30 % = 83 / 281 (coverage would give 17 %, 23 %)",
  ],
  [
    "info identical_figures B186",
    "W4_W's numerator 'osoby z niepełnosprawnościami objęte rehabilitacją społeczną przez MOPS' reads 5 670 | 4 827, 5 307, " +
      "5 211, as indicator 1 'Liczba osób, którym przyznano dofinansowanie ze środków PFRON': one source under two names",
  ],
];

/**
 * Rows the rules pass over on purpose (checked by hand): counts that double as programmes grow (47 000 → 95 000 parents'
 * club participants, 234 → 524 conference participants), the refugee rows starting from 0, a waiting list of 9, 1, 16,
 * 5 → 41 awarded places (8.2 times), 0 % → 21 % (already a ratio_mismatch), 107 460 carried then 111 000 (+3 %), 20
 * places planned and 0 so far, W10_W's denominator repeating the indicator "Liczba osób objętych usługami opiekuńczymi"
 * and W13_W's the number of independence plans (same quantity, related names, same figures), W39_W's denominator
 * 585, 6, 642 (an implausible_jump already), W8_W's 7 areas of 7 (the two components of one ratio).
 */
describe("expert findings on the seeds", () => {
  test("on the 2023 annex (typed) they are exactly the cases found by hand", async () => {
    expect(briefs(await seedFindings("annex-2023-typed.xlsx"))).toEqual(ANNEX_2023.map(([f]) => f).sort());
  });

  test("on the 2023 annex as true numbers they are the same", async () => {
    expect(briefs(await seedFindings("annex-2023-numbers.xlsx"))).toEqual(ANNEX_2023.map(([f]) => f).sort());
  });

  test("on the 2022 edition: the same births, the same baseline of 53, the same PFRON figures", async () => {
    // The edition has years 2021-2022 only: 6 569 is carried over but does not jump yet, the refugee rows share one number.
    expect(briefs(await seedFindings("annex-2022.xlsx"))).toEqual([
      "info identical_figures B174",
      "warning baseline_out_of_line C69",
      "warning component_swing G57",
    ]);
  });

  test.each(["annex-2021.xlsx", "declaration-2025.xlsx", "county-pcpr.xlsx", "plain-data.xlsx"])(
    "none on %s (one year, or no table)",
    async (file) => {
      expect(briefs(await seedFindings(file))).toEqual([]);
    },
  );

  test("say the figures compared, in Polish and English", async () => {
    const found = expert(await seedFindings("annex-2023-typed.xlsx"));
    const at = (address: string): Finding => found.find((f) => f.address === address)!;
    expect(at("C75").message.pl).toMatch(
      /wartość bazowa: 53 \(wartość docelowa 150.*3 223.*1 358.*1 671.*co najmniej 26 razy większe/,
    );
    expect(at("C75").message.en).toMatch(/baseline: 53 .*at least 26 times larger/);
    expect(at("C169").message.pl).toMatch(/56%.*3%.*4%.*4%.*co najmniej 52 punktów procentowych/);
    expect(at("H61").message.pl).toMatch(
      /4 074 wobec 8 671 w roku 2021, czyli 0,47 tego.*W18_W zmienia się w tym czasie z 13% na 22%/,
    );
    expect(at("H61").message.en).toContain("0.47 of the year before");
    expect(at("F109").message.pl).toMatch(
      /zgadzają się w 3 z 4 kolumn \(wartość bazowa: 17, rok 2022: 24, rok 2023: 24\).*23 tutaj i 24 w F111/,
    );
    expect(at("B153").message.en).toMatch(/same figures as .* in row 58 \(2022: 49 132, 2023: 6 994\)/);
    expect(at("B170").message.pl).toMatch(
      /zapowiada wzór „poziom zaspokojenia potrzeb”.*„udział”.*21% = udział: 62 \/ 295.*dałby 17%.*Żaden składnik nie liczy osób oczekujących/,
    );
    expect(at("H7").message.pl).toMatch(
      /9 837 po 6 569 powtórzonym bez zmian w 3 kolumnach \(wartość bazowa, 2021, 2022\), zmiana o \+50%.*W19_W: z 91% na 62%/,
    );
    for (const f of found) expect(f).toMatchObject({ sheet: "Załącznik 5", indicatorId: expect.any(String) });
  });

  test("stay readable: at most about a dozen more warnings and notes on the 2023 annex", async () => {
    expect(expert(await seedFindings("annex-2023-typed.xlsx")).length).toBeLessThanOrEqual(12);
  });

  test("are in the JSON report like every finding", async () => {
    const wb = snapshotFromWorkbook(await openSeed("annex-2023-typed.xlsx"));
    const report = buildReport("annex-2023-typed.xlsx", analyzeWorkbook(wb));
    expect(report.findings.find((f) => f.code === "component_swing")).toMatchObject({
      address: "H61",
      row: 61,
      severity: "warning",
      column: "2022",
    });
  });
});

/** Findings of the expert rules on a changed copy of the typed annex. */
const expertWith = (edits: Parameters<typeof annexWith>[0]): string[] =>
  briefs(findingsOf(workbookOf(annexWith(edits))));
const untouched = ANNEX_2023.map(([f]) => f);
const without = (...gone: string[]): string[] => untouched.filter((f) => !gone.includes(f)).sort();

describe("baseline or target out of line", () => {
  test("a target an order of magnitude off every yearly value", () => {
    // Parents' clubs: 20 000 | 47 000, 95 000, 103 420; a target of 3 000 000 is 29 times the largest.
    expect(expertWith({ E45: "3 000 000" })).toEqual([...untouched, "warning target_out_of_line E45"].sort());
  });

  test("the baseline corrected, the finding goes", () => {
    expect(expertWith({ C75: "2 500" })).toEqual(without("warning baseline_out_of_line C75"));
  });

  test("a ratio's baseline its components contradict is left to ratio_mismatch", () => {
    // 0,5 % against 21 %, 30 %, 29 % would be out of line; the components give 62 / 295 = 21 %.
    const found = findingsOf(workbookOf(annexWith({ C170: "0,5%" }))).filter((f) => f.address === "C170");
    expect(found.map(brief)).toEqual(["error ratio_mismatch C170"]);
  });
});

describe("a component that halves or doubles", () => {
  test("a denominator that doubles", () => {
    // W12_W: Blue Cards open 1 078 | 1 187, 1 194, then 3 100 for 2023.
    expect(expertWith({ H72: "3 100" })).toEqual([...untouched, "warning component_swing H72"].sort());
  });

  test("not on a row marked new, nor on one without a baseline", () => {
    expect(expertWith({ C61: "liczba urodzeń żywych (nowy)" })).toEqual(without("warning component_swing H61"));
    expect(expertWith({ D61: "" })).toEqual(without("warning component_swing H61"));
  });
});

describe("one quantity under two names", () => {
  test("the differing column agreed, nothing is left", () => {
    expect(expertWith({ F109: "24" })).toEqual(without("warning same_quantity_two_names F109"));
  });

  test("identical figures: one number changed, no note", () => {
    expect(expertWith({ I153: "6 990" })).toEqual(without("info identical_figures B153"));
  });

  test("names are related when one contains the other or they share most content words", () => {
    const row = (name: string) => ({ key: nameKey(name), stems: contentStems(nameKey(name)) });
    expect(
      relatedNames(
        row("Liczba miejsc w mieszkaniach chronionych wspieranych dla osób w podeszłym wieku"),
        row("liczba miejsc w mieszkaniach chronionych"),
      ),
    ).toBe(true);
    expect(
      relatedNames(
        row("Liczba osób objętych usługami opiekuńczymi."),
        row("liczba osób korzystających z usług opiekuńczych w roku"),
      ),
    ).toBe(true);
    expect(
      relatedNames(
        row("Liczba osób w rodzinach uchodźców objętych pomocą MOPS"),
        row("Liczba uchodźców objętych pomocą w formie świadczeń"),
      ),
    ).toBe(false);
    expect(
      relatedNames(
        row("Liczba osób, którym przyznano dofinansowanie ze środków PFRON."),
        row("liczba osób z niepełnosprawnościami objętych rehabilitacją społeczną przez MOPS"),
      ),
    ).toBe(false);
  });
});

describe("a name that names another formula", () => {
  test("a share by name whose values fit coverage", () => {
    // W15_W reproduces coverage (1 150 / (1 150 + 9) = 99,22 %); called "Udział…" it contradicts its name.
    const found = findingsOf(
      workbookOf(
        annexWith({ B117: "Udział miejsc w DPS dla osób w podeszłym wieku, wskaźnik W15_W (system STRADOM UMK)." }),
      ),
    );
    const named = found.filter((f) => f.code === "name_formula_mismatch");
    expect(named.map(brief)).toEqual(["warning name_formula_mismatch B117", "warning name_formula_mismatch B170"]);
    expect(named[0]!.message.en).toMatch(
      /promises "share".*fit "coverage of need".*99,22% = coverage of need: 1\s150 \/ \(1\s150 \+ 9\)/,
    );
  });
});

describe("a figure carried over and then jumping", () => {
  test("a small step after the run is no jump", () => {
    expect(expertWith({ H7: "6 700", H39: "6 700" })).toEqual(without("info carried_over H7", "info carried_over H39"));
  });

  test("a share is no carried-over count", () => {
    // W8_W: 100 % for the baseline, 2021 and 2022 (a programme delivered in full); 50 % in 2023 is a change, not a stale figure.
    expect(expertWith({ H8: "50%" })).toEqual(untouched.slice().sort());
  });
});
