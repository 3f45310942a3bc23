/**
 * The task pane over any workbook host: Excel through Office.js, or an ExcelJS workbook in the preview.
 * Each action reads the active sheet once, thinks in the engine, shows a preview, and writes once.
 */
import { DEFAULT_TOLERANCE } from "../core/analyse";
import type { WorkbookHost } from "../core/host";
import type { Analysis, Finding } from "../core/model";
import type { EditPlan } from "../core/plan";
import type { WorkbookSnapshot } from "../core/snapshot";
import { fill, h } from "./dom";
import { analyse, isEmptyPlan, PLANNERS, type PlanAction } from "./engine";
import { describeError } from "./errors";
import { STRINGS, type Lang } from "./i18n";
import { countOutstanding, reviewFindings } from "../core/review/reviewed";
import { reviewedFindingsView } from "./review-view";
import { legendView, previewView, recognitionView } from "./views";

export interface Pane {
  /** Resolves when the pane has finished what it is doing (for tests and screenshots). */
  idle(): Promise<void>;
  /** "Sprawdź arkusz", as if clicked (the ribbon's dialog asks for the pane on the findings). */
  showFindings(): Promise<void>;
}

export function startPane(root: HTMLElement, host: WorkbookHost, lang: Lang, now: () => Date = () => new Date()): Pane {
  const t = STRINGS[lang];
  let tolerance = DEFAULT_TOLERANCE;
  let busy: Promise<void> = Promise.resolve();

  const button = (label: string, action: string, primary = false) =>
    h("button", { type: "button", class: primary ? "button button--primary" : "button", "data-action": action }, label);
  const validateButton = button(t.validate, "validate", true);
  const recalcButton = button(t.recalculate, "recalculate");
  const colorButton = button(t.color, "color");
  const summaryButton = button(t.summary, "summary");
  const findingsButton = button(t.findingsSheet, "findings");
  const restoreButton = button(t.restore, "restore");
  const actionButtons = [validateButton, recalcButton, colorButton, summaryButton, findingsButton, restoreButton];

  const modeRadio = (value: string, label: string, checked: boolean) =>
    h("label", { class: "radio" }, h("input", { type: "radio", name: "recalc-mode", value, checked }), label);
  const modeField = h(
    "fieldset",
    { class: "mode" },
    h("legend", {}, t.recalculateAs),
    modeRadio("formulas", t.modeFormulas, true),
    modeRadio("values", t.modeValues, false),
  );
  const toleranceInput = h("input", {
    type: "number",
    id: "tolerance",
    min: "0",
    max: "100",
    step: "0.5",
    value: String(DEFAULT_TOLERANCE * 100),
    "aria-describedby": "tolerance-hint",
    inputmode: "decimal",
  });

  const sheetLine = h("p", { class: "pane__sheet" });
  const recognition = h("div", { class: "recognition" }, h("p", { class: "muted" }, t.notReadYet));
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const errorBar = h("div", { class: "message-bar message-bar--error", role: "alert", hidden: true });
  const preview = h("section", { class: "card preview", "aria-labelledby": "preview-title", hidden: true });
  const findings = h("section", { class: "card findings", "aria-labelledby": "findings-title", hidden: true });

  fill(
    root,
    h("header", { class: "pane__header" }, h("h1", {}, t.title), sheetLine),
    h("section", { class: "card", "aria-labelledby": "recognised-title" }, h("h2", { id: "recognised-title" }, t.recognised), recognition),
    h(
      "section",
      { class: "card actions", "aria-labelledby": "actions-title" },
      h("h2", { id: "actions-title" }, t.actions),
      validateButton,
      h("div", { class: "action-group" }, recalcButton, modeField),
      colorButton,
      summaryButton,
      findingsButton,
      restoreButton,
      h(
        "div",
        { class: "field" },
        h("label", { for: "tolerance" }, t.tolerance),
        h("span", { class: "field__input" }, toleranceInput, h("span", { "aria-hidden": "true" }, "%")),
        h("p", { id: "tolerance-hint", class: "muted" }, t.toleranceHint),
      ),
    ),
    status,
    errorBar,
    preview,
    findings,
    h("section", { class: "card", "aria-labelledby": "legend-title" }, h("h2", { id: "legend-title" }, t.legend), legendView(t, lang)),
  );
  root.setAttribute("lang", lang);

  /** Say what the pane is doing (working) or what it did (idle); buttons wait while it works. */
  const setStatus = (message: string, working: boolean) => {
    root.setAttribute("aria-busy", String(working));
    actionButtons.forEach((b) => (b.disabled = working));
    fill(status, working ? h("span", { class: "spinner", "aria-hidden": "true" }) : null, message || null);
    status.classList.toggle("status--working", working);
  };
  const progress = (message: string) => setStatus(message, true);
  const showError = (message: string | null) => {
    errorBar.hidden = message === null;
    if (message === null) return fill(errorBar);
    const close = h("button", { type: "button", class: "button button--subtle", "aria-label": t.dismiss }, "×");
    close.addEventListener("click", () => showError(null));
    fill(errorBar, h("div", {}, h("strong", {}, t.errorTitle), h("p", {}, message)), close);
  };
  /** Bring a section that just appeared into view and move focus to its heading, for keyboard and screen reader users. */
  const reveal = (section: HTMLElement) => {
    section.hidden = false;
    section.querySelector<HTMLElement>("h2")?.focus();
  };
  const hidePreview = () => {
    preview.hidden = true;
    fill(preview);
  };

  /** Where keyboard focus goes when a job ends (set when the job removes the focused control, e.g. "Zastosuj"). */
  let focusAfter: HTMLElement | null = null;

  /** Run one job at a time; any failure ends as a readable message and an idle pane. */
  const run = (job: () => Promise<string>) => {
    busy = busy.then(async () => {
      showError(null);
      try {
        setStatus(await job(), false);
      } catch (e) {
        setStatus("", false);
        showError(describeError(e, lang, t));
        errorBar.scrollIntoView?.({ block: "nearest" });
      }
      // Only now are the buttons enabled again and focusable.
      focusAfter?.focus();
      focusAfter = null;
    });
    return busy;
  };

  /** Read the active sheet and analyse it: every action starts from the workbook as it is now. */
  const readAndAnalyse = async (): Promise<{ wb: WorkbookSnapshot; analysis: Analysis }> => {
    progress(t.reading);
    const wb = await host.readActiveSheet();
    progress(t.analysing);
    const analysis = analyse(wb, tolerance);
    fill(sheetLine, t.sheet(wb.sheets[0]?.name ?? ""));
    fill(recognition, ...recognitionView(analysis, t, lang));
    return { wb, analysis };
  };

  const selectFinding = (f: Finding) =>
    run(async () => {
      progress(t.selecting(f.address));
      await host.select(f.sheet, f.address);
      return "";
    });

  const goToSheet = (sheet: string) =>
    run(async () => {
      await host.select(sheet, "A1");
      return "";
    });

  const validate = () =>
    run(async () => {
      hidePreview();
      const { wb, analysis } = await readAndAnalyse();
      // Decisions from the findings sheet ("Uwagi"): accepted findings are shown apart and not counted.
      const reviewed = reviewFindings(wb, analysis);
      fill(findings, h("h2", { id: "findings-title", tabindex: "-1" }, t.findings), ...reviewedFindingsView(reviewed, analysis, t, lang, selectFinding));
      reveal(findings);
      const accepted = reviewed.filter((r) => r.decision === "accepted").length;
      return t.findingsSummary(countOutstanding(reviewed)) + (accepted > 0 ? t.acceptedCount(accepted) : "");
    });

  const buttonOf: Record<PlanAction, HTMLButtonElement> = {
    recalculate: recalcButton,
    color: colorButton,
    summary: summaryButton,
    restore: restoreButton,
    findings: findingsButton,
  };

  const applyPlan = (plan: EditPlan) =>
    run(async () => {
      // "Zastosuj" disappears with the preview: keyboard focus returns to the action the user started.
      focusAfter = buttonOf[plan.action];
      hidePreview();
      progress(t.writing);
      await host.apply(plan);
      // Findings listed before describe the workbook as it was.
      findings.hidden = true;
      if (plan.addSheets.length > 0) {
        // A new sheet does not open by itself: offer to go there.
        fill(
          preview,
          h("h2", { id: "preview-title", tabindex: "-1" }, t.done),
          ...plan.addSheets.map((s) => {
            const go = h("button", { type: "button", class: "button", "data-action": "go-to-sheet" }, t.goToSheet(s.name));
            go.addEventListener("click", () => void goToSheet(s.name));
            return go;
          }),
        );
        reveal(preview);
        // The "go to the new sheet" section has focus now.
        focusAfter = null;
      }
      return t.applied(plan.changes.length);
    });

  const planAction = (action: PlanAction) =>
    run(async () => {
      hidePreview();
      const { wb, analysis } = await readAndAnalyse();
      progress(t.planning);
      const mode = modeField.querySelector<HTMLInputElement>("input:checked")?.value === "values" ? "values" : "formulas";
      const plan = PLANNERS[action](wb, analysis, { mode, now: now().toISOString() });
      if (isEmptyPlan(plan)) {
        preview.hidden = plan.notes.length === 0;
        fill(preview, h("h2", { id: "preview-title" }, t.preview), h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, n[lang]))));
        return t.nothingToChange;
      }
      fill(
        preview,
        h("h2", { id: "preview-title", tabindex: "-1" }, t.preview),
        ...previewView(plan, t, lang, () => void applyPlan(plan), () => {
          hidePreview();
          setStatus(t.cancelled, false);
          buttonOf[action].focus();
        }),
      );
      reveal(preview);
      return t.previewReady;
    });

  validateButton.addEventListener("click", () => void validate());
  recalcButton.addEventListener("click", () => void planAction("recalculate"));
  colorButton.addEventListener("click", () => void planAction("color"));
  summaryButton.addEventListener("click", () => void planAction("summary"));
  findingsButton.addEventListener("click", () => void planAction("findings"));
  restoreButton.addEventListener("click", () => void planAction("restore"));
  toleranceInput.addEventListener("change", () => {
    const percent = Number(toleranceInput.value.replace(",", "."));
    const valid = toleranceInput.value.trim() !== "" && Number.isFinite(percent) && percent >= 0 && percent <= 100;
    toleranceInput.setAttribute("aria-invalid", String(!valid));
    if (valid) tolerance = percent / 100;
    showError(valid ? null : t.toleranceInvalid);
  });

  // Show what the sheet holds as soon as the pane opens.
  void run(async () => {
    await readAndAnalyse();
    return "";
  });
  return { idle: () => busy, showFindings: validate };
}
