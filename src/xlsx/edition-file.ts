/** Last year's edition as a file the user picked: its bytes to a snapshot of every sheet, read in memory only. */
import type { WorkbookSnapshot } from "../core/snapshot";
import { loadWorkbook } from "./load";
import { snapshotFromWorkbook } from "./read";

export async function snapshotFromFile(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  // Bytes that are no workbook throw a LocalizedError, whose words the pane shows as they are.
  return snapshotFromWorkbook(await loadWorkbook(bytes));
}
