/**
 * The reviewer's decisions on the findings sheet ("Uwagi"), read back from a snapshot of it: a map from finding
 * key to decision and comment. Columns are found by their headers, so a reviewer who moves or adds columns
 * does not lose anything; a decision typed in other words than the list offers counts as open.
 */
import { readCell, sheetWidth, type SheetSnapshot } from "../snapshot";

export type Decision = "open" | "explained" | "accepted";

/** The words of the "Decyzja" list, in the order the list offers them. */
export const DECISION_LABELS: Record<Decision, string> = {
  open: "Do wyjaśnienia",
  explained: "Wyjaśnione",
  accepted: "Zaakceptowane",
};
export const DECISIONS: readonly Decision[] = ["open", "explained", "accepted"];

/** Headers the sheet is recognised and read by. */
export const REVIEW_HEADERS = { key: "Klucz", decision: "Decyzja", comment: "Komentarz" } as const;
/** Label of the cell beside which the sheet names the source sheet it reviews (A1, source in B1). */
export const SOURCE_LABEL = "Arkusz źródłowy";
/** Rows the header row is looked for in. */
const HEADER_SEARCH_ROWS = 10;

export interface ReviewEntry {
  decision: Decision;
  comment: string;
}

export interface ReviewRead {
  /** The source sheet the review names in B1, or null. */
  source: string | null;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  entries: Map<string, ReviewEntry>;
  /** The reviewer wrote something: a decision or a comment in some row. */
  filled: boolean;
}

const norm = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The decision a cell's text stands for; an empty or unknown text is open. */
export function decisionOf(text: string): Decision {
  const t = norm(text);
  return DECISIONS.find((d) => norm(DECISION_LABELS[d]) === t || d === t) ?? "open";
}

function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  const c = readCell(sheet, row, col);
  return c.value === null ? "" : String(c.value);
}

/** Read a findings sheet; null when the sheet is not one (no header row with "Klucz" and "Decyzja"). */
export function readReview(sheet: SheetSnapshot): ReviewRead | null {
  const rows = sheet.values.length;
  const cols = sheetWidth(sheet);
  const lastRow = sheet.top + rows - 1;
  const lastCol = sheet.left + cols - 1;
  for (let r = sheet.top; r <= Math.min(lastRow, sheet.top + HEADER_SEARCH_ROWS); r++) {
    const col: Partial<Record<keyof typeof REVIEW_HEADERS, number>> = {};
    for (let c = sheet.left; c <= lastCol; c++) {
      const t = norm(textAt(sheet, r, c));
      for (const [k, header] of Object.entries(REVIEW_HEADERS) as [keyof typeof REVIEW_HEADERS, string][]) {
        if (t === norm(header) && col[k] === undefined) col[k] = c;
      }
    }
    if (col.key === undefined || col.decision === undefined) continue;
    const entries = new Map<string, ReviewEntry>();
    let filled = false;
    for (let row = r + 1; row <= lastRow; row++) {
      const decisionText = textAt(sheet, row, col.decision);
      const comment = col.comment === undefined ? "" : textAt(sheet, row, col.comment).trim();
      if (decisionText.trim() !== "" || comment !== "") filled = true;
      const key = textAt(sheet, row, col.key).trim();
      if (key !== "") entries.set(key, { decision: decisionOf(decisionText), comment });
    }
    const label = norm(textAt(sheet, 0, 0)) === norm(SOURCE_LABEL);
    return { source: label ? textAt(sheet, 0, 1) : null, headerRow: r, entries, filled };
  }
  return null;
}

/**
 * Restore's rule for a findings sheet the add-in added: it is the reviewer's once they wrote a decision or a
 * comment in it, and then it is never deleted. A sheet that does not read as a findings sheet any more
 * (its headers renamed or removed) was changed by hand: it is kept too.
 */
export function reviewerOwns(sheet: SheetSnapshot): boolean {
  const read = readReview(sheet);
  return read === null || read.filled;
}

/** Decisions for the findings of `source`, from every findings sheet that names it (the first sheet wins a key). */
export function decisionsFor(sheets: SheetSnapshot[], source: string): Map<string, ReviewEntry> {
  const out = new Map<string, ReviewEntry>();
  for (const s of sheets) {
    const read = readReview(s);
    if (!read || read.source === null || read.source.toLowerCase() !== source.toLowerCase()) continue;
    for (const [k, v] of read.entries) if (!out.has(k)) out.set(k, v);
  }
  return out;
}
