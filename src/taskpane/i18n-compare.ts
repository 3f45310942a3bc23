/** The pane's words for "Porównaj z poprzednią edycją", one dictionary per language (the shared words are in ui/i18n.ts). */
import { ACTION } from "../core/actions";
import type { ComparisonGroupId } from "../core/compare";
import { plCount } from "../core/plural";
import type { Lang } from "../core/message";

export interface CompareStrings {
  action: string;
  legend: string;
  file: string;
  fileHint: string;
  sheet: string;
  noSheet: string;
  carry: string;
  choose: string;
  readingFile: (name: string) => string;
  readingSheet: (name: string) => string;
  comparing: string;
  title: string;
  source: (origin: string) => string;
  fileOf: (name: string) => string;
  sheetOfFile: (file: string, sheet: string) => string;
  sheetOf: (name: string) => string;
  groups: Record<ComparisonGroupId, string>;
  nothing: string;
  summary: (c: { revised: number; added: number; removed: number; renamed: number }) => string;
  noTable: string;
  noTableOld: (what: string) => string;
}

const enPlural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const pl: CompareStrings = {
  action: ACTION.compare.label.pl,
  legend: "Poprzednia edycja",
  file: "Plik .xlsx",
  fileHint: "Plik jest odczytywany tylko na tym komputerze.",
  sheet: "albo arkusz tego skoroszytu",
  noSheet: "(nie wybrano)",
  carry: "„Wstaw raport uwag” przenosi decyzje z arkusza uwag tej edycji",
  choose: "Wybierz plik .xlsx poprzedniej edycji albo jej arkusz w tym skoroszycie.",
  readingFile: (name) => `Odczytywanie pliku „${name}”…`,
  readingSheet: (name) => `Odczytywanie arkusza „${name}”…`,
  comparing: "Porównywanie edycji…",
  title: "Porównanie z poprzednią edycją",
  source: (origin) => `Porównano z: ${origin}. Pozycje wskazują komórki bieżącego arkusza.`,
  fileOf: (name) => `plik „${name}”`,
  sheetOfFile: (file, sheet) => `plik „${file}”, arkusz „${sheet}”`,
  sheetOf: (name) => `arkusz „${name}” tego skoroszytu`,
  groups: {
    revised: "Zmienione liczby",
    reference: "Zmienione wartości bazowe, docelowe i trendy",
    added: "Dodane wskaźniki",
    removed: "Usunięte wskaźniki",
    renamed: "Zmienione nazwy i numery",
  },
  nothing: "Obie edycje podają te same liczby, wskaźniki, nazwy i numery.",
  summary: (c) =>
    `Porównano: ${plCount(c.revised, { one: "zmieniona liczba", few: "zmienione liczby", many: "zmienionych liczb" })}, ` +
    `${plCount(c.added, { one: "dodany wskaźnik", few: "dodane wskaźniki", many: "dodanych wskaźników" })}, ` +
    `${plCount(c.removed, { one: "usunięty wskaźnik", few: "usunięte wskaźniki", many: "usuniętych wskaźników" })}, ` +
    `${plCount(c.renamed, { one: "zmiana nazwy lub numeru", few: "zmiany nazw lub numerów", many: "zmian nazw lub numerów" })}.`,
  noTable: "Na tym arkuszu nie rozpoznano tabeli wskaźników, więc nie ma czego porównać.",
  noTableOld: (what) => `W poprzedniej edycji (${what}) nie rozpoznano tabeli wskaźników.`,
};

const en: CompareStrings = {
  action: ACTION.compare.label.en,
  legend: "Previous edition",
  file: ".xlsx file",
  fileHint: "The file is read on this computer only.",
  sheet: "or a sheet of this workbook",
  noSheet: "(none)",
  carry: '"Insert findings report" carries the decisions of this edition\'s findings sheet',
  choose: "Choose the previous edition's .xlsx file or its sheet in this workbook.",
  readingFile: (name) => `Reading the file "${name}"…`,
  readingSheet: (name) => `Reading the sheet "${name}"…`,
  comparing: "Comparing the editions…",
  title: "Comparison with the previous edition",
  source: (origin) => `Compared with: ${origin}. The items point at cells of the current sheet.`,
  fileOf: (name) => `the file "${name}"`,
  sheetOfFile: (file, sheet) => `the file "${file}", sheet "${sheet}"`,
  sheetOf: (name) => `the sheet "${name}" of this workbook`,
  groups: {
    revised: "Revised figures",
    reference: "Changed baselines, targets and trends",
    added: "Indicators added",
    removed: "Indicators removed",
    renamed: "Renamed or renumbered",
  },
  nothing: "Both editions give the same figures, indicators, names and numbers.",
  summary: (c) =>
    `Compared: ${enPlural(c.revised, "revised figure", "revised figures")}, ${enPlural(c.added, "indicator", "indicators")} added, ` +
    `${enPlural(c.removed, "indicator", "indicators")} removed, ${enPlural(c.renamed, "name or number", "names or numbers")} changed.`,
  noTable: "No indicator table was recognised on this sheet, so there is nothing to compare.",
  noTableOld: (what) => `No indicator table was recognised in the previous edition (${what}).`,
};

export const COMPARE_STRINGS: Record<Lang, CompareStrings> = { pl, en };
