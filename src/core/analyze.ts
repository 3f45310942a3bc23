/** The engine's one entry point: recognise every sheet read, then ratios, statuses and findings. */
import { validate } from "./findings";
import type { Analysis, Indicator, RatioResult, SheetRecognition, Status } from "./model";
import type { SheetSnapshot } from "./snapshot";
import { inferRatio } from "./ratio";
import { recognizeSheet } from "./recognize";
import type { WorkbookSnapshot } from "./snapshot";
import { indicatorStatuses, rowStatuses } from "./status";

export const DEFAULT_TOLERANCE = 0.05;

export interface AnalyzeOptions {
  /** Relative tolerance for "maintain" indicators (0.05 = 5 %). */
  tolerance: number;
}

export function analyzeWorkbook(
  wb: WorkbookSnapshot,
  opts: AnalyzeOptions = { tolerance: DEFAULT_TOLERANCE },
): Analysis {
  const ownSheets = new Set(wb.journal.entries.flatMap((e) => e.addedSheets.map((n) => n.toLowerCase())));
  const sheets = wb.sheets.map((s) => (ownSheets.has(s.name.toLowerCase()) ? addInSheet(s) : recognizeSheet(s)));
  const ratios: Record<string, RatioResult | null> = {};
  const ratioNotes: Analysis["ratioNotes"] = {};
  const statuses: Record<string, Record<string, Status>> = {};
  for (const table of sheets.flatMap((s) => s.tables)) {
    for (const ind of table.indicators) {
      const { result, note } = inferRatio(ind);
      ratios[ind.id] = result;
      if (note) ratioNotes[ind.id] = note;
      statuses[ind.id] = indicatorStatuses(ind, table.years, opts.tolerance);
      for (const sub of ind.subRows)
        statuses[subRowId(ind, sub.row)] = rowStatuses(sub, sub.trend, table.years, opts.tolerance);
    }
  }
  return { tolerance: opts.tolerance, sheets, ratios, ratioNotes, statuses, findings: validate(sheets, ratios) };
}

/** A sheet the add-in made (a summary) is its output, not an annex: reading it as one would report on itself. */
function addInSheet(sheet: SheetSnapshot): SheetRecognition {
  return {
    sheet: sheet.name,
    tables: [],
    message: {
      pl: `Arkusz „${sheet.name}” dodał dodatek (podsumowanie): nie jest sprawdzany jak załącznik.`,
      en: `The sheet "${sheet.name}" was added by the add-in (a summary): it is not checked as an annex.`,
    },
  };
}

/** Sub-rows are keyed like indicators: "<sheet>!<1-based row>". */
export function subRowId(ind: Indicator, row: number): string {
  return `${ind.sheet}!${row + 1}`;
}

/** Every indicator of the analysis, in sheet order. */
export function allIndicators(analysis: Analysis): Indicator[] {
  return analysis.sheets.flatMap((s) => s.tables.flatMap((t) => t.indicators));
}
