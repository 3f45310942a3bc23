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

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of s.split(" ")) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** A name's letter pairs, as nameSimilarity compares them: worked out once per name where one is compared with many. */
export type NameGrams = Map<string, number>;

export function nameGrams(name: string): NameGrams {
  return bigrams(core(name));
}

/** How alike two names are, from 0 to 1 (Dice over letter pairs): a typo costs little, another indicator a lot. */
export function nameSimilarity(a: string, b: string): number {
  return gramSimilarity(nameGrams(a), nameGrams(b));
}

export function gramSimilarity(x: NameGrams, y: NameGrams): number {
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** "1." and "1" are the same number. */
export function foldNumber(n: string | null): string | null {
  return n === null ? null : n.replace(/\.$/, "").trim();
}
