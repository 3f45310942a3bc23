/**
 * Finding the 2023 annex's wording in an edition's text, where the extraction wraps names over lines and spells
 * some differently: other dashes or spaces ("W6 _W"), other endings ("usamodzielnienia"), typos ("bezdomnch"). Names
 * are compared with whitespace ignored and dashes made one; a name the edition spells otherwise is found by its
 * longest prefix there (most of the name), and ends where the 2023 name's ending is found again, else at the end of
 * that line. The result is the edition's own spelling, its line breaks made spaces.
 */
const MIN_PREFIX_SHARE = 0.6;
const MIN_PREFIX = 20;
const SUFFIX = 12;

export class EditionNames {
  private readonly original: string;
  private readonly folded: string;
  /** Index in `original` of each character of `folded`. */
  private readonly position: number[] = [];
  /** Index in `original` where each joined line ends. */
  private readonly lineEnds: number[] = [];

  constructor(textLines: string[]) {
    const trimmed = textLines.map((l) => l.trim()).filter((l) => l !== "");
    let at = 0;
    for (const line of trimmed) {
      at += line.length;
      this.lineEnds.push(at);
      at += 1;
    }
    this.original = trimmed.join(" ");
    this.folded = foldAll(this.original, this.position);
  }

  /** The edition's own spelling of the name, or null when its text does not hold it. */
  find(name: string): string | null {
    const wanted = foldAll(name, []);
    if (wanted === "") return null;
    const exact = this.indexOf(wanted);
    if (exact >= 0) return this.slice(exact, exact + wanted.length);
    for (let k = wanted.length - 1; k >= Math.max(MIN_PREFIX, wanted.length * MIN_PREFIX_SHARE); k--) {
      const start = this.indexOf(wanted.slice(0, k));
      if (start < 0) continue;
      const ending = wanted.slice(-SUFFIX);
      const endAt = this.folded.indexOf(ending, start + k);
      if (endAt >= 0 && endAt + SUFFIX <= start + wanted.length + SUFFIX) return this.slice(start, endAt + SUFFIX);
      const lineEnd = this.lineEnds.find((end) => end > this.position[start + k - 1]!) ?? this.original.length;
      return this.original.slice(this.position[start], lineEnd).replace(/\s+/g, " ");
    }
    return null;
  }

  private indexOf(folded: string): number {
    const at = this.folded.indexOf(folded);
    return at >= 0 ? at : this.folded.toLowerCase().indexOf(folded.toLowerCase());
  }

  /** The original text behind folded characters from..to (exclusive). */
  private slice(from: number, to: number): string {
    return this.original.slice(this.position[from], this.position[to - 1]! + 1).replace(/\s+/g, " ");
  }
}

function foldAll(text: string, position: number[]): string {
  let folded = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch!)) continue;
    folded += ch === "\u2013" || ch === "\u2014" ? "-" : ch;
    position.push(i);
  }
  return folded;
}
