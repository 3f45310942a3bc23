/**
 * Restore's rule for findings sheets: the add-in added them, but a reviewer who wrote a decision or a comment
 * in one made it theirs, and restore never deletes what the user made. A findings sheet the snapshot did not
 * read is kept too: what the add-in cannot see, it does not destroy.
 */
import type { JournalEntry } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { reviewerOwns } from "./decisions";

/** The findings sheets (by the journal) that restore must keep, as the workbook names them. */
export function reviewSheetsToKeep(
  entries: JournalEntry[],
  sheetNames: string[],
  snapshots: SheetSnapshot[],
): string[] {
  const findingsSheets = new Set(
    entries.filter((e) => e.action === "findings").flatMap((e) => e.addedSheets.map((n) => n.toLowerCase())),
  );
  return sheetNames.filter((name) => {
    if (!findingsSheets.has(name.toLowerCase())) return false;
    const snapshot = snapshots.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return snapshot === undefined || reviewerOwns(snapshot);
  });
}
