/**
 * The JSON of `mops-indicators compare OLD.xlsx NEW.xlsx --json`. Rows are 1-based; every `address` is a cell of the
 * new sheet, except the `old` cells of a revision, which are the old sheet's.
 */
import { cell as reportCell, type ReportCell } from "../report";
import type { Indicator } from "../model";
import type { Comparison, IndicatorChange, RevisionField } from "./index";
import { foldNumber } from "./names";
import type { Message } from "../message";

export const COMPARE_SCHEMA_VERSION = 1;

export interface CompareReportIndicator {
  /** The indicator's id in its own edition ("<sheet>!<row>"). */
  id: string;
  row: number;
  number: string | null;
  name: string;
  code: string | null;
}

export interface CompareReportRevision {
  sheet: string;
  address: string;
  row: number;
  indicator: CompareReportIndicator;
  field: RevisionField;
  /** The year of a yearly value (also of a component's), else null. */
  year: number | null;
  /** "baseline", "target", "trend" or the year. */
  column: string;
  /** For field "component": the row under the indicator (component, district) in the new sheet. */
  component: { row: number; name: string } | null;
  old: ReportCell;
  new: ReportCell;
  message: Message;
}

export interface CompareReportChange {
  sheet: string;
  address: string;
  row: number;
  /** The indicator in the old edition; null for an added one. */
  old: CompareReportIndicator | null;
  /** The indicator in the new edition; null for a removed one (whose row is that of the indicator now in its place). */
  new: CompareReportIndicator | null;
  message: Message;
}

export interface CompareReportRenumbering extends CompareReportChange {
  oldNumber: string | null;
  newNumber: string | null;
}

export interface CompareReport {
  schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  old: { file: string; sheet: string };
  new: { file: string; sheet: string };
  matched: number;
  revisions: CompareReportRevision[];
  added: CompareReportChange[];
  removed: CompareReportChange[];
  renamed: CompareReportChange[];
  renumbered: CompareReportRenumbering[];
}

export function buildCompareReport(files: { old: string; new: string }, c: Comparison): CompareReport {
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    old: { file: files.old, sheet: c.oldSheet },
    new: { file: files.new, sheet: c.newSheet },
    matched: c.matched,
    revisions: c.revisions.map((r) => ({
      sheet: r.sheet,
      address: r.address,
      row: r.row + 1,
      indicator: indicator(r.indicator),
      field: r.field,
      year: r.year,
      column: r.column,
      component: r.component && { row: r.component.row + 1, name: r.component.name },
      old: reportCell(r.old)!,
      new: reportCell(r.new)!,
      message: r.message,
    })),
    added: c.added.map(change),
    removed: c.removed.map(change),
    renamed: c.renamed.map(change),
    renumbered: c.renumbered.map((x) => ({
      ...change(x),
      oldNumber: foldNumber(x.old?.number ?? null),
      newNumber: foldNumber(x.new?.number ?? null),
    })),
  };
}

function change(x: IndicatorChange): CompareReportChange {
  return {
    sheet: x.sheet,
    address: x.address,
    row: x.row + 1,
    old: x.old && indicator(x.old),
    new: x.new && indicator(x.new),
    message: x.message,
  };
}

function indicator(ind: Indicator): CompareReportIndicator {
  return { id: ind.id, row: ind.row + 1, number: ind.number, name: ind.name, code: ind.code };
}
