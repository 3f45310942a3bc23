/**
 * The recogniser's Polish vocabulary, in one place. Every pattern is matched against text that has been lower-cased,
 * stripped of markup and had its white space folded (see normalizeLabel).
 */
import type { Trend } from "./model";

export const MISSING_WORDS = ["b.d.", "b.d", "bd", "b/d", "brak danych", "brak"];
export const NOT_APPLICABLE_WORDS = ["x", "nie dotyczy", "n/d"];

/** Header words that give a column its role. */
export const HEADER = {
  baseline: /^warto[śs][ćc] bazowa$/,
  target: /^(zak[łl]adana )?warto[śs][ćc] docelowa$|^warto[śs][ćc] znakomita$/,
  trend: /^trend$|^stan wska[źz]nika/,
  number: /^lp\.?$/,
  name: /^wska[źz]nik$|^nazwa wska[źz]nika$/,
  weight: /^waga$/,
  range: /^przedzia[łl]/,
  trendSentence: /^tak,? aby:?$/,
  /** "rok 2021", "2021", "wartość za 2023", "rok 2021 wartość wskaźnika" */
  year: /^(?:rok |warto[śs][ćc] za )?(20\d\d)(?: r\.?)?(?: warto[śs][ćc] wska[źz]nika)?$/,
  valueCaption: /^warto[śs][ćc] wska[źz]nika$/,
};

export const DOMAIN_TITLE = /^dziedzina\b/;
export const DIRECTION_TITLE = /^kierunek dzia[łl]a[ńn]\s*(\d+)?/;
/** District sub-rows ("Dzielnica XII") break an indicator down by territory. */
export const DISTRICT = /^dzielnica\s+[ivxlc]+\b/;

/** "wskaźnik W19_W", "W56_Z", "miernik M13_M", also with stray spaces ("W14_ W", "W6 _W"). */
export const STRADOM_CODE = /\b([WM])\s*(\d{1,3})\s*_\s*([A-Z])\b/;

const TRENDS: [RegExp, Trend][] = [
  [/^wzrost$/, "increase"],
  [/^spadek$/, "decrease"],
  [/^utrzymanie( warto[śs]ci bazowej)?$/, "maintain"],
];

/** Words of a "Tak, aby: ..." sentence (declaration layout) that say which way the indicator should move. */
const SENTENCE_TRENDS: [RegExp, Trend][] = [
  [/jak najni[żz]sz|spada[łl]|zmniejsza[łl]|mala[łl]/, "decrease"],
  [/jak najwy[żz]sz|wzrasta[łl]|ros[łl]|zwi[ęe]ksza[łl]/, "increase"],
  [/utrzymywa[łl]|na tym samym poziomie/, "maintain"],
];

export function normalizeLabel(text: string): string {
  return text
    .replace(/<\/?b>/gi, "")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

export function readTrend(text: string): Trend | null {
  const t = normalizeLabel(text);
  for (const [re, trend] of TRENDS) if (re.test(t)) return trend;
  return null;
}

export function trendFromSentence(text: string): Trend {
  const t = normalizeLabel(text);
  for (const [re, trend] of SENTENCE_TRENDS) if (re.test(t)) return trend;
  return "unknown";
}

export function readCode(name: string): string | null {
  const m = STRADOM_CODE.exec(name.replace(/\u00a0/g, " "));
  if (!m) return null;
  const [, kind = "", number = "", suffix = ""] = m; // all three groups are required by the pattern
  return `${kind.toUpperCase()}${number}_${suffix.toUpperCase()}`;
}
