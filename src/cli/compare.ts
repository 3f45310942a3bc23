/** `mops-indicators compare OLD.xlsx NEW.xlsx`: what the new edition revised in the figures the old one published. */
import { compareEditions } from "../core/compare";
import { buildCompareReport } from "../core/compare/report";
import type { Command } from "./args";
import { EXIT_FINDINGS, EXIT_OK, type Io } from "./commands";
import { describeComparison } from "./compare-text";
import { readEdition } from "./editions";
import { readWorkbookFile } from "./files";

type CompareCommand = Extract<Command, { kind: "compare" }>;

export async function runCompare(cmd: CompareCommand, io: Io): Promise<number> {
  const oldWb = (await readWorkbookFile(cmd.oldFile)).workbook;
  const newWb = (await readWorkbookFile(cmd.file)).workbook;
  const after = readEdition(newWb, cmd.file, cmd.sheet, undefined).sheet;
  // Without --old-sheet, the old edition's sheet of the same name, else its first with a table.
  const before = readEdition(oldWb, cmd.oldFile, cmd.oldSheet, after.sheet).sheet;
  const comparison = compareEditions(before, after);
  const report = buildCompareReport({ old: cmd.oldFile, new: cmd.file }, comparison);
  io.out(cmd.json ? JSON.stringify(report, null, 2) : describeComparison(report, comparison, cmd.lang));
  return comparison.revisions.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
