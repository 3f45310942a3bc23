/**
 * The ribbon's result dialog can ask for the pane "on the findings": the command leaves a note in the add-in's
 * local storage and shows the pane; the pane, when it starts or sees the note appear, lists the findings and
 * removes the note. Local storage is shared by the add-in's pages (same origin), so no runtime has to be shared.
 */
export const OPEN_FINDINGS_KEY = "mops-indicators:open-findings";

/** Take the note if it is there (it is used once). */
export function takeOpenFindings(storage: Storage | undefined): boolean {
  try {
    if (!storage || storage.getItem(OPEN_FINDINGS_KEY) === null) return false;
    storage.removeItem(OPEN_FINDINGS_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Run `show` now if the note is there, and whenever another page of the add-in leaves it. */
export function onOpenFindings(win: Window, show: () => void): void {
  if (takeOpenFindings(win.localStorage)) show();
  win.addEventListener("storage", (e) => {
    if (e.key === OPEN_FINDINGS_KEY && e.newValue !== null && takeOpenFindings(win.localStorage)) show();
  });
}
