/** `mops-indicators compare OLD.xlsx NEW.xlsx`: what the new edition revised in the figures the old one published. */
import type { Workbook } from "exceljs";
import { analyzeWorkbook } from "../core/analyze";
import { compareEditions, editionSheet } from "../core/compare";
import { buildCompareReport } from "../core/compare/report";
import type { SheetRecognition } from "../core/model";
import type { Command } from "./args";
import { EXIT_FINDINGS, EXIT_OK, readSnapshot, type Io } from "./commands";
import { describeComparison } from "./compare-text";
import { FileError, readWorkbookFile } from "./files";

type CompareCommand = Extract<Command, { kind: "compare" }>;

export async function runCompare(cmd: CompareCommand, io: Io): Promise<number> {
  const oldWb = (await readWorkbookFile(cmd.oldFile)).workbook;
  const newWb = (await readWorkbookFile(cmd.file)).workbook;
  const after = readEdition(newWb, cmd.file, cmd.sheet, undefined);
  // Without --old-sheet, the old edition's sheet of the same name, else its first with a table.
  const before = readEdition(oldWb, cmd.oldFile, cmd.oldSheet, after.sheet);
  const comparison = compareEditions(before, after);
  const report = buildCompareReport({ old: cmd.oldFile, new: cmd.file }, comparison);
  io.out(cmd.json ? JSON.stringify(report, null, 2) : describeComparison(report, comparison, cmd.lang));
  return comparison.revisions.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The named sheet, or the preferred one, or the first with an indicator table; a file without one is bad input. */
function readEdition(wb: Workbook, file: string, name: string | undefined, preferred: string | undefined): SheetRecognition {
  const sheets = analyzeWorkbook(readSnapshot(wb, name)).sheets;
  const found = editionSheet(sheets, preferred);
  if (found) return found;
  const why = sheets.find((s) => s.message)?.message;
  const where = name === undefined ? { pl: "w pliku", en: "in the file" } : { pl: `na arkuszu „${name}”`, en: `on the sheet "${name}"` };
  throw new FileError(
    `${file}: nie ma ${where.pl} tabeli wskaźników do porównania.${why ? ` ${why.pl}` : ""}`,
    `${file}: no indicator table to compare ${where.en}.${why ? ` ${why.en}` : ""}`,
  );
}
