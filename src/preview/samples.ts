/** The sample workbooks of seeds/, which the development build serves under seeds/ next to the page. */
import type { Lang } from "../core/message";

export interface Sample {
  file: string;
  label: Record<Lang, string>;
}

/** The sample opened first, at the head of the list. */
export const DEFAULT_SAMPLE: Sample = {
  file: "annex-2023-typed.xlsx",
  label: { pl: "Załącznik 2023 (wartości wpisane jako tekst)", en: "2023 annex (values typed as text)" },
};

export const SAMPLES: Sample[] = [
  DEFAULT_SAMPLE,
  {
    file: "annex-2023-numbers.xlsx",
    label: { pl: "Załącznik 2023 (liczby z formatem)", en: "2023 annex (formatted numbers)" },
  },
  { file: "annex-2022.xlsx", label: { pl: "Załącznik 2022", en: "2022 annex" } },
  { file: "annex-2021.xlsx", label: { pl: "Załącznik 2021", en: "2021 annex" } },
  { file: "declaration-2025.xlsx", label: { pl: "Deklaracja wyników 2025", en: "2025 results declaration" } },
  { file: "county-pcpr.xlsx", label: { pl: "Tabela PCPR (powiat)", en: "County (PCPR) table" } },
  { file: "plain-data.xlsx", label: { pl: "Zwykłe dane (bez wskaźników)", en: "Plain data (no indicators)" } },
];

export const sampleUrl = (sample: Sample): string => `seeds/${encodeURIComponent(sample.file)}`;
