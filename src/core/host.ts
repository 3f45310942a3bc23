/**
 * What the task pane needs from a workbook. The Excel adapter (src/excel) and the ExcelJS adapter
 * (src/xlsx, used by the preview host) both implement it, so the pane runs unchanged on either.
 */
import { LocalizedError } from "./message";
import type { EditPlan } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

export interface WorkbookHost {
  /** The active sheet (and the backup journal) in one read. */
  readActiveSheet(): Promise<WorkbookSnapshot>;
  /** Another sheet of the workbook, read the same way (to compare with last year's edition kept beside this one). */
  readSheet?(name: string): Promise<WorkbookSnapshot>;
  /** Write a whole plan in one go, or refuse with a HostError before writing anything. */
  apply(plan: EditPlan): Promise<void>;
  /** Select a cell of a sheet and bring it into view. */
  select(sheet: string, address: string): Promise<void>;
  /** Call the listener with the address ("F5", "F5:G7") whenever the user selects cells; where the host can tell. */
  onSelectionChanged?(listener: (address: string) => void): Promise<void>;
}

/** A refusal the user should read (protected sheet, merged cells in the way), in both languages. */
export class HostError extends LocalizedError {}

/** A refusal because the add-in's backup cannot be trusted or would be lost (the CLI exits with 2). */
export class BackupRefusal extends HostError {}
