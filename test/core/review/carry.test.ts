/**
 * Decisions carried into next year's edition, on the real seeds: a reviewer marks findings on the 2022 edition's
 * findings sheet; the sheet inserted into the 2023 edition carries those that are still the same finding and opens
 * the others, each for the reason the two editions give (seeds/README.md lists what the 2023 edition revised).
 */
import type { Workbook } from "exceljs";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { Analysis } from "../../../src/core/model";
import { carryDecisions, type Carried } from "../../../src/core/review/carry";
import { findingKeys } from "../../../src/core/review/key";
import { reviewFindings } from "../../../src/core/review/reviewed";
import { planFindings } from "../../../src/core/review/sheet";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { XlsxHost } from "../../../src/xlsx/host";
import { snapshotFromWorkbook } from "../../../src/xlsx/read";
import { openSeed, reopen } from "../../xlsx/helpers";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const NOW = "2026-11-30T03:00:00Z";
const SOURCE = "Załącznik 5";

async function read(wb: Workbook): Promise<{ snap: WorkbookSnapshot; analysis: Analysis }> {
  const host = new XlsxHost(wb);
  host.activate(SOURCE);
  const snap = await host.readActiveSheet();
  return { snap, analysis: analyzeWorkbook(snap) };
}

/** Insert the findings sheet (carrying `carried`), save and reopen, as a file the reviewer gets. */
async function insert(wb: Workbook, carried?: (a: Analysis) => Carried): Promise<{ wb: Workbook; notes: string[] }> {
  const { snap, analysis } = await read(wb);
  const plan = planFindings(snap, analysis, { sheet: SOURCE, now: NOW, carried: carried?.(analysis) });
  await new XlsxHost(wb).apply(plan);
  return { wb: await reopen(wb), notes: plan.notes.map((n) => n.pl) };
}

/** The reviewer's marks on the 2022 sheet: finding (cell and code) → decision and comment. */
const MARKS: [string, string, string, string][] = [
  // the same in 2023 (W39_W 2021: 5,70% typed, 34 / 6 from the components): carries to G48
  ["F44", "ratio_mismatch", "Zaakceptowane", "G50 to literówka w sprawozdaniu"],
  // W16_W 2021, 98% against 97%: the indicator is renumbered 5 → 7 in 2023, the finding is the same: carries to F173
  ["F162", "ratio_last_digit", "Zaakceptowane", ""],
  // baseline 53 against 3 223 and 1 358: 2023 quotes its 1 671 as well, the figures decided on are all there: carries to C75
  ["C69", "baseline_out_of_line", "Wyjaśnione", "inna definicja w 2020"],
  // a comment alone carries too (to G57)
  ["F53", "missing_value", "", "brak danych za 2021 w systemie"],
  // the other count of 2022: 39 610 then, 31 680 in 2023 (revised): the figures changed
  ["G139", "duplicate_indicator", "Zaakceptowane", ""],
  // W19_W 2021: 80% then, revised to 89% in 2023, which its components give: the finding is gone
  ["F4", "ratio_mismatch", "Wyjaśnione", "do poprawy"],
  // "6 is about 102 times less than usual": 107 times with 2023's value in the row, a ratio of other years' figures
  ["F46", "implausible_jump", "Zaakceptowane", ""],
];

describe("decisions carried from the 2022 edition into the 2023 edition", () => {
  let notes: string[];
  let carried: Carried;
  let after: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    const last = (await insert(await openSeed("annex-2022.xlsx"))).wb;
    // The reviewer types into last year's sheet, found by its Komórka and the finding it lists.
    const before = await read(last);
    const keys = findingKeys(before.analysis.findings, before.analysis);
    const ws = last.getWorksheet("Uwagi")!;
    const col: Record<string, number> = {};
    ws.getRow(5).eachCell((c, i) => (col[String(c.value)] = i));
    for (const [address, code, decision, comment] of MARKS) {
      const i = before.analysis.findings.findIndex((f) => f.address === address && f.code === code);
      expect(i).toBeGreaterThanOrEqual(0);
      const row = [...Array(ws.rowCount).keys()]
        .map((r) => r + 1)
        .find((r) => ws.getCell(r, col.Klucz).value === keys[i]);
      if (decision) ws.getCell(row!, col.Decyzja).value = decision;
      if (comment) ws.getCell(row!, col.Komentarz).value = comment;
    }
    const lastYear = await reopen(last);
    const previous = { wb: snapshotFromWorkbook(lastYear), analysis: analyzeWorkbook(snapshotFromWorkbook(lastYear)) };
    const inserted = await insert(
      await openSeed("annex-2023-typed.xlsx"),
      (analysis) => (carried = carryDecisions(previous, analysis, SOURCE, "annex-2022.xlsx")),
    );
    notes = inserted.notes;
    after = await read(inserted.wb);
  });

  const decisionAt = (address: string, code: string) => {
    const r = reviewFindings(after.snap, after.analysis).find(
      (x) => x.finding.address === address && x.finding.code === code,
    );
    expect(r).toBeDefined();
    return { decision: r!.decision, comment: r!.comment };
  };

  test("the same findings keep their decisions and comments in the 2023 sheet, read back by validation", () => {
    expect(decisionAt("G48", "ratio_mismatch")).toEqual({
      decision: "accepted",
      comment: "G50 to literówka w sprawozdaniu",
    });
    expect(decisionAt("F173", "ratio_last_digit")).toEqual({ decision: "accepted", comment: "" });
    expect(decisionAt("C75", "baseline_out_of_line")).toEqual({
      decision: "explained",
      comment: "inna definicja w 2020",
    });
    expect(decisionAt("G57", "missing_value")).toEqual({ decision: "open", comment: "brak danych za 2021 w systemie" });
    expect(carried.entries.size).toBe(4);
  });

  test("the others start open, each with its reason", () => {
    expect(decisionAt("H149", "duplicate_indicator")).toEqual({ decision: "open", comment: "" });
    expect(decisionAt("G50", "implausible_jump")).toEqual({ decision: "open", comment: "" });
    const reasons = carried.reopened.map((r) => [r.finding.address, r.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ["G139", "figures_changed"],
        ["F4", "finding_gone"],
        ["F46", "figures_changed"],
      ]),
    );
    expect(reasons).toHaveLength(3);
    // Nothing else of 2023's findings got a decision.
    const decided = reviewFindings(after.snap, after.analysis).filter((r) => r.decision !== "open" || r.comment !== "");
    expect(decided.map((r) => r.finding.address).sort()).toEqual(["C75", "F173", "G48", "G57"]);
  });

  test("the plan says how many carried and names each one that did not, and why", () => {
    expect(notes[0]).toBe(
      "Decyzje z poprzedniej edycji („annex-2022.xlsx”, arkusz „Załącznik 5”): przeniesiono 4 decyzje na te same uwagi; " +
        "3 uwagi zaczynają od nowa jako „Do wyjaśnienia” (zmienione liczby: 2, uwagi już nie ma: 1, wskaźnika nie ma: 0).",
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^„Wyjaśnione” \(„do poprawy”\) nie przechodzi, bo tej uwagi w tej edycji już nie ma; w poprzedniej edycji F4: wskaźnik W19_W, rok 2021: wpisano 80%/,
      ),
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^„Zaakceptowane” nie przechodzi, bo liczby są inne niż w poprzedniej edycji; w poprzedniej edycji G139: .*39 610/,
      ),
    );
  });
});

test("an edition without a findings sheet with decisions carries nothing, and says so", async () => {
  const plain = await openSeed("annex-2022.xlsx");
  const previous = { wb: snapshotFromWorkbook(plain), analysis: analyzeWorkbook(snapshotFromWorkbook(plain)) };
  const { analysis } = await read(await openSeed("annex-2023-typed.xlsx"));
  const carried = carryDecisions(previous, analysis, SOURCE, "annex-2022.xlsx");
  expect(carried).toMatchObject({ sheet: SOURCE, reopened: [] });
  expect(carried.entries.size).toBe(0);
  const { notes } = await insert(await openSeed("annex-2023-typed.xlsx"), () => carried);
  expect(notes).toContain(
    "Poprzednia edycja („annex-2022.xlsx”, arkusz „Załącznik 5”) nie ma arkusza uwag z decyzjami: nie ma czego przenieść.",
  );
});

test("every finding of 2022 marked: 24 carry into 2023, 12 open again (5 with other figures, 7 gone)", async () => {
  const last = (await insert(await openSeed("annex-2022.xlsx"))).wb;
  const ws = last.getWorksheet("Uwagi")!;
  const col: Record<string, number> = {};
  ws.getRow(5).eachCell((c, i) => (col[String(c.value)] = i));
  let marked = 0;
  for (let r = 6; r <= ws.rowCount; r++) {
    if (!ws.getCell(r, col.Klucz).value) continue;
    ws.getCell(r, col.Decyzja).value = "Zaakceptowane";
    marked++;
  }
  expect(marked).toBe(36);
  const lastYear = await reopen(last);
  const previous = { wb: snapshotFromWorkbook(lastYear), analysis: analyzeWorkbook(snapshotFromWorkbook(lastYear)) };
  const { analysis } = await read(await openSeed("annex-2023-typed.xlsx"));
  const carried = carryDecisions(previous, analysis, SOURCE, "annex-2022.xlsx");
  expect(carried.entries.size).toBe(24);
  const by = (reason: string) =>
    carried.reopened
      .filter((r) => r.reason === reason)
      .map((r) => `${r.finding.address} ${r.finding.code}`)
      .sort();
  // The count revised 39 610 → 31 680; W18_W's 43 % → 22 % quoted beside the births; "102 times" → 107 with 2023's
  // value in the row; a numbering repeat now expecting 9; 507 → 693 numbers typed as text.
  expect(by("figures_changed")).toEqual([
    "B165 numbering_repeat",
    "C4 number_as_text",
    "F46 implausible_jump",
    "G139 duplicate_indicator",
    "G57 component_swing",
  ]);
  // W19_W 2021 revised to what its components give; the coverage rows' missing values filled; numbering fixed.
  expect(by("finding_gone")).toEqual([
    "B162 numbering_repeat",
    "B184 numbering_gap",
    "F158 missing_value",
    "F159 missing_value",
    "F4 ratio_mismatch",
    "G158 missing_value",
    "G159 missing_value",
  ]);
  expect(by("indicator_gone")).toEqual([]);
});
