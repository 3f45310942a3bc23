/**
 * "1 zmianę, 2 zmiany, 5 zmian, 22 zmiany": a count with the word form its language's plural rules call for
 * (Intl.PluralRules, CLDR), for the pane, the CLI and messages alike. The forms are given in the case the sentence
 * needs: after "Znaleziono" and "Zastosowano" the accusative ("1 informację").
 */
export interface PolishForms {
  /** 1 */
  one: string;
  /** 2-4, 22-24, … */
  few: string;
  /** 0, 5-21, 25-31, … */
  many: string;
  /** fractions (1,5 wskaźnika); defaults to `few`, which Polish uses for them. */
  other?: string;
}

const polish = new Intl.PluralRules("pl");
const english = new Intl.PluralRules("en");

/** A Polish count and its noun: plCount(3, { one: "wskaźnik", few: "wskaźniki", many: "wskaźników" }) is "3 wskaźniki". */
export function plCount(n: number, forms: PolishForms): string {
  const category = polish.select(n);
  const word =
    category === "one"
      ? forms.one
      : category === "few"
        ? forms.few
        : category === "many"
          ? forms.many
          : (forms.other ?? forms.few);
  return `${n} ${word}`;
}

/** An English count and its noun: "1 change", "2 changes". */
export function enCount(n: number, one: string, other: string): string {
  return `${n} ${english.select(n) === "one" ? one : other}`;
}
