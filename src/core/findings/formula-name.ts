/**
 * A ratio whose name names one formula family while its figures fit another. "Poziom zaspokojenia potrzeb"
 * promises coverage of need, places / (places + persons waiting); in the 2023 annex the indicator "… dla osób
 * z niepełnosprawnościami intelektualnymi i ich opiekunów" has for components places and persons using another
 * service, and its values fit a plain share (21 % = 62 / 295; coverage would give 17 %). Either the name or the
 * computation is wrong, and a reader of the annex cannot tell which.
 *
 * Only names that say their formula are judged: "poziom zaspokojenia potrzeb" (coverage), "na 1 000 / 1 tysiąc"
 * (per 1 000), "tygodniowo" / "w tygodniu" (weekly hours), a name opening with "Udział", "Odsetek" or "Procent"
 * (a share). Every other ratio of the seeds whose name says its formula uses it.
 */
import type { Message } from "../message";
import type { Finding, RatioFormulaId, RatioResult } from "../model";
import { cellAt, componentNumber } from "../ratio";
import { formulaById, spellFormula } from "../ratio/formulas";
import { finding, indicatorLabel, nameCell, type RowRef, shown } from "./rows";

type Family = "share" | "coverage" | "per_1000" | "weekly_hours";

const FAMILY_OF: Record<RatioFormulaId, Family> = {
  share: "share",
  share_reversed: "share",
  coverage: "coverage",
  per_1000: "per_1000",
  weekly_hours_per_person: "weekly_hours",
};

/** What a name says, and the formula it stands for. */
const NAMED: { family: Family; formula: RatioFormulaId; pattern: RegExp }[] = [
  { family: "coverage", formula: "coverage", pattern: /poziom\s+zaspokojenia\s+potrzeb/iu },
  { family: "per_1000", formula: "per_1000", pattern: /\bna\s+1\s*(000|tys)/iu },
  { family: "weekly_hours", formula: "weekly_hours_per_person", pattern: /tygodniowo|\bw\s+tygodniu\b/iu },
  { family: "share", formula: "share", pattern: /^\s*(udział|odsetek|procent)(?!\p{L})/iu },
];

/** Coverage of need counts the persons waiting: a component that says so. */
const WAITING = /oczekując/iu;

export function formulaNameFindings(ref: RowRef, ratio: RatioResult | null): Finding[] {
  if (ref.kind !== "indicator" || !ratio) return [];
  const named = NAMED.find((n) => n.pattern.test(ref.indicator.name));
  if (!named || named.family === FAMILY_OF[ratio.formula]) return [];
  const ind = ref.indicator;
  const [a, b] = ratio.componentRows.map((row) => ind.components.find((c) => c.row === row));
  if (!a || !b) return [];
  const fitted = formulaById(ratio.formula);
  const promised = formulaById(named.formula);
  // The evidence: each value the fitted formula reproduces, and what the named formula gives from the same counts.
  const evidence: Message[] = [];
  for (const [key, match] of Object.entries(ratio.matches)) {
    const x = componentNumber(a, key);
    const y = componentNumber(b, key);
    const reported = cellAt(ind, key);
    if (match !== true || x === null || y === null || !reported) continue;
    const other = promised.compute(x, y);
    const decimals = reported.parsed.decimals;
    const spelled = spellFormula(fitted, shown(x, false, null), shown(y, false, null));
    const instead =
      other === null || !Number.isFinite(other) ? null : shown(other, promised.unit === "percent", decimals);
    const year = key === "baseline" ? { pl: "wartość bazowa", en: "baseline" } : { pl: key, en: key };
    evidence.push({
      pl: `${year.pl}: ${reported.parsed.text} = ${spelled.pl}${instead ? `, a wzór „${promised.name.pl}” dałby ${instead}` : ""}`,
      en: `${year.en}: ${reported.parsed.text} = ${spelled.en}${instead ? `, where "${promised.name.en}" would give ${instead}` : ""}`,
    });
  }
  if (evidence.length === 0) return [];
  const label = indicatorLabel(ind);
  const noWaiting =
    named.family === "coverage" && !ind.components.some((c) => WAITING.test(c.name))
      ? { pl: " Żaden składnik nie liczy osób oczekujących.", en: " No component counts persons waiting." }
      : { pl: "", en: "" };
  const shownEvidence = evidence.slice(0, 2);
  return [
    finding("name_formula_mismatch", "warning", ref, nameCell(ref), null, {
      pl: `${label.pl}: nazwa zapowiada wzór „${promised.name.pl}”, a podane wartości pasują do wzoru „${fitted.name.pl}” (${shownEvidence.map((e) => e.pl).join("; ")}).${noWaiting.pl} Popraw nazwę albo sposób liczenia.`,
      en: `${label.en}: the name promises "${promised.name.en}", but the reported values fit "${fitted.name.en}" (${shownEvidence.map((e) => e.en).join("; ")}).${noWaiting.en} Correct the name or the computation.`,
    }),
  ];
}
