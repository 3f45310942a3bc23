/** Polish plurals by CLDR's rules (Intl.PluralRules): 1 liczba, 2–4 liczby, 5–21 liczb, 22 liczby, 0 liczb. */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
}

const POLISH = new Intl.PluralRules("pl");

export function polishPlural(n: number, forms: PluralForms): string {
  const category = POLISH.select(n);
  return `${n} ${category === "one" ? forms.one : category === "few" ? forms.few : forms.many}`;
}
