/**
 * Which indicator of the old edition is which of the new one. By STRADOM code first; then, within the same domain
 * and direction, by name, allowing for rewording (the letters mostly alike) and renumbering (the number only helps).
 * Names alone mislead here ("Liczba osób w rodzinach objętych pomocą MOPS" and "Liczba osób w rodzinach uchodźców
 * objętych pomocą MOPS" are 90 % alike), so an uncoded pair whose figures mostly disagree is not the same indicator.
 * Rows under a matched pair (components, districts) are matched by name in the same way.
 */
import type { Component, Indicator } from "../model";
import { DIRECTION_TITLE } from "../vocabulary";
import { figureAgreement } from "./figures";
import { type NameGrams, foldName, foldNumber, gramSimilarity, nameGrams } from "./names";

/** Names at least this alike may be the same indicator reworded; below, they are different indicators. */
const SAME_NAME = 0.6;
/** With the same number in the same direction, a name may have been reworded further. */
const SAME_NAME_SAME_NUMBER = 0.45;
/** The same number breaks near-ties between alike names, never outweighs a clearly better name. */
const NUMBER_BONUS = 0.05;
/** Agreeing figures tell apart two alike names; they weigh less than the name. */
const FIGURES_WEIGHT = 0.2;

export interface IndicatorMatch {
  pairs: [Indicator, Indicator][];
  added: Indicator[];
  removed: Indicator[];
}

/** An indicator with what matching compares, worked out once: each is compared with every row of the other edition. */
interface Keyed {
  ind: Indicator;
  domain: string;
  direction: string;
  grams: NameGrams;
  number: string | null;
}

function keyed(ind: Indicator): Keyed {
  return {
    ind,
    domain: domainKey(ind),
    direction: directionKey(ind.direction),
    grams: nameGrams(ind.name),
    number: foldNumber(ind.number),
  };
}

export function matchIndicators(before: Indicator[], after: Indicator[]): IndicatorMatch {
  const olds = before.map(keyed);
  const news = after.map(keyed);
  const domains = domainMap(olds, news);
  const scope = (domain: string, k: Keyed) => `${domain}|${k.direction}`;
  const newScopes = news.map((y) => scope(y.domain, y));
  const candidates: { a: Indicator; b: Indicator; score: number }[] = [];
  for (const x of olds) {
    const a = x.ind;
    const oldScope = scope(domains.get(x.domain) ?? "?", x);
    for (const [j, y] of news.entries()) {
      const b = y.ind;
      const sameCode = a.code !== null && a.code === b.code;
      const sameScope = oldScope === newScopes[j];
      if (!sameCode && !(sameScope && (a.code === null || b.code === null))) continue;
      const similarity = gramSimilarity(x.grams, y.grams);
      const sameNumber = x.number === y.number;
      if (sameCode) {
        // the code decides; where it appears more than once, the place and the name tell the rows apart
        candidates.push({ a, b, score: 10 + (sameScope ? 2 : 0) + similarity + (sameNumber ? NUMBER_BONUS : 0) });
      } else if (similarity >= SAME_NAME || (sameNumber && similarity >= SAME_NAME_SAME_NUMBER)) {
        const agreement = figureAgreement(a, b);
        if (agreement >= 0)
          candidates.push({ a, b, score: similarity + (sameNumber ? NUMBER_BONUS : 0) + FIGURES_WEIGHT * agreement });
      }
    }
  }
  const pairs = greedy(candidates);
  const matchedOld = new Set(pairs.map(([a]) => a));
  const matchedNew = new Set(pairs.map(([, b]) => b));
  return {
    pairs: pairs.sort((x, y) => x[1].row - y[1].row),
    added: after.filter((b) => !matchedNew.has(b)),
    removed: before.filter((a) => !matchedOld.has(a)),
  };
}

/** Components and sub-rows of a matched pair, by name (the same name twice: in order). */
export function matchRows<T extends Component>(before: T[], after: T[]): [T, T][] {
  // each name folded once, not once per pair
  const named = (rows: T[]) => rows.map((row) => ({ row, folded: foldName(row.name), grams: nameGrams(row.name) }));
  const news = named(after);
  const candidates: { a: T; b: T; score: number }[] = [];
  named(before).forEach((x, i) =>
    news.forEach((y, j) => {
      const same = x.folded === y.folded;
      const similarity = same ? 1 : gramSimilarity(x.grams, y.grams);
      // among equal names, the one in the same place first
      if (similarity >= SAME_NAME)
        candidates.push({ a: x.row, b: y.row, score: similarity + (same ? 1 : 0) - Math.abs(i - j) * 0.001 });
    }),
  );
  return greedy(candidates);
}

/** Best pairs first, each row used once. */
function greedy<T>(candidates: { a: T; b: T; score: number }[]): [T, T][] {
  const usedA = new Set<T>();
  const usedB = new Set<T>();
  const pairs: [T, T][] = [];
  for (const { a, b } of [...candidates].sort((x, y) => y.score - x.score)) {
    if (usedA.has(a) || usedB.has(b)) continue;
    usedA.add(a);
    usedB.add(b);
    pairs.push([a, b]);
  }
  return pairs;
}

function domainKey(ind: Indicator): string {
  return foldName(ind.domain ?? "").replace(/^dziedzina\s*-?\s*/, "");
}

/** "Kierunek działań 2. …" is direction 2 whatever its wording; a direction without a number goes by its words. */
function directionKey(direction: string | null): string {
  const folded = foldName(direction ?? "");
  const m = DIRECTION_TITLE.exec(folded);
  return m?.[1] ?? folded;
}

/** Each old domain to the new domain of the same (or most alike) name. */
function domainMap(before: Keyed[], after: Keyed[]): Map<string, string> {
  const olds = [...new Set(before.map((k) => k.domain))];
  const news = [...new Set(after.map((k) => k.domain))].map((b) => ({ b, grams: nameGrams(b) }));
  const candidates = olds
    .flatMap((a) => {
      const grams = nameGrams(a);
      return news.map(({ b, grams: other }) => ({ a, b, score: a === b ? 2 : gramSimilarity(grams, other) }));
    })
    .filter((c) => c.score >= SAME_NAME);
  return new Map(greedy(candidates));
}
