/**
 * "Porównaj z poprzednią edycją" in the pane: where last year's edition comes from (an .xlsx file the user picks,
 * read in memory by an injected reader, or another sheet of this workbook where the host can read one), and the
 * comparison as groups of the results list.
 */
import { comparisonGroups, type Comparison, type ComparisonItem } from "../core/compare";
import type { WorkbookHost } from "../core/host";
import { JOURNAL_SHEET } from "../core/plan";
import type { WorkbookSnapshot } from "../core/snapshot";
import { h } from "../ui/dom";
import type { CompareStrings } from "./i18n-compare";
import type { ResultGroup } from "./views";

/** Reads an .xlsx file's bytes into a snapshot of its sheets (the ExcelJS adapter, loaded when first needed). */
export type WorkbookFileReader = (bytes: ArrayBuffer) => Promise<WorkbookSnapshot>;

export interface EditionSource {
  /** For messages: "plik „x.xlsx”" or "arkusz „2022” tego skoroszytu". */
  label: string;
  /** The file's or the sheet's name, as notes quote it. */
  name: string;
  /** Where the compared sheet came from, once known: "plik „x.xlsx”, arkusz „Załącznik 5”". */
  origin(sheet: string): string;
  progress: string;
  read(): Promise<WorkbookSnapshot>;
}

export interface EditionPicker {
  /** The action's group: its button and the two ways to name the previous edition. */
  element: HTMLElement;
  button: HTMLButtonElement;
  /** Offer the workbook's other sheets (after each read of the active one). */
  offerSheets(names: string[], active: string): void;
  /** The edition chosen, or null when none is. */
  chosen(): EditionSource | null;
  /** "Wstaw raport uwag" is to carry the chosen edition's decisions. */
  carriesDecisions(): boolean;
}

/** Null when the pane can read no previous edition (no file reader and a host that reads only the active sheet). */
export function editionPicker(
  host: WorkbookHost,
  readFile: WorkbookFileReader | undefined,
  t: CompareStrings,
): EditionPicker | null {
  const readSheet = host.readSheet?.bind(host);
  if (!readFile && !readSheet) return null;
  const button = h("button", { type: "button", class: "button", "data-action": "compare" }, t.action);
  const fileInput = h("input", {
    type: "file",
    id: "edition-file",
    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "aria-describedby": "edition-file-hint",
  });
  const sheetSelect = h("select", { id: "edition-sheet" }, h("option", { value: "" }, t.noSheet));
  const carry = h("input", { type: "checkbox", id: "edition-carry" });
  // One source at a time: picking one clears the other.
  fileInput.addEventListener("change", () => (sheetSelect.value = ""));
  sheetSelect.addEventListener("change", () => (fileInput.value = ""));
  const element = h(
    "div",
    { class: "action-group compare" },
    button,
    h(
      "fieldset",
      { class: "mode" },
      h("legend", {}, t.legend),
      readFile ? h("label", { class: "compare__label", for: "edition-file" }, t.file) : null,
      readFile ? fileInput : null,
      readFile ? h("p", { id: "edition-file-hint", class: "muted" }, t.fileHint) : null,
      readSheet ? h("label", { class: "compare__label", for: "edition-sheet" }, t.sheet) : null,
      readSheet ? sheetSelect : null,
      h("label", { class: "radio compare__carry" }, carry, t.carry),
    ),
  );
  return {
    element,
    button,
    offerSheets(names, active) {
      const kept = sheetSelect.value;
      const others = names.filter((n) => n !== active && n !== JOURNAL_SHEET);
      sheetSelect.replaceChildren(
        h("option", { value: "" }, t.noSheet),
        ...others.map((n) => h("option", { value: n }, n)),
      );
      sheetSelect.value = others.includes(kept) ? kept : "";
    },
    chosen() {
      const file = readFile ? fileInput.files?.[0] : undefined;
      if (file && readFile) {
        return {
          label: t.fileOf(file.name),
          name: file.name,
          origin: (sheet) => t.sheetOfFile(file.name, sheet),
          progress: t.readingFile(file.name),
          read: async () => readFile(await file.arrayBuffer()),
        };
      }
      const sheet = sheetSelect.value;
      if (sheet && readSheet)
        return {
          label: t.sheetOf(sheet),
          name: sheet,
          origin: () => t.sheetOf(sheet),
          progress: t.readingSheet(sheet),
          read: () => readSheet(sheet),
        };
      return null;
    },
    carriesDecisions: () => carry.checked,
  };
}

/** The comparison's non-empty groups, titled, for the results list. */
export function comparisonResultGroups(c: Comparison, t: CompareStrings): ResultGroup<ComparisonItem>[] {
  return comparisonGroups(c).map((g) => ({
    key: `compare-${g.id}`,
    kind: "compare",
    title: t.groups[g.id],
    items: g.items,
  }));
}
