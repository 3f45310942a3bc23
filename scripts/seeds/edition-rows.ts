import { GuideRow, RowValues, TREND_WORDS } from "./annex-guide";
import type { ValueLine } from "./edition-values";

/**
 * Reading one value line (or a line broken by "utrzymanie wartości bazowej" plus the next) as a row of an annex
 * edition, with a row of the 2023 annex as the guide to which columns its numbers fill. "5 120 5 853" may be two
 * numbers or four, "58 120" one or two: every grouping and every order-keeping placement of the numbers into the
 * row's columns is scored against the guide, and the best wins, unless two different readings tie.
 */
export interface EditionRow extends RowValues {
  lp: string;
  score: number;
}

const HEAD = /^-?\d{1,3}$/;
const MIDDLE = /^\d{3}$/;
const LAST = /^\d{3}(,\d+)?%?$/;
const INTEGER = /^\d+$/;

/** Every way of reading the pieces as numbers typed with space thousands separators. */
export function groupings(pieces: string[]): string[][] {
  if (pieces.length === 0) return [[]];
  const [head = "", ...rest] = pieces;
  const readings = groupings(rest).map((tail) => [head, ...tail]);
  if (!HEAD.test(head)) return readings;
  for (let n = 1; n <= rest.length && (n === 1 || MIDDLE.test(rest[n - 2]!)) && LAST.test(rest[n - 1]!); n++) {
    const number = [head, ...rest.slice(0, n)].join(" ");
    for (const tail of groupings(rest.slice(n))) readings.push([number, ...tail]);
  }
  return readings;
}

/** Every order-keeping choice of k of the slots 0..m-1. */
function placements(k: number, m: number, from = 0): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = from; i <= m - k; i++) for (const rest of placements(k - 1, m, i + 1)) out.push([i, ...rest]);
  return out;
}

const same = (a: string, b: string): boolean => a.replace(/\s+/g, " ") === b.replace(/\s+/g, " ");

function agreement(edition: string, guide: string): number {
  if (edition === "" && guide === "") return 0;
  if (edition === "" || guide === "") return -1;
  return same(edition, guide) ? 2 : 0;
}

export function readEditionRow(lines: ValueLine[], guide: GuideRow, years: number[]): EditionRow | null {
  let pieces = lines.flatMap((l) => l.pieces);
  let lp = "";
  if (guide.lp !== "") {
    if (!INTEGER.test(pieces[0] ?? "")) return null;
    [lp = "", ...pieces] = pieces;
  }
  const trendAt = pieces.findIndex((p) => TREND_WORDS.includes(p));
  if (pieces.filter((p) => TREND_WORDS.includes(p)).length > 1) return null;
  const trend = pieces[trendAt] ?? "";
  const before = trendAt >= 0 ? pieces.slice(0, trendAt) : pieces;
  const after = trendAt >= 0 ? pieces.slice(trendAt + 1) : [];
  const guideSlots = [guide.base, guide.target, ...years.map((y) => guide.years[y])];

  let best: { score: number; slots: string[] } | null = null;
  let tied = false;
  for (const first of groupings(before)) {
    for (const second of groupings(after)) {
      // Before a trend only baseline and target; after it only years; with no trend, any column in order.
      const options =
        trendAt >= 0
          ? combine(placements(first.length, 2), placements(second.length, years.length).map((p) => p.map((i) => i + 2)))
          : placements(first.length, guideSlots.length);
      const numbers = [...first, ...second];
      for (const placement of options) {
        const slots = guideSlots.map(() => "");
        placement.forEach((slot, i) => (slots[slot] = numbers[i]!));
        const score =
          slots.reduce((sum, value, i) => sum + agreement(value, guideSlots[i]!), 0) +
          agreement(trend, guide.trend) +
          (lp !== "" && lp === guide.lp ? 1 : 0);
        if (!best || score > best.score) {
          best = { score, slots };
          tied = false;
        } else if (score === best.score && best.slots.join("|") !== slots.join("|")) {
          tied = true;
        }
      }
    }
  }
  if (!best || tied) return null;
  const [base = "", target = "", ...values] = best.slots;
  return { lp, base, target, trend, years: Object.fromEntries(years.map((y, i) => [y, values[i]!])), score: best.score };
}

function combine(a: number[][], b: number[][]): number[][] {
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}
