/**
 * Every message template that counts something, rendered with 0, 1, 2, 5 and 22: the pane's strings, the CLI's
 * summary lines and the core's messages. Polish picks its word form by Intl.PluralRules("pl"): 22 reads like 2
 * ("22 wskaźniki"), 0 like 5 ("0 wskaźników"), 1 in the case the sentence needs ("Zastosowano: 1 zmianę").
 */
import { enCount, plCount } from "../../src/core/plural";
import { STRINGS } from "../../src/ui/i18n";

const COUNTS = [0, 1, 2, 5, 22];
const counted: (keyof typeof STRINGS.pl)[] = [
  "tables",
  "indicators",
  "previewCount",
  "previewMore",
  "groupChanged",
  "groupSuspect",
  "groupSame",
  "conversions",
  "applied",
];

/** The text with its count swapped for another, to compare forms: "22 wskaźniki" as "2 wskaźniki". */
const swap = (text: string, n: number, m: number): string =>
  text.replace(new RegExp(`(^|\\D)${n}(?=\\D|$)`, "g"), `$1${m}`);

describe.each(["pl", "en"] as const)("the pane's counted messages in %s", (lang) => {
  const t = STRINGS[lang];
  const render = (key: (typeof counted)[number], n: number): string => (t[key] as (n: number) => string)(n);

  it.each(counted)("%s renders with 0, 1, 2, 5 and 22", (key) => {
    for (const n of COUNTS) {
      const text = render(key, n);
      expect(text).toContain(String(n));
      expect(text).not.toMatch(/undefined|NaN|\(s\)/);
    }
    // 22 takes the form of 2 and 0 that of 5 in Polish; in English 0, 2, 5 and 22 all take the plural.
    expect(swap(render(key, 22), 22, 2)).toBe(render(key, 2));
    expect(swap(render(key, 0), 0, 5)).toBe(render(key, 5));
  });

  it("counts findings in every combination", () => {
    for (const n of COUNTS) {
      const text = t.findingsSummary({ error: n, warning: n, info: n });
      expect(text.match(new RegExp(`(^|\\D)${n}(?=\\D)`, "g"))).toHaveLength(3);
    }
  });
});

describe("Polish forms", () => {
  it("uses the accusative after Znaleziono and Zastosowano, and the plural forms by Intl.PluralRules", () => {
    const t = STRINGS.pl;
    expect(t.findingsSummary({ error: 1, warning: 1, info: 1 })).toBe(
      "Znaleziono: 1 błąd, 1 ostrzeżenie, 1 informację.",
    );
    expect(t.findingsSummary({ error: 22, warning: 5, info: 0 })).toBe(
      "Znaleziono: 22 błędy, 5 ostrzeżeń, 0 informacji.",
    );
    expect(t.applied(1)).toMatch(/^Zastosowano: 1 zmianę\./);
    expect(t.applied(22)).toMatch(/^Zastosowano: 22 zmiany\./);
    expect(t.indicators(3)).toBe("3 wskaźniki");
    expect(t.indicators(12)).toBe("12 wskaźników");
    expect(t.tables(1)).toBe("1 tabela");
    expect(plCount(1.5, { one: "wskaźnik", few: "wskaźniki", many: "wskaźników", other: "wskaźnika" })).toBe(
      "1.5 wskaźnika",
    );
    expect(enCount(1, "change", "changes")).toBe("1 change");
    expect(enCount(0, "change", "changes")).toBe("0 changes");
  });
});
