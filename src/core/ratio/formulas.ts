/**
 * The ratio formula families found in the MOPS annexes. Each takes two component rows (a, b) in the order the
 * formula names them, computes the value in Excel's units and writes the same computation as an Excel formula.
 */
import type { RatioFormulaId, RatioResult } from "../model";
import type { Message } from "../message";

export type RatioUnit = RatioResult["unit"];

export interface RatioFormula {
  id: RatioFormulaId;
  unit: RatioUnit;
  /** What the user reads as the formula's name. */
  name: Message;
  /** The value in Excel's units (a percent as a fraction), or null where it is undefined (a zero denominator). */
  compute(a: number, b: number): number | null;
  /** The same computation over two operands (cell references or names), without the leading "=". */
  expression(a: string, b: string): string;
  /** The sheet lists b before a (share_reversed): the caller feeds the first two components swapped. */
  reversed: boolean;
}

const divide = (x: number, y: number): number | null => (y === 0 ? null : x / y);

/** In order of simplicity: inference prefers the earlier formula when two reproduce as many reported values. */
export const FORMULAS: readonly RatioFormula[] = [
  {
    id: "share",
    unit: "percent",
    name: { pl: "udział", en: "share" },
    reversed: false,
    compute: divide,
    expression: (a, b) => `${a}/${b}`,
  },
  {
    id: "share_reversed",
    unit: "percent",
    name: { pl: "udział (mianownik podany jako pierwszy)", en: "share (denominator listed first)" },
    reversed: true,
    compute: divide,
    expression: (a, b) => `${a}/${b}`,
  },
  {
    id: "per_1000",
    unit: "per_1000",
    name: { pl: "na 1000 mieszkańców", en: "per 1 000 inhabitants" },
    reversed: false,
    compute: (a, b) => (b === 0 ? null : (a / b) * 1000),
    expression: (a, b) => `${a}/${b}*1000`,
  },
  {
    id: "coverage",
    unit: "percent",
    name: { pl: "poziom zaspokojenia potrzeb", en: "coverage of need" },
    reversed: false,
    compute: (a, b) => divide(a, a + b),
    expression: (a, b) => `${a}/(${a}+${b})`,
  },
  {
    id: "weekly_hours_per_person",
    unit: "hours_per_week",
    name: { pl: "godziny tygodniowo na osobę", en: "weekly hours per person" },
    reversed: false,
    compute: (a, b) => (b === 0 ? null : a / b / 52),
    expression: (a, b) => `${a}/${b}/52`,
  },
];

export function formulaById(id: RatioFormulaId): RatioFormula {
  const found = FORMULAS.find((f) => f.id === id);
  if (!found) throw new Error(`Unknown ratio formula: ${id}`);
  return found;
}

/**
 * The formula written out for a reader over any operands, "udział: 34 / 6". Spaced operators go in over placeholders
 * first, so that a "/" inside an operand (a component name) stays as it is.
 */
export function spellFormula(f: RatioFormula, a: string, b: string): Message {
  const pretty = f.expression("{a}", "{b}").replace(/\*/g, " × ").replace(/\//g, " / ").replace(/\+/g, " + ");
  const expr = pretty.split("{a}").join(a).split("{b}").join(b);
  return { pl: `${f.name.pl}: ${expr}`, en: `${f.name.en}: ${expr}` };
}

/** "udział: [liczba A] / [liczba B]": the formula over the component names, for the user to check. */
export function describeFormula(f: RatioFormula, a: string, b: string): Message {
  return spellFormula(f, `[${a}]`, `[${b}]`);
}
