/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
import { OPEN_FINDINGS_KEY, onOpenFindings } from "../../src/ui/open-findings";

test("the ribbon's note shows the findings once, on start or when it appears", () => {
  localStorage.setItem(OPEN_FINDINGS_KEY, "2026-11-30T02:00:00Z");
  const shown: string[] = [];
  onOpenFindings(window, () => shown.push("findings"));
  expect(shown).toEqual(["findings"]);
  expect(localStorage.getItem(OPEN_FINDINGS_KEY)).toBeNull();

  // Another page of the add-in (the command's) leaves the note while the pane is open.
  localStorage.setItem(OPEN_FINDINGS_KEY, "2026-11-30T02:05:00Z");
  window.dispatchEvent(new StorageEvent("storage", { key: OPEN_FINDINGS_KEY, newValue: "2026-11-30T02:05:00Z" }));
  expect(shown).toEqual(["findings", "findings"]);
  // Another key, or a removal, does nothing.
  window.dispatchEvent(new StorageEvent("storage", { key: "other", newValue: "x" }));
  window.dispatchEvent(new StorageEvent("storage", { key: OPEN_FINDINGS_KEY, newValue: null }));
  expect(shown).toHaveLength(2);
});
