/**
 * Known STRADOM codes of ratio indicators and their formula, as the MOPS annexes (2021-2023) compute them.
 * The catalogue is tried first; inference from the reported values checks it (see index.ts).
 * "share" reads the first two component rows as numerator then denominator; "share_reversed" means the annex lists
 * the denominator first. Every entry was checked against the 2023 annex's values.
 */
import type { RatioFormulaId } from "../model";

export const CATALOGUE: Readonly<Record<string, RatioFormulaId>> = {
  W1_W: "share", // scale of intervention: persons in families helped by MOPS / inhabitants of Kraków
  W2_W: "share", // scale of domestic violence: families with violence / all families in Kraków
  W4_W: "share", // social rehabilitation: disabled persons rehabilitated by MOPS / disabled persons in Kraków
  W5_W: "share", // need for care homes in old age: inhabitants over 75 / all inhabitants
  W7_W: "share_reversed", // families with 3+ children / all families (the annexes list all families first)
  W8_W: "share", // Kraków Family Card 3+: programme areas delivered / areas planned
  W9_W: "share", // social functioning support: families in social work / all families helped
  W10_W: "weekly_hours_per_person", // care services: yearly hours delivered / persons served / 52 weeks
  W11_W: "per_1000", // homeless persons helped per 1 000 inhabitants
  W12_W: "share", // domestic violence stopped: Blue Cards closed / Blue Cards open
  W13_W: "share", // education while becoming independent: persons still in school / persons in independence programmes
  W14_W: "share", // social reintegration: Social Integration Club participants / unemployed MOPS clients
  W15_W: "coverage", // care-home places for the elderly and chronically ill / (places + persons waiting)
  W16_W: "coverage", // care-home places for persons with mental disorders / (places + persons waiting)
  W17_W: "share", // children in day-support centres / children under 18 in Kraków
  W18_W: "share", // childbirth grant: persons granted it / live births
  W19_W: "share", // Kraków Family Card 3+: families using it / families with 3+ children
  W20_W: "share", // social integration: disabled persons in integration activities / disabled persons in Kraków
  W38_W: "share", // "Kraków for the Family N" programme: families using it / all families
  W39_W: "share", // children placed in foster care: assisted families with a placement / families with an assistant
  W40_W: "share", // households reaching the income threshold / households helped financially because of poverty
  W41_W: "share", // children in institutional foster care / all children in foster care
};
