/** The readable output of `compare`: a count per group, then each item with its cell in the new sheet. */
import { comparisonGroups, type Comparison, type ComparisonGroupId } from "../core/compare";
import type { CompareReport } from "../core/compare/report";
import type { Lang } from "../core/message";

import { plCount as plural, type PolishForms } from "../core/plural";
import type { Message } from "../core/message";

const GROUP_TITLES: Record<ComparisonGroupId, Message> = {
  revised: { pl: "Zmienione liczby", en: "Revised figures" },
  reference: { pl: "Zmienione wartości bazowe, docelowe i trendy", en: "Changed baselines, targets and trends" },
  added: { pl: "Dodane wskaźniki", en: "Indicators added" },
  removed: { pl: "Usunięte wskaźniki", en: "Indicators removed" },
  renamed: { pl: "Zmienione nazwy i numery", en: "Renamed or renumbered" },
};

const FIGURES: PolishForms = { one: "liczba", few: "liczby", many: "liczb" };
const INDICATORS: PolishForms = { one: "wskaźnik", few: "wskaźniki", many: "wskaźników" };

export function describeComparison(report: CompareReport, c: Comparison, lang: Lang): string {
  const en = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    lang === "pl"
      ? `Porównanie: ${report.old.file} („${report.old.sheet}”) → ${report.new.file} („${report.new.sheet}”)`
      : `Comparison: ${report.old.file} ("${report.old.sheet}") → ${report.new.file} ("${report.new.sheet}")`,
    lang === "pl"
      ? `W obu edycjach: ${plural(c.matched, INDICATORS)}. Zmienione: ${plural(c.revisions.length, FIGURES)}; ` +
        `dodane: ${plural(c.added.length, INDICATORS)}; usunięte: ${plural(c.removed.length, INDICATORS)}; ` +
        `ze zmienioną nazwą: ${plural(c.renamed.length, INDICATORS)}; ze zmienionym numerem: ${plural(c.renumbered.length, INDICATORS)}.`
      : `In both editions: ${en(c.matched, "indicator")}. Revised: ${en(c.revisions.length, "figure")}; added: ${en(c.added.length, "indicator")}; ` +
        `removed: ${en(c.removed.length, "indicator")}; renamed: ${en(c.renamed.length, "indicator")}; renumbered: ${en(c.renumbered.length, "indicator")}.`,
  ];
  for (const group of comparisonGroups(c)) {
    if (group.items.length === 0) continue;
    lines.push(`${GROUP_TITLES[group.id][lang]} (${group.items.length}):`);
    for (const item of group.items) lines.push(`  ${item.sheet}!${item.address}: ${item.message[lang]}`);
  }
  if (c.revisions.length === 0)
    lines.push(
      lang === "pl"
        ? "Żadna liczba wspólna dla obu edycji nie została zmieniona."
        : "No figure both editions give was revised.",
    );
  return lines.join("\n");
}
