/** Reading a workbook's sheets for the commands: one sheet with its findings sheets, or an edition to compare with. */
import type { Workbook } from "exceljs";
import { analyzeWorkbook, DEFAULT_TOLERANCE } from "../core/analyze";
import { editionSheet } from "../core/compare";
import type { Analysis, SheetRecognition } from "../core/model";
import type { WorkbookSnapshot } from "../core/snapshot";
import { snapshotFromWorkbook, snapshotWithReviews } from "../xlsx/read";
import { FileError } from "./files";

export function readSnapshot(wb: Workbook, sheet: string | undefined): WorkbookSnapshot {
  if (sheet !== undefined && !wb.getWorksheet(sheet)) {
    const names = wb.worksheets.map((ws) => `„${ws.name}”`).join(", ");
    throw new FileError(
      `W skoroszycie nie ma arkusza „${sheet}” (są: ${names}).`,
      `The workbook has no sheet "${sheet}" (it has ${names}).`,
    );
  }
  return sheet === undefined ? snapshotFromWorkbook(wb) : snapshotWithReviews(wb, sheet);
}

export interface Edition {
  wb: WorkbookSnapshot;
  analysis: Analysis;
  /** The sheet compared: the named one, or the preferred one, or the first with an indicator table. */
  sheet: SheetRecognition;
}

/** An edition of the annex in `file`; a file without an indicator table (on the named sheet) is bad input. */
export function readEdition(
  wb: Workbook,
  file: string,
  name: string | undefined,
  preferred: string | undefined,
  tolerance = DEFAULT_TOLERANCE,
): Edition {
  const snapshot = readSnapshot(wb, name);
  const analysis = analyzeWorkbook(snapshot, { tolerance });
  const found = editionSheet(analysis.sheets, preferred);
  if (found) return { wb: snapshot, analysis, sheet: found };
  const why = analysis.sheets.find((s) => s.message)?.message;
  const where =
    name === undefined
      ? { pl: "w pliku", en: "in the file" }
      : { pl: `na arkuszu „${name}”`, en: `on the sheet "${name}"` };
  throw new FileError(
    `${file}: nie ma ${where.pl} tabeli wskaźników do porównania.${why ? ` ${why.pl}` : ""}`,
    `${file}: no indicator table to compare ${where.en}.${why ? ` ${why.en}` : ""}`,
  );
}
