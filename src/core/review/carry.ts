/**
 * Decisions carried into next year's edition. The reviewer marked last year's findings sheet; this year's annex
 * repeats most of last year's figures, and with them most of the findings. A decision goes over only to what is
 * still the same finding: the same check (code), on the indicator "Porównaj z poprzednią edycją" pairs with last
 * year's (src/core/compare/match.ts: by STRADOM code, else by name and figures in the same direction), in the same
 * column (year, baseline, target), on the same component, with the same figures. Everything else starts open, and
 * the reason is said: the figures changed, the finding is gone (this edition does not have it), or the indicator is.
 *
 * The finding key (key.ts) cannot be compared across editions: it holds the indicator's number and name, which a
 * new edition renumbers and rewords. The comparison here leaves those to the matching and keeps only the figures.
 */
import { editionSheet } from "../compare";
import { matchIndicators } from "../compare/match";
import { foldName } from "../compare/names";
import { shortName } from "../findings/rows";
import type { Message } from "../message";
import type { Analysis, Finding } from "../model";
import type { WorkbookSnapshot } from "../snapshot";
import type { ReviewEntry } from "./decisions";
import { findingFigures } from "./figures";
import { keyedFindings, messageFigures } from "./key";
import { writtenDecisions } from "./sheet";

/** Last year's workbook as read (every sheet, findings sheets included) and analysed. */
export interface PreviousEdition {
  wb: WorkbookSnapshot;
  analysis: Analysis;
}

/** Why a decision of last year's does not carry. */
export type ReopenReason = "figures_changed" | "finding_gone" | "indicator_gone";

export interface Reopened {
  /** Last year's finding the reviewer decided on. */
  finding: Finding;
  /** What it was about, in last year's words: "F4: wskaźnik W19_W, rok 2021: wpisano 80%, …". */
  label: Message;
  entry: ReviewEntry;
  reason: ReopenReason;
}

export interface Carried {
  /** Where the decisions came from, for messages: the file's (or sheet's) name. */
  from: string;
  /** The previous edition's sheet whose findings sheet was read; null when it has no indicator table. */
  sheet: string | null;
  /** This year's finding key → last year's decision and comment. */
  entries: Map<string, ReviewEntry>;
  reopened: Reopened[];
}

/**
 * Labels name what a message is about, not its figures: "wskaźnik W39_W", "wskaźnik 5." (renumbered in a new
 * edition) and every quoted name („Liczba osób…”, „Kierunek działań 4. …”), which a new edition may reword. A
 * quoted value („4,5”) is the cell's own, compared as the reported value anyway.
 */
const LABELS = /„[^”]*”|\bwskaźnik\w*\s+(?:[WM]\d{1,3}_\s?[A-Z]|\d+\.)/gu;

interface Figures {
  /** The row, the reported and the expected value: equal in both editions. */
  cell: string;
  /** The figures the message quotes besides its labels. */
  quoted: string[];
}

function figuresOf(f: Finding, analysis: Analysis): Figures {
  const fig = findingFigures(f, analysis);
  return {
    cell: [foldName(fig.rowName), String(fig.reported ?? ""), String(fig.expected ?? "")].join("\u001f"),
    quoted: messageFigures(f.message.pl.replace(LABELS, " ")),
  };
}

/**
 * The same figures: the same cell figures, and every figure last year's message quoted is quoted again. A new
 * edition may quote more (its new year's value beside a baseline that is out of line), which does not change what
 * the reviewer decided on; a revised figure, or a ratio worked out from other years, does.
 */
function sameFigures(before: Figures, after: Figures): boolean {
  if (before.cell !== after.cell) return false;
  const left = [...after.quoted];
  return before.quoted.every((n) => {
    const i = left.indexOf(n);
    if (i >= 0) left.splice(i, 1);
    return i >= 0;
  });
}

/** The decisions of `previous` (its sheet matching `sheet`, as compare picks it) carried to `analysis`'s findings. */
export function carryDecisions(previous: PreviousEdition, analysis: Analysis, sheet: string, from: string): Carried {
  const before = editionSheet(previous.analysis.sheets, sheet);
  const after = analysis.sheets.find((s) => s.sheet === sheet);
  if (!before || !after) return { from, sheet: null, entries: new Map(), reopened: [] };
  const decisions = writtenDecisions(previous.wb, before.sheet);
  const olds = previous.analysis.findings.filter((f) => f.sheet === before.sheet);
  const decided = keyedFindings(olds, previous.analysis).flatMap(({ finding, key }) => {
    const entry = decisions.get(key);
    return entry ? [{ finding, entry }] : [];
  });

  const { pairs } = matchIndicators(
    before.tables.flatMap((t) => t.indicators),
    after.tables.flatMap((t) => t.indicators),
  );
  const partner = new Map(pairs.map(([a, b]) => [a.id, b.id]));
  const news = analysis.findings.filter((f) => f.sheet === sheet);
  const keyed = keyedFindings(news, analysis);
  const used = new Set<string>();
  const entries = new Map<string, ReviewEntry>();
  const reopened: Reopened[] = [];
  for (const { finding, entry } of decided) {
    const reopen = (reason: ReopenReason) => reopened.push({ finding, label: labelOf(finding), entry, reason });
    const id = finding.indicatorId === null ? undefined : partner.get(finding.indicatorId);
    if (id === undefined) {
      reopen("indicator_gone");
      continue;
    }
    const candidates = keyed.filter(
      ({ finding: f, key }) =>
        f.indicatorId === id && f.code === finding.code && f.column === finding.column && !used.has(key),
    );
    const figures = figuresOf(finding, previous.analysis);
    const same = candidates.find((c) => sameFigures(figures, figuresOf(c.finding, analysis)));
    if (same === undefined) {
      reopen(candidates.length > 0 ? "figures_changed" : "finding_gone");
      continue;
    }
    used.add(same.key);
    entries.set(same.key, entry);
  }
  return { from, sheet: before.sheet, entries, reopened };
}

/** The finding as last year's sheet listed it: its cell and the start of its message. */
function labelOf(f: Finding): Message {
  return { pl: `${f.address}: ${shortName(f.message.pl, 120)}`, en: `${f.address}: ${shortName(f.message.en, 120)}` };
}
