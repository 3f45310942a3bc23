/** The task pane's words: one dictionary per language, Polish by default. */
import type { Lang } from "../core/message";
import type { Severity } from "../core/model";
import { enCount, plCount } from "../core/plural";
import type { Decision } from "../core/review/decisions";

const plPlural = (n: number, one: string, few: string, many: string): string => plCount(n, { one, few, many });
const enPlural = enCount;

export interface Strings {
  title: string;
  sheet: (name: string) => string;
  recognised: string;
  notReadYet: string;
  tables: (n: number) => string;
  indicators: (n: number) => string;
  years: (years: number[]) => string;
  nothingRecognised: string;
  actions: string;
  recalculateAs: string;
  modeFormulas: string;
  modeValues: string;
  tolerance: string;
  toleranceHint: string;
  toleranceInvalid: string;
  legend: string;
  why: string;
  whyHint: string;
  whyParts: { value: string; baseline: string; target: string; trend: string; tolerance: string; rule: string };
  reading: string;
  analyzing: string;
  planning: string;
  writing: string;
  selecting: (address: string) => string;
  preview: string;
  previewReady: string;
  changesList: string;
  done: string;
  goToSheet: (name: string) => string;
  previewCount: (n: number) => string;
  previewMore: (n: number) => string;
  groupChanged: (n: number) => string;
  groupChangedHint: string;
  groupSuspect: (n: number) => string;
  groupSuspectHint: string;
  groupSame: (n: number) => string;
  groupSameHint: string;
  includeAll: string;
  include: string;
  includeCell: (address: string) => string;
  showList: string;
  conversions: (n: number) => string;
  addsSheet: (name: string) => string;
  deletesSheet: (name: string) => string;
  cell: string;
  before: string;
  after: string;
  apply: string;
  cancel: string;
  cancelled: string;
  nothingToChange: string;
  applied: (n: number) => string;
  findings: string;
  noFindings: string;
  findingsSummary: (counts: Record<Severity, number>) => string;
  severity: Record<Severity, string>;
  findingsHint: string;
  noIndicator: string;
  filterSeverity: string;
  filterDecision: string;
  groupBy: string;
  all: string;
  groupBySeverity: string;
  groupByIndicator: string;
  decision: Record<Decision, string>;
  acceptedTitle: (n: number) => string;
  acceptedCount: (n: number) => string;
  noneMatch: string;
  showInPane: string;
  openPaneForFindings: string;
  errorTitle: string;
  excelError: (message: string) => string;
  unexpectedError: (message: string) => string;
  dismiss: string;
}

const pl: Strings = {
  title: "Wskaźniki MOPS",
  sheet: (name) => `Arkusz: ${name}`,
  recognised: "Rozpoznano",
  notReadYet: "Arkusz nie został jeszcze odczytany.",
  tables: (n) => plPlural(n, "tabela", "tabele", "tabel"),
  indicators: (n) => plPlural(n, "wskaźnik", "wskaźniki", "wskaźników"),
  years: (ys) =>
    ys.length === 0 ? "bez lat" : ys.length === 1 ? `rok ${ys[0]}` : `lata ${ys[0]}–${ys[ys.length - 1]}`,
  nothingRecognised: "Na tym arkuszu nie rozpoznano tabeli wskaźników.",
  actions: "Działania",
  recalculateAs: "Zapisz przeliczone wartości jako",
  modeFormulas: "formuły (przeliczają się same)",
  modeValues: "wartości",
  tolerance: "Tolerancja",
  toleranceHint:
    "Dla wskaźników „utrzymanie wartości bazowej”: różnica do tylu procent wartości bazowej to „stabilnie”.",
  toleranceInvalid: "Podaj tolerancję od 0 do 100%.",
  legend: "Legenda",
  why: "Dlaczego ten kolor",
  whyHint: "Zaznacz w arkuszu wartość wskaźnika za dany rok, aby zobaczyć, skąd jej kolor.",
  whyParts: {
    value: "Wartość",
    baseline: "Wartość bazowa",
    target: "Wartość docelowa",
    trend: "Trend",
    tolerance: "Tolerancja",
    rule: "Reguła",
  },
  reading: "Odczytywanie arkusza…",
  analyzing: "Analiza tabel…",
  planning: "Przygotowywanie zmian…",
  writing: "Zapisywanie zmian w skoroszycie…",
  selecting: (a) => `Zaznaczanie komórki ${a}…`,
  preview: "Podgląd zmian",
  previewReady: "Podgląd gotowy: zastosuj albo anuluj.",
  changesList: "Lista zmian",
  done: "Gotowe",
  goToSheet: (name) => `Przejdź do arkusza „${name}”`,
  previewCount: (n) => `Dodatek zmieni ${plPlural(n, "komórkę", "komórki", "komórek")}. Sprawdź i zatwierdź.`,
  previewMore: (n) => `Pokaż pozostałe (${n})`,
  groupChanged: (n) => `Opublikowane wartości, które by się zmieniły (${n})`,
  groupChangedHint: "Pozostają bez zmian, chyba że je zaznaczysz. Największe różnice na górze.",
  groupSuspect: (n) => `Wstrzymane jako wątpliwe (${n})`,
  groupSuspectHint: "Wynik niemożliwy albo składowa z uwagą: najpierw sprawdź wskazaną komórkę.",
  groupSame: (n) => `Bez zmiany wartości, staną się formułami (${n})`,
  groupSameHint: "Wartość wygląda tak samo, ale będzie liczona ze składowych.",
  includeAll: "Zapisz wszystkie z tej grupy",
  include: "Zapisać?",
  includeCell: (a) => `Zapisz ${a}`,
  showList: "Pokaż listę",
  conversions: (n) =>
    `Składowe wpisane jako tekst, do których odwołają się formuły, zostaną zamienione na liczby wyglądające tak samo: ${plPlural(n, "komórka", "komórki", "komórek")}.`,
  addsSheet: (name) => `Doda arkusz „${name}”.`,
  deletesSheet: (name) => `Usunie arkusz „${name}” (utworzony wcześniej przez dodatek).`,
  cell: "Komórka",
  before: "Przed",
  after: "Po",
  apply: "Zastosuj",
  cancel: "Anuluj",
  cancelled: "Anulowano: nic nie zostało zmienione.",
  nothingToChange: "Nie ma nic do zmiany.",
  applied: (n) =>
    `Zastosowano: ${plPlural(n, "zmianę", "zmiany", "zmian")}. Przycisk „Cofnij zmiany dodatku” przywróci poprzedni stan.`,
  findings: "Wyniki sprawdzenia",
  noFindings: "Nie znaleziono problemów.",
  findingsSummary: (c) =>
    `Znaleziono: ${plPlural(c.error, "błąd", "błędy", "błędów")}, ${plPlural(c.warning, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")}, ${plPlural(c.info, "informację", "informacje", "informacji")}.`,
  severity: { error: "Błędy", warning: "Ostrzeżenia", info: "Informacje" },
  findingsHint: "Kliknij pozycję (lub naciśnij Enter), aby zaznaczyć komórkę; strzałki przechodzą między pozycjami.",
  noIndicator: "(bez wskaźnika)",
  filterSeverity: "Waga",
  filterDecision: "Decyzja",
  groupBy: "Grupuj",
  all: "wszystkie",
  groupBySeverity: "wg wagi",
  groupByIndicator: "wg wskaźnika",
  decision: { open: "do wyjaśnienia", explained: "wyjaśnione", accepted: "zaakceptowane" },
  acceptedTitle: (n) => `Zaakceptowane w arkuszu uwag (${n})`,
  acceptedCount: (n) => ` Zaakceptowane w arkuszu uwag (nie liczą się): ${n}.`,
  noneMatch: "Żadna uwaga nie pasuje do wybranych filtrów.",
  showInPane: "Pokaż uwagi w panelu",
  openPaneForFindings: "Szczegóły i przejście do komórek: otwórz panel „Wskaźniki MOPS” i kliknij „Sprawdź arkusz”.",
  errorTitle: "Nie udało się",
  excelError: (m) => `Excel zgłosił błąd: ${m}`,
  unexpectedError: (m) => `Nieoczekiwany błąd: ${m}`,
  dismiss: "Zamknij",
};

const en: Strings = {
  title: "MOPS indicators",
  sheet: (name) => `Sheet: ${name}`,
  recognised: "Recognised",
  notReadYet: "The sheet has not been read yet.",
  tables: (n) => enPlural(n, "table", "tables"),
  indicators: (n) => enPlural(n, "indicator", "indicators"),
  years: (ys) =>
    ys.length === 0 ? "no years" : ys.length === 1 ? `year ${ys[0]}` : `years ${ys[0]}–${ys[ys.length - 1]}`,
  nothingRecognised: "No indicator table was recognised on this sheet.",
  actions: "Actions",
  recalculateAs: "Write recalculated values as",
  modeFormulas: "formulas (they keep recalculating)",
  modeValues: "values",
  tolerance: "Tolerance",
  toleranceHint:
    'For "keep the baseline" indicators: a difference up to this share of the baseline counts as "stable".',
  toleranceInvalid: "Enter a tolerance from 0 to 100%.",
  legend: "Legend",
  why: "Why this colour",
  whyHint: "Select a yearly value of an indicator in the sheet to see where its colour comes from.",
  whyParts: {
    value: "Value",
    baseline: "Baseline",
    target: "Target",
    trend: "Trend",
    tolerance: "Tolerance",
    rule: "Rule",
  },
  reading: "Reading the sheet…",
  analyzing: "Analyzing the tables…",
  planning: "Preparing the changes…",
  writing: "Writing the changes to the workbook…",
  selecting: (a) => `Selecting cell ${a}…`,
  preview: "Preview of changes",
  previewReady: "Preview ready: apply or cancel.",
  changesList: "List of changes",
  done: "Done",
  goToSheet: (name) => `Go to the sheet "${name}"`,
  previewCount: (n) => `The add-in will change ${enPlural(n, "cell", "cells")}. Review and confirm.`,
  previewMore: (n) => `Show the rest (${n})`,
  groupChanged: (n) => `Published figures that would change (${n})`,
  groupChangedHint: "They stay as they are unless you tick them. Largest differences first.",
  groupSuspect: (n) => `Held back as doubtful (${n})`,
  groupSuspectHint: "An impossible result or a component with a finding: check the cell named first.",
  groupSame: (n) => `Same figure, becomes a formula (${n})`,
  groupSameHint: "The figure reads the same but is computed from its components.",
  includeAll: "Write all of this group",
  include: "Write?",
  includeCell: (a) => `Write ${a}`,
  showList: "Show the list",
  conversions: (n) =>
    `Components typed as text that the formulas refer to become numbers that read the same: ${enPlural(n, "cell", "cells")}.`,
  addsSheet: (name) => `It will add the sheet "${name}".`,
  deletesSheet: (name) => `It will delete the sheet "${name}" (made earlier by the add-in).`,
  cell: "Cell",
  before: "Before",
  after: "After",
  apply: "Apply",
  cancel: "Cancel",
  cancelled: "Cancelled: nothing was changed.",
  nothingToChange: "There is nothing to change.",
  applied: (n) =>
    `Applied: ${enPlural(n, "change", "changes")}. "Undo the add-in's changes" puts the previous state back.`,
  findings: "Validation results",
  noFindings: "No problems found.",
  findingsSummary: (c) =>
    `Found: ${enPlural(c.error, "error", "errors")}, ${enPlural(c.warning, "warning", "warnings")}, ${enPlural(c.info, "note", "notes")}.`,
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  findingsHint: "Click an item (or press Enter) to select its cell; the arrow keys move between items.",
  noIndicator: "(no indicator)",
  filterSeverity: "Severity",
  filterDecision: "Decision",
  groupBy: "Group",
  all: "all",
  groupBySeverity: "by severity",
  groupByIndicator: "by indicator",
  decision: { open: "to be explained", explained: "explained", accepted: "accepted" },
  acceptedTitle: (n) => `Accepted on the findings sheet (${n})`,
  acceptedCount: (n) => ` Accepted on the findings sheet (not counted): ${n}.`,
  noneMatch: "No finding matches the chosen filters.",
  showInPane: "Show the findings in the pane",
  openPaneForFindings:
    'For details and to go to the cells, open the "MOPS indicators" pane and click "Validate sheet".',
  errorTitle: "Something went wrong",
  excelError: (m) => `Excel reported an error: ${m}`,
  unexpectedError: (m) => `Unexpected error: ${m}`,
  dismiss: "Close",
};

export const STRINGS: Record<Lang, Strings> = { pl, en };

/** English when Office's display language is English ("en-US", "en-GB"), Polish otherwise. */
export function languageOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "pl";
}
