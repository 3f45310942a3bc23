/**
 * A finding's key: what makes it "the same finding" from one check to the next, so that a reviewer's decision
 * stays with it. It is the code, the indicator (number, code and name, not its row, which moves when rows are
 * inserted), the column (year, baseline, target) and the figures involved: the reported and expected values and
 * every number the message quotes. When a figure changes the key changes, and the finding is open again.
 * Cell addresses and row numbers in the message are left out, for the same reason as the row.
 */
import type { Analysis, Finding } from "../model";
import { findingFigures } from "./figures";

/** "C5", "$F$12", "AB7" and "w wierszu 57" as they appear in a message: positions, not figures. */
const ADDRESS = /\b\$?[A-Z]{1,3}\$?\d+\b|\bwiersz\p{L}*\s+\d+/gu;
/** Numbers as a message writes them: "5 120", "60,30", "3,10%" (the figure, whatever the separators). */
const NUMBER = /\d(?:[\d\u00a0\u202f ]*\d)?(?:[.,]\d+)?/g;

export function messageFigures(text: string): string[] {
  return (text.replace(ADDRESS, " ").match(NUMBER) ?? []).map((n) =>
    n.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."),
  );
}

/** 64 bits of FNV-1a as 16 hex digits: a short, stable key for a cell (not a secret). */
function fnv64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** The text the key is made from (tests and debugging read it; the sheet stores its hash). */
export function keySource(f: Finding, analysis: Analysis): string {
  const fig = findingFigures(f, analysis);
  const ind = fig.indicator;
  // A finding about no indicator (none today, but Finding allows it) is known by its cell.
  const who = ind ? [ind.number?.trim() ?? "", ind.code ?? "", ind.name.trim()] : ["", "", f.address];
  who.push(fig.rowName.trim());
  const figures = [String(fig.reported ?? ""), String(fig.expected ?? ""), ...messageFigures(f.message.pl)];
  return [f.code, ...who, f.column ?? "", ...figures].join("\u001f");
}

export function findingKey(f: Finding, analysis: Analysis): string {
  return `k${fnv64(keySource(f, analysis))}`;
}

/**
 * The keys of a list of findings, each unique: two findings that nothing above tells apart (the same check on
 * two cells of one row with the same figures) get "-2", "-3" in their order, so that each keeps its own decision.
 */
export function findingKeys(findings: Finding[], analysis: Analysis): string[] {
  return keyedFindings(findings, analysis).map((k) => k.key);
}

/** Each finding with its key (as `findingKeys` gives them), in the same order. */
export function keyedFindings(findings: Finding[], analysis: Analysis): { finding: Finding; key: string }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = findingKey(finding, analysis);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { finding, key: n === 1 ? key : `${key}-${n}` };
  });
}
