/** The preview page's own words (the task pane has its own dictionary). */
import type { Lang } from "../core/message";

const STRINGS = {
  sample: { pl: "Przykład", en: "Sample" },
  openFile: { pl: "Otwórz plik .xlsx", en: "Open an .xlsx file" },
  download: { pl: "Pobierz plik", en: "Download the file" },
  sheets: { pl: "Arkusze", en: "Sheets" },
  paneArea: { pl: "Panel dodatku", en: "Add-in pane" },
  loading: { pl: "Wczytywanie: ", en: "Loading: " },
  loaded: { pl: "Otwarty plik: ", en: "Open file: " },
  loadFailed: { pl: "Nie udało się otworzyć pliku: ", en: "Could not open the file: " },
  selected: { pl: "Zaznaczona komórka: ", en: "Selected cell: " },
  noSheets: { pl: "Skoroszyt nie ma widocznych arkuszy.", en: "The workbook has no visible sheets." },
} satisfies Record<string, Record<Lang, string>>;

export type StringId = keyof typeof STRINGS;

export function say(lang: Lang, id: StringId): string {
  return STRINGS[id][lang];
}

/** "?lang=en" switches the preview and the pane to English; Polish otherwise, as for MOPS staff. */
export function langFromQuery(search: string): Lang {
  return new URLSearchParams(search).get("lang") === "en" ? "en" : "pl";
}
