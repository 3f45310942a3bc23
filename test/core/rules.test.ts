import { rangeA1, toA1 } from "../../src/core/address";
import { noJournal } from "../../src/core/journal";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { SheetSnapshot } from "../../src/core/snapshot";
import {
  formulaForCell,
  isOwnRule,
  ruleCells,
  ruleStatus,
  rowRuns,
  sharedRules,
  symbolFormat,
  type RuleRun,
} from "../../src/core/rules";
import { syntheticAnnexSheet } from "../helpers/synthetic-annex";
import { annex2023Typed } from "../helpers/typed-sheet";

describe("rule pieces", () => {
  test("the symbol goes in front of every section, the minus of a negative after it, and text gets it too", () => {
    expect(symbolFormat("General", "worsened")).toBe('"− "General;"− "-General;"− "General;"− "@');
    expect(symbolFormat("0.0%", "improved")).toBe('"+ "0.0%;"+ "-0.0%;"+ "0.0%;"+ "@');
    expect(symbolFormat("#,##0;[Red]-#,##0", "target_met")).toBe('"✔ "#,##0;[Red]"✔ "-#,##0;"✔ "#,##0;"✔ "@');
  });

  test("a rule's formula moved to another cell of its range: relative references move, absolute ones and text stay", () => {
    const f = '=AND(IFERROR(F5>$C$5,FALSE),ISNUMBER(SEARCH("%",F5)),N("mops-wskazniki:improved@F5:H5")=0)';
    expect(formulaForCell(f, "F5", "H5")).toBe(
      '=AND(IFERROR(H5>$C$5,FALSE),ISNUMBER(SEARCH("%",H5)),N("mops-wskazniki:improved@F5:H5")=0)',
    );
    expect(formulaForCell(f, "F5", "G5", "Załącznik 5")).toContain("'Załącznik 5'!G5>'Załącznik 5'!$C$5");
  });

  test("the marker tells the add-in's rules from the user's, and names the status", () => {
    expect(isOwnRule('=AND(TRUE,N("mops-wskazniki:stable@F5")=0)')).toBe(true);
    expect(isOwnRule("=F5>$C$5")).toBe(false);
    expect(ruleStatus('=AND(TRUE,N("mops-wskazniki:stable@F5")=0)')).toBe("stable");
    expect(ruleStatus('=N("mops-wskazniki:bogus@F5")')).toBeNull();
  });
});

/** Every run of value cells of a sheet's tables, as colouring makes them. */
function runsOf(sheet: SheetSnapshot): RuleRun[] {
  const analysis = analyzeWorkbook({ sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() });
  return analysis.sheets[0]!.tables.flatMap((table) =>
    table.indicators
      .flatMap((ind) => [ind, ...ind.subRows])
      .flatMap((row) => {
        const cells = table.years.map((y) => row.values[y]).filter((c) => !!c && c.parsed.kind !== "not_applicable");
        return rowRuns(row, cells as NonNullable<(typeof cells)[number]>[], analysis.tolerance);
      }),
  );
}

/** A formula without the marker term, which names the range and so differs between a shared rule and a lone one. */
const unmarked = (formula: string): string => formula.replace(/,N\("mops-wskazniki:[^"]*"\)=0\)$/, ")");

describe("rules shared by many rows", () => {
  test.each([
    ["the 2023 annex as typed by hand", annex2023Typed()],
    ["a generated annex of 300 rows", syntheticAnnexSheet(300)],
  ])("%s: a shared rule, read at any run it covers, is the rule that run would have alone", (_name, sheet) => {
    const runs = runsOf(sheet);
    const shared = sharedRules(runs);
    expect(shared.length).toBeLessThan(runs.length);
    for (const run of runs) {
      const anchor = toA1(run.row, run.left);
      for (const alone of sharedRules([run])) {
        expect(alone.range).toBe(rangeA1({ row: run.row, col: run.left }, { row: run.row, col: run.right }));
        const rule = shared.find((r) => r.status === alone.status && ruleCells(r.formula).includes(anchor))!;
        const from = rule.range.split(/[,:]/)[0];
        expect({ anchor, formula: unmarked(formulaForCell(rule.formula, from!, anchor)) }).toEqual({
          anchor,
          formula: unmarked(alone.formula),
        });
        expect(rule.numberFormat).toBe(alone.numberFormat);
      }
    }
  });

  test("a long group takes several rules, each marker within Excel's 255 characters of a formula's text", () => {
    const shared = sharedRules(runsOf(syntheticAnnexSheet(1_000)));
    const markers = shared.map((r) => /N\("([^"]*)"\)=0\)$/.exec(r.formula)![1]);
    expect(Math.max(...markers.map((m) => m!.length))).toBeLessThanOrEqual(255);
    expect(Math.max(...markers.map((m) => m!.length))).toBeGreaterThan(230);
  });
});
