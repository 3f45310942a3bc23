/**
 * The value lines of an annex edition extracted from its PDF (seeds 001, 002). The extraction keeps each table row's
 * numbers on one line ("3 58 120 wzrost 132 124") but puts the names elsewhere, and breaks the trend "utrzymanie
 * wartości bazowej" over two lines of its own, after which the row's year values follow on the next line.
 */
export interface ValueLine {
  /** 1-based line of the seed text. */
  line: number;
  text: string;
  /** Pieces: numbers as typed may span several ("5 120"); trend and no-data words are one piece each. */
  pieces: string[];
  /** Ends with the broken "utrzymanie wartości bazowej": the row's year values may be on the next value line. */
  continues: boolean;
}

export interface EditionDomain {
  values: ValueLine[];
}

const MAINTAIN = "utrzymanie wartości bazowej";
const NUMBER_PIECE = /^-?\d+(,\d+)?%?$/;
/** Words that occur on value lines; "MOPS KIS 17% 19%" is the one two-valued row, kept so it is reported. */
const VALUE_WORDS = new Set(["x", "wzrost", "spadek", "b.d.", "brak", "danych", "MOPS", "KIS", "GUP"]);

function isValueLine(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.some((t) => NUMBER_PIECE.test(t) || t === "x") && tokens.every((t) => NUMBER_PIECE.test(t) || VALUE_WORDS.has(t));
}

const NO_DATA = "brak danych";

function piecesOf(text: string): string[] {
  return text
    .trim()
    .replace(/brak danych/g, "brak_danych")
    .split(/\s+/)
    .map((t) => (t === "brak_danych" ? NO_DATA : t));
}

/** Value lines grouped by domain: each domain's values start at its "rok 2021 …" year header. */
export function readEditionValues(text: string): EditionDomain[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const domains: EditionDomain[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (/^rok 2021( rok 2022)?$/.test(text)) {
      domains.push({ values: [] });
      return;
    }
    const current = domains[domains.length - 1];
    if (!current) return;
    const last = current.values[current.values.length - 1];
    if (text === "utrzymanie" && last) {
      last.pieces.push(MAINTAIN);
      last.continues = true;
      return;
    }
    if (isValueLine(text)) current.values.push({ line: i + 1, text, pieces: piecesOf(text), continues: false });
  });
  return domains;
}
