/** The add-in's conditional-format rules in an ExcelJS worksheet: read for the snapshot, replaced by a plan. */
import type { ConditionalFormattingOptions, Worksheet } from "exceljs";
import { isOwnRule, type StatusRule } from "../core/rules";
import { solidFill } from "./colors";

/** ExcelJS's expression rule, as it reads and writes it (formulae without "="). */
interface ExpressionRule {
  type: string;
  formulae?: string[];
}

/** A formula as the file stores it, back in Excel's syntax ("_xlfn." prefixes of newer functions dropped). */
export function fromFileFormula(formula: string): string {
  return "=" + formula.replace(/^=/, "").replace(/_xlfn\./g, "");
}

/** NUMBERVALUE came with Excel 2013: the file format names it with its "_xlfn." prefix. */
export function toFileFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/(?<![._A-Za-z])NUMBERVALUE\(/g, "_xlfn.NUMBERVALUE(");
}

/** A rule's areas as the file's sqref lists them: "D7:H8 D10:H10" for Office's "D7:H8,D10:H10". */
export function toSqref(range: string): string {
  return range.replace(/,/g, " ");
}

type Blocks = { ref: string; rules: ExpressionRule[] }[];
/** ExcelJS keeps the sheet's rules here (not in its typings). */
const model = (ws: Worksheet) => ws as unknown as { conditionalFormattings?: Blocks };

const formulaOf = (rule: ExpressionRule): string | null =>
  rule.type === "expression" && rule.formulae?.[0] ? fromFileFormula(rule.formulae[0]) : null;

/** The formulas of the add-in's rules on the sheet. */
export function ownRuleFormulas(ws: Worksheet): string[] {
  const blocks = model(ws).conditionalFormattings ?? [];
  return blocks.flatMap((b) => b.rules.map(formulaOf).filter((f): f is string => f !== null && isOwnRule(f)));
}

/** Delete the add-in's rules (a block left empty goes too) and add these; the user's rules stay as they are. */
export function replaceOwnRules(ws: Worksheet, rules: StatusRule[]): void {
  const blocks = model(ws).conditionalFormattings ?? [];
  model(ws).conditionalFormattings = blocks
    .map((b) => ({ ...b, rules: b.rules.filter((r) => !isOwnRule(formulaOf(r) ?? "")) }))
    .filter((b) => b.rules.length > 0);
  for (const rule of rules) {
    ws.addConditionalFormatting({
      ref: toSqref(rule.range),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [toFileFormula(rule.formula)],
          style: {
            fill: { ...solidFill(rule.fill), bgColor: { argb: "FF" + rule.fill.slice(1) } },
            ...(rule.numberFormat ? { numFmt: rule.numberFormat } : {}),
          },
        },
      ],
    } as unknown as ConditionalFormattingOptions);
  }
}
