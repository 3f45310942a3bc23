/**
 * The add-in's conditional-format rules through Office.js (ExcelApi 1.6; 1.9 for a rule over several areas): read
 * with the sheet, found again by their marker (core/rules.ts) and deleted, and added as custom (formula) rules with a
 * fill and a number format.
 */
import { isOwnRule, type StatusRule } from "../core/rules";

/** Queue the load of a sheet's conditional formats; after the sync, the add-in's own ones. */
export function requestOwnRules(sheet: Excel.Worksheet): () => Excel.ConditionalFormat[] {
  const formats = sheet.getRange().conditionalFormats;
  // customOrNullObject: a data bar or colour scale of the user's is read as a null object, not an error.
  formats.load("items/type,items/customOrNullObject/rule/formula");
  return () =>
    formats.items.filter((f) => !f.customOrNullObject.isNullObject && isOwnRule(f.customOrNullObject.rule.formula));
}

/** The snapshot's field for the add-in's rules of a sheet: their formulas, absent when there is none. */
export function ownRulesField(own: Excel.ConditionalFormat[]): { ownRules?: string[] } {
  const rules = own.map((f) => f.customOrNullObject.rule.formula);
  return rules.length > 0 ? { ownRules: rules } : {};
}

/**
 * Queue one rule: a custom format added through the conditional formats of its areas as one RangeAreas
 * (sheet.getRanges(rule.range)), so that Excel reads the formula from their top-left cell, the first area's (a
 * format's formula is set relative to the range it was reached through: OfficeDev/office-js#5194). Its priority is
 * Excel's (newest first); the rules exclude each other.
 */
export function addRule(formats: Excel.ConditionalFormatCollection, rule: StatusRule): void {
  const format = formats.add("Custom");
  format.custom.rule.formula = rule.formula;
  format.custom.format.fill.color = rule.fill;
  if (rule.numberFormat !== null) format.custom.format.numberFormat = rule.numberFormat;
}
