/**
 * Finding the formula of a ratio indicator from its component rows, and recalculating it for the baseline and every
 * year. The STRADOM catalogue is tried first; inference (which formula reproduces the most reported values at the
 * precision shown) checks it, and decides alone for indicators without a known code.
 */
import type { Component, Indicator, RatioResult, ValueCell } from "../model";
import { CATALOGUE } from "./catalogue";
import { describeFormula, FORMULAS, formulaById, type RatioFormula } from "./formulas";
import { matchesShown } from "./precision";
import type { Message } from "../message";

export interface RatioInference {
  result: RatioResult | null;
  /** Why no formula was given, or where the catalogue and the reported values disagree. */
  note?: Message;
}

/** Enough for any annex row (they have two); bounds the pairs tried on an odd table. */
const MAX_COMPONENTS = 4;

/** A formula applied to two of the indicator's components, in formula order. */
interface Candidate {
  formula: RatioFormula;
  first: Component;
  second: Component;
  recalculated: Record<string, number | null>;
  matches: Record<string, boolean | null>;
  matched: number;
  compared: number;
}

export function inferRatio(ind: Indicator): RatioInference {
  const [one, two] = ind.components;
  if (!one || !two) return { result: null };
  const keys = valueKeys(ind);
  const known = ind.code !== null ? CATALOGUE[ind.code] : undefined;
  const catalogued = known !== undefined ? evaluate(ind, keys, formulaById(known), one, two) : null;
  const best = bestInferred(ind, keys, catalogued);

  if (catalogued) {
    if (best.matched > catalogued.matched) {
      return { result: toResult(best, "inferred"), note: catalogueOutdone(ind.code ?? "", catalogued, best) };
    }
    const weak = catalogued.compared > 0 && !fits(catalogued);
    return { result: toResult(catalogued, "catalogue"), note: weak ? catalogueWeak(catalogued) : undefined };
  }
  if (fits(best)) return { result: toResult(best, "inferred") };
  return { result: null, note: noFit(best) };
}

/** "baseline" then every year the indicator or its components have, ascending. */
function valueKeys(ind: Indicator): string[] {
  const years = new Set<number>(Object.keys(ind.values).map(Number));
  for (const c of ind.components) for (const y of Object.keys(c.values)) years.add(Number(y));
  return ["baseline", ...[...years].sort((a, b) => a - b).map(String)];
}

export function cellAt(row: Pick<Component, "baseline" | "values">, key: string): ValueCell | null {
  return key === "baseline" ? row.baseline : (row.values[Number(key)] ?? null);
}

/** A component's count for a key, or null when the cell holds no number. */
export function componentNumber(c: Component, key: string): number | null {
  const cell = cellAt(c, key);
  return cell && cell.parsed.kind === "number" ? cell.parsed.value : null;
}

function evaluate(ind: Indicator, keys: string[], formula: RatioFormula, x: Component, y: Component): Candidate {
  const [first, second] = formula.reversed ? [y, x] : [x, y];
  const candidate: Candidate = { formula, first, second, recalculated: {}, matches: {}, matched: 0, compared: 0 };
  for (const key of keys) {
    const a = componentNumber(first, key);
    const b = componentNumber(second, key);
    const computed = a === null || b === null ? null : formula.compute(a, b);
    // Counts near 1e308 (or 5e-324 below them) overflow: no number Excel can hold, so no value rather than Infinity.
    const value = computed !== null && Number.isFinite(computed) ? computed : null;
    const reported = cellAt(ind, key)?.parsed;
    const match = value === null || !reported ? null : matchesShown(value, reported, formula.unit);
    candidate.recalculated[key] = value;
    candidate.matches[key] = match;
    if (match !== null) candidate.compared++;
    if (match === true) candidate.matched++;
  }
  return candidate;
}

/**
 * The candidate reproducing the most reported values; on a tie the catalogue's formula, then the simpler formula
 * (FORMULAS order), then the components listed first.
 */
function bestInferred(ind: Indicator, keys: string[], catalogued: Candidate | null): Candidate {
  let best: Candidate | null = catalogued;
  const components = ind.components.slice(0, MAX_COMPONENTS);
  for (const [i, x] of components.entries()) {
    for (const y of components.slice(i + 1)) {
      for (const formula of FORMULAS) {
        const c = evaluate(ind, keys, formula, x, y);
        if (!best || c.matched > best.matched) best = c;
      }
    }
  }
  return best as Candidate;
}

/** A formula fits when it reproduces at least one reported value and at least half of those it can compare. */
function fits(c: Candidate): boolean {
  return c.matched > 0 && c.matched * 2 >= c.compared;
}

function toResult(c: Candidate, source: RatioResult["source"]): RatioResult {
  const { first: a, second: b } = c;
  return {
    formula: c.formula.id,
    unit: c.formula.unit,
    source,
    description: describeFormula(c.formula, a.name, b.name),
    componentRows: [a.row, b.row],
    recalculated: c.recalculated,
    matches: c.matches,
  };
}

function catalogueOutdone(code: string, catalogued: Candidate, best: Candidate): Message {
  return {
    pl:
      `Katalog STRADOM podaje dla ${code} wzór „${catalogued.formula.name.pl}”, który odtwarza ${catalogued.matched} ` +
      `z ${catalogued.compared} podanych wartości; wzór „${best.formula.name.pl}” odtwarza ${best.matched} ` +
      `z ${best.compared}, więc użyto go zamiast katalogowego.`,
    en:
      `The STRADOM catalogue gives ${code} the formula "${catalogued.formula.name.en}", which reproduces ` +
      `${catalogued.matched} of ${catalogued.compared} reported values; "${best.formula.name.en}" reproduces ` +
      `${best.matched} of ${best.compared}, so it is used instead.`,
  };
}

function catalogueWeak(c: Candidate): Message {
  return {
    pl:
      `Wzór z katalogu STRADOM („${c.formula.name.pl}”) odtwarza tylko ${c.matched} z ${c.compared} podanych wartości, ` +
      "a żaden inny nie odtwarza więcej: użyto go, sprawdź wpisane wartości i składowe.",
    en:
      `The STRADOM catalogue formula ("${c.formula.name.en}") reproduces only ${c.matched} of ${c.compared} reported values, ` +
      "and no other reproduces more: it is used; check the typed values and the components.",
  };
}

function noFit(best: Candidate): Message {
  if (best.compared === 0) {
    return {
      pl: "Wskaźnik ma wiersze składowe, ale brak par wartości (wskaźnik i składowe z tego samego roku), z których można ustalić wzór.",
      en: "The indicator has component rows, but no year with both a reported value and component counts to infer a formula from.",
    };
  }
  return {
    pl:
      `Żaden znany wzór nie odtwarza podanych wartości: najlepszy („${best.formula.name.pl}”) zgadza się ` +
      `w ${best.matched} z ${best.compared} przypadków.`,
    en:
      `No known formula reproduces the reported values: the best ("${best.formula.name.en}") agrees ` +
      `in ${best.matched} of ${best.compared} cases.`,
  };
}
