/**
 * The add-in's conditional-format rules in a worksheet part: <conditionalFormatting sqref><cfRule type="expression">
 * with a differential format (dxf) in styles.xml. Rules carrying the add-in's marker are replaced; every other rule,
 * the user's, is kept as it was, byte for byte.
 */
import { isOwnRule, type StatusRule } from "../../core/rules";
import { fromFileFormula, toFileFormula, toSqref } from "../rules";
import type { StyleBook } from "./styles";
import { child, children, create, elements, type Element } from "./xml";

/** Worksheet children that come after <conditionalFormatting> (ECMA-376 CT_Worksheet order). */
const AFTER = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function isOwn(rule: Element): boolean {
  const formula = child(rule, "formula")?.textContent ?? "";
  return rule.getAttribute("type") === "expression" && isOwnRule(fromFileFormula(formula));
}

/** Replace the add-in's rules in the worksheet (root) with these. */
export function replaceOwnRules(root: Element, rules: StatusRule[], styles: StyleBook): void {
  for (const block of children(root, "conditionalFormatting")) {
    for (const rule of children(block, "cfRule")) if (isOwn(rule)) block.removeChild(rule);
    if (children(block, "cfRule").length === 0) root.removeChild(block);
  }
  if (rules.length === 0) return;
  // After the user's rules: theirs keep precedence where they overlap ours.
  const taken = children(root, "conditionalFormatting").flatMap((b) =>
    children(b, "cfRule").map((r) => Number(r.getAttribute("priority")) || 0),
  );
  let priority = Math.max(0, ...taken);
  const next = elements(root).find((e) => AFTER.includes(e.localName ?? "")) ?? null;
  for (const rule of rules) {
    const block = create(root, "conditionalFormatting");
    block.setAttribute("sqref", toSqref(rule.range));
    const cf = create(block, "cfRule");
    cf.setAttribute("type", "expression");
    cf.setAttribute("dxfId", String(styles.statusDxf(rule.fill, rule.numberFormat)));
    cf.setAttribute("priority", String(++priority));
    const formula = create(cf, "formula");
    formula.appendChild(root.ownerDocument!.createTextNode(toFileFormula(rule.formula)));
    cf.appendChild(formula);
    block.appendChild(cf);
    root.insertBefore(block, next);
  }
}
