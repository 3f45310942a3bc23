/** Last year's edition as a file the user picked: its bytes to a snapshot of every sheet, read in memory only. */
import { HostError } from "../core/host";
import type { WorkbookSnapshot } from "../core/snapshot";
import { loadWorkbook, WorkbookFileError } from "./load";
import { snapshotFromWorkbook } from "./read";

export async function snapshotFromFile(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  try {
    return snapshotFromWorkbook(await loadWorkbook(bytes));
  } catch (e) {
    // The pane shows a HostError's words as they are.
    if (e instanceof WorkbookFileError) throw new HostError(e.pl, e.en);
    throw e;
  }
}
