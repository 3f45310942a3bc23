import { parseA1 } from "../../../src/core/address";
import type { SheetSnapshot } from "../../../src/core/snapshot";

/**
 * Evaluates "=A1/(A1+B2)*1000"-style formulas (cell references, numbers, + - * / and parentheses: all the ratio
 * formulas use) over a snapshot's values: an independent check that a written formula computes what the plan claims.
 */
export function evaluate(sheet: SheetSnapshot, formula: string): number {
  const tokens = formula.replace(/^=/, "").match(/[A-Z]+\d+|\d+(\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === "(") {
      const v = sum();
      i++; // ")"
      return v;
    }
    if (/^[A-Z]/.test(t!)) {
      const { row, col } = parseA1(t!);
      const v = sheet.values[row - sheet.top]![col - sheet.left];
      if (typeof v !== "number") throw new Error(`${t} is not a number: ${JSON.stringify(v)}`);
      return v;
    }
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === "*" || tokens[i] === "/") v = tokens[i++] === "*" ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === "+" || tokens[i] === "-") v = tokens[i++] === "+" ? v + product() : v - product();
    return v;
  };
  return sum();
}
