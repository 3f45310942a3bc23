/**
 * What the findings sheet's plan says about decisions carried from last year's edition (carry.ts): how many went
 * over, how many start open again and why, each of those named.
 */
import { shortName } from "../findings/rows";
import type { Message } from "../message";
import { enCount, plCount } from "../plural";
import type { Carried, ReopenReason } from "./carry";
import { DECISION_LABELS } from "./decisions";

const REASON: Record<ReopenReason, Message> = {
  figures_changed: {
    pl: "liczby są inne niż w poprzedniej edycji",
    en: "the figures differ from the previous edition's",
  },
  finding_gone: { pl: "tej uwagi w tej edycji już nie ma", en: "this edition no longer has that finding" },
  indicator_gone: { pl: "tego wskaźnika nie ma w tej edycji", en: "the indicator is not in this edition" },
};

/** Reopened findings listed one by one in the notes, at most (the rest are counted). */
const LISTED = 12;

/**
 * The plan's notes: how many decisions were carried (`used`: those the sheet did not already have), how many start
 * open again and why, each of those named.
 */
export function carriedNotes(c: Carried, used: number): Message[] {
  if (c.sheet === null) {
    return [
      {
        pl: `„${c.from}”: nie ma tabeli wskaźników, więc decyzje nie zostały przeniesione.`,
        en: `"${c.from}": no indicator table, so no decisions were carried.`,
      },
    ];
  }
  const where = { pl: `„${c.from}”, arkusz „${c.sheet}”`, en: `"${c.from}", sheet "${c.sheet}"` };
  if (c.entries.size + c.reopened.length === 0) {
    return [
      {
        pl: `Poprzednia edycja (${where.pl}) nie ma arkusza uwag z decyzjami: nie ma czego przenieść.`,
        en: `The previous edition (${where.en}) has no findings sheet with decisions: nothing to carry.`,
      },
    ];
  }
  const count = (r: ReopenReason) => c.reopened.filter((x) => x.reason === r).length;
  const notes: Message[] = [
    {
      pl:
        `Decyzje z poprzedniej edycji (${where.pl}): przeniesiono ${plCount(used, { one: "decyzję", few: "decyzje", many: "decyzji" })} na te same uwagi; ` +
        `${plCount(c.reopened.length, { one: "uwaga zaczyna", few: "uwagi zaczynają", many: "uwag zaczyna" })} od nowa jako „Do wyjaśnienia” ` +
        `(zmienione liczby: ${count("figures_changed")}, uwagi już nie ma: ${count("finding_gone")}, wskaźnika nie ma: ${count("indicator_gone")}).`,
      en:
        `Decisions from the previous edition (${where.en}): ${enCount(used, "decision", "decisions")} carried to the same findings; ` +
        `${enCount(c.reopened.length, "finding starts", "findings start")} open again ` +
        `(figures changed: ${count("figures_changed")}, finding gone: ${count("finding_gone")}, indicator gone: ${count("indicator_gone")}).`,
    },
  ];
  for (const r of c.reopened.slice(0, LISTED)) {
    const decision = DECISION_LABELS[r.entry.decision];
    notes.push({
      pl: `„${decision}”${r.entry.comment ? ` („${shortName(r.entry.comment)}”)` : ""} nie przechodzi, bo ${REASON[r.reason].pl}; w poprzedniej edycji ${r.label.pl}`,
      en: `"${decision}"${r.entry.comment ? ` ("${shortName(r.entry.comment)}")` : ""} is not carried, as ${REASON[r.reason].en}; in the previous edition ${r.label.en}`,
    });
  }
  const more = c.reopened.length - LISTED;
  if (more > 0)
    notes.push({ pl: `…i ${plCount(more, { one: "inna", few: "inne", many: "innych" })}.`, en: `…and ${more} more.` });
  return notes;
}
