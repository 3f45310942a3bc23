/**
 * Names as editions spell them: the same indicator is retyped every year ("W6 _W" and "W6_W", "opiekuńczo–wychowawczych"
 * with an en dash, "usamodzielnienia" and "usamodzielniania"), so names are compared after folding the spelling that
 * does not change the words, and matched by how alike their letters are.
 */

/** Lower case, one kind of dash, no spaces inside STRADOM codes, no markup, single spaces, no closing full stop. */
export function foldName(name: string): string {
  return name
    .replace(/<\/?b>/gi, "")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/([wm])\s*(\d{1,3})\s*_\s*([a-z])\b/g, "$1$2_$3")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/\s*([,.;:)])/g, "$1")
    .replace(/\(\s*/g, "(")
    .trim()
    .replace(/[.\s]+$/, "");
}

/** The words that say what is measured: the STRADOM reference ("wskaźnik W19_W (system STRADOM UMK)") left out. */
function core(name: string): string {
  return foldName(name)
    .replace(/\(system stradom umk\)/g, " ")
    .replace(/\b(wskaźnik|miernik)?\s*[wm]\d{1,3}_[a-z]\b/g, " ")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

/** Letter pairs keyed by their two UTF-16 units as one number: cheaper to count and look up than two-letter strings. */
function bigrams(s: string): Map<number, number> {
  const grams = new Map<number, number>();
  for (const word of s.split(" ")) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const g = padded.charCodeAt(i) * 0x10000 + padded.charCodeAt(i + 1);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** A name's letter pairs and their count, worked out once per name where one is compared with many. */
export interface NameGrams {
  counts: Map<number, number>;
  total: number;
}

export function nameGrams(name: string): NameGrams {
  const counts = bigrams(core(name));
  let total = 0;
  for (const n of counts.values()) total += n;
  return { counts, total };
}

/** How alike two names are, from 0 to 1 (Dice over letter pairs): a typo costs little, another indicator a lot. */
export function nameSimilarity(a: string, b: string): number {
  return gramSimilarity(nameGrams(a), nameGrams(b));
}

export function gramSimilarity(x: NameGrams, y: NameGrams): number {
  const total = x.total + y.total;
  // the pairs both share, looked up from the name with fewer
  const [fewer, more] = x.counts.size <= y.counts.size ? [x.counts, y.counts] : [y.counts, x.counts];
  let shared = 0;
  for (const [g, n] of fewer) shared += Math.min(n, more.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** "1." and "1" are the same number. */
export function foldNumber(n: string | null): string | null {
  return n === null ? null : n.replace(/\.$/, "").trim();
}
