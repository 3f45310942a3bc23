/**
 * The task pane over any workbook host: Excel through Office.js, or an ExcelJS workbook in the preview.
 * Each action reads the active sheet once, thinks in the engine, shows a preview, and writes once.
 * The view is built in pane-view, the state and job runner are in pane-state, the actions in pane-actions (reading)
 * and pane-plan (writing); this module wires the buttons to them.
 */
import type { WorkbookHost } from "../core/host";
import type { Lang } from "../core/message";
import type { ActionId } from "../core/plan";
import { editionPicker, type WorkbookFileReader } from "./compare";
import { STRINGS } from "../ui/i18n";
import { COMPARE_STRINGS } from "./i18n-compare";
import { compare, readAndAnalyze, showWhy, validate } from "./pane-actions";
import { planAction } from "./pane-plan";
import { initialState, run, showError, type PaneContext } from "./pane-state";
import { buildPaneView } from "./pane-view";

export interface Pane {
  /** Resolves when the pane has finished what it is doing (for tests and screenshots). */
  idle(): Promise<void>;
  /** "Sprawdź arkusz", as if clicked (the ribbon's dialog asks for the pane on the findings). */
  showFindings(): Promise<void>;
}

/** What the pane may be given beyond the host. */
export interface PaneOptions {
  /** Reads a previous edition's .xlsx file (without it, only another sheet of the workbook can be compared). */
  readWorkbookFile?: WorkbookFileReader;
}

export function startPane(
  root: HTMLElement,
  host: WorkbookHost,
  lang: Lang,
  now: () => Date = () => new Date(),
  options: PaneOptions = {},
): Pane {
  const t = STRINGS[lang];
  const tc = COMPARE_STRINGS[lang];
  const picker = editionPicker(host, options.readWorkbookFile, tc);
  const view = buildPaneView(root, t, lang, picker);
  const ctx: PaneContext = { root, host, lang, t, tc, now, picker, view, state: initialState() };

  view.validateButton.addEventListener("click", () => void validate(ctx));
  for (const action of Object.keys(view.buttonOf) as ActionId[])
    view.buttonOf[action].addEventListener("click", () => void planAction(ctx, action));
  picker?.button.addEventListener("click", () => void compare(ctx));
  const { toleranceInput } = view;
  toleranceInput.addEventListener("change", () => {
    const percent = Number(toleranceInput.value.replace(",", "."));
    const valid = toleranceInput.value.trim() !== "" && Number.isFinite(percent) && percent >= 0 && percent <= 100;
    toleranceInput.setAttribute("aria-invalid", String(!valid));
    if (valid) ctx.state.tolerance = percent / 100;
    showError(ctx, valid ? null : t.toleranceInvalid);
  });

  // A host that reports the user's selection gets "why this colour" for the selected value (a host without it: none).
  void host.onSelectionChanged?.((address) => showWhy(ctx, address)).catch(() => undefined);
  // Show what the sheet holds as soon as the pane opens.
  void run(ctx, async () => {
    await readAndAnalyze(ctx);
    return "";
  });
  return { idle: () => ctx.state.busy, showFindings: () => validate(ctx) };
}
