import { formulaForCell, isOwnRule, ruleStatus, symbolFormat } from "../../src/core/rules";

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
